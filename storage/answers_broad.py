"""Broad questions about a whole plan, answered beside the item search of storage/answers.py:

- 'xã mình năm nay phấn đấu gì?'   -> the main targets by group (a button per group)
- 'bao nhiêu chỉ tiêu'            -> the plan's own count ('28 chỉ tiêu'), else the targets read
- 'chỉ tiêu nào chưa đạt/đã đạt'  -> the latest progress of each target, judged in its direction
- 'ai là chủ tịch phường'          -> the plan's signer and the leaders it names
- 'so sánh BHYT Đông Thọ và Thiệu Dương' -> the item in each place
- a year no plan of the place covers -> said, never answered silently from another year

The engine calls `before_scope` (a comparison names two places), `answer` (a broad
question in the chosen place) and `year_note`; all wording is in knowledge/broad_text.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge import broad
from knowledge import broad_text as say
from knowledge import question as qn
from knowledge.text import clean, fold
from storage import models as m
from storage.broad_models import PlanStated

if TYPE_CHECKING:
    from storage.answers import Answer, AnswerEngine, _Scope

_PLACE_TYPE_WORDS = {"xa", "phuong", "thi", "tran"}
_RESULT_WORDS = re.compile(
    r"\b(?:ket qua|uoc (?:dat|thuc hien|tinh)|thuc hien duoc|dat duoc|da dat|chua dat|khong dat)\b"
)


# ---------------------------------------------------------------- two places


def before_scope(
    engine: AnswerEngine, q: qn.Question, gaz: qn.Gazetteer, asker: str | None = None
) -> Answer | None:
    """'so sánh BHYT Đông Thọ và Thiệu Dương': the item asked in each place named;
    'so sánh BHYT với Thiệu Dương' compares with the asker's own place."""
    from storage.answers import Answer

    if q.intent.kind not in (qn.TARGET, qn.PROGRESS, qn.RESPONSIBLE, qn.DEADLINE):
        return None
    hits = gaz.find_all(q.tokens)
    places: dict[int, qn.PlaceRef] = {}
    spans: list[range] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(h.start in s for s in spans):
            continue  # 'Đông Thọ' inside a longer name already taken
        cands = qn.Gazetteer.narrow(h.candidates, q.folded)
        if len(cands) == 1:
            places.setdefault(cands[0].id, cands[0])
            spans.append(range(h.start, h.end))
    if len(places) == 1 and asker and broad.names_comparison(q.folded):
        own = gaz.resolve_text(re.sub(r"\s*\(nay thuộc [^)]*\)", "", asker))
        if len(own) == 1 and own[0].id not in places:
            places = {own[0].id: own[0], **places}
    if len(places) < 2 or not broad.is_comparison(q.folded):
        return None
    covered = {i for s in spans for i in s}
    words = [t.acc for i, t in enumerate(q.tokens) if i not in covered]
    subject = say.comparison_subject(" ".join(words))
    if not subject:
        return None
    parts = []
    matches = []
    for place in list(places.values())[:4]:
        sub = engine.ask(f"{subject} {place.name}")
        parts.append(say.compared_place(place.name, sub.text, sub.matches[0] if sub.matches else None))
        matches += sub.matches[:1]
    return Answer(say.comparison(subject, parts), q.intent.kind, matches=matches)


# ---------------------------------------------------------------- one place


def answer(engine: AnswerEngine, session: Session, q: qn.Question, scope: _Scope) -> Answer | None:
    """The answer to a broad question in the scope's place, or None for an item question."""
    ask = broad.detect_broad(q.folded, [t.fold for t in q.terms])
    if ask is None or q.intent.kind in (qn.HELP, qn.MY_ITEMS, qn.PARTY_ITEMS, qn.TOPIC):
        return None
    plan = scope.preferred
    if ask.kind == broad.CHAIRMAN:
        return _chairman(session, plan, ask.vice)
    if ask.kind == broad.COUNT:
        return _count(session, plan)
    if ask.kind in (broad.MET, broad.NOT_MET):
        return _met(session, plan, ask.kind)
    if ask.kind == broad.GROUP:
        return _goals(session, scope, only=ask.group or "")
    return _goals(session, scope)


def _answer(text: str, kind: str, choices: list[tuple[str, str]] | None = None) -> Answer:
    from storage.answers import Answer

    ans = Answer(text, kind)
    ans.choices = choices or []
    return ans


def _indicators(session: Session, plan: m.Plan) -> list[m.Indicator]:
    """The plan's targets, each once (a plan lists many twice: in its prose and its table)."""
    rows = session.scalars(
        select(m.Indicator).where(m.Indicator.plan_id == plan.id).order_by(m.Indicator.position)
    ).all()
    seen: set[str] = set()
    out = []
    for ind in rows:
        key = fold(ind.name)
        if key not in seen:
            seen.add(key)
            out.append(ind)
    return out


def _stated(session: Session, plan: m.Plan) -> dict[str, Any]:
    row = session.get(PlanStated, plan.id)
    return dict(row.data) if row is not None else {}


def _where(plan: m.Plan) -> say.Where:
    return say.Where(plan.locality_name or "", plan.period_start, plan.period_end, plan.doc_number)


def _goals(session: Session, scope: _Scope, only: str | None = None) -> Answer:
    plan = scope.preferred
    groups: dict[str, tuple[str, list[say.Goal]]] = {}
    for ind in _indicators(session, plan):
        label = say.group_label(ind.group)
        key = fold(label)
        goal = say.Goal(ind.name, say.figure_of(ind.target_text, ind.unit, ind.comparator))
        groups.setdefault(key, (label, []))[1].append(goal)
    ordered = list(groups.values())
    if only is not None:
        want = set(only.split()) - _PLACE_TYPE_WORDS - {"nam"}
        best = max(ordered, key=lambda g: len(want & set(fold(g[0]).split())), default=None)
        if best is None or not want & set(fold(best[0]).split()):
            return _answer(say.no_group(only, [g[0] for g in ordered]), qn.TOPIC)
        return _answer(say.group_answer(_where(plan), best[0], best[1]), qn.TOPIC)
    stated = _stated(session, plan).get("indicators")
    choices = [
        (f"{label} ({len(goals)})", say.group_question(label, plan.locality_name, plan.period_end))
        for label, goals in ordered
    ]
    return _answer(say.goals_answer(_where(plan), ordered, stated), qn.OVERVIEW, choices[:8])


def _count(session: Session, plan: m.Plan) -> Answer:
    stated = _stated(session, plan)
    read = len(_indicators(session, plan))
    text = say.count_answer(_where(plan), stated.get("indicators"), stated.get("indicators_line"), read)
    achieved = stated.get("achieved")
    if achieved:
        text += "\n" + say.achieved_line(achieved[0], achieved[1])
    return _answer(text, qn.OVERVIEW)


def _met(session: Session, plan: m.Plan, kind: str) -> Answer:
    records = session.scalars(
        select(m.ProgressRecord)
        .where(m.ProgressRecord.plan_key == plan.plan_key, m.ProgressRecord.item_kind == "indicator")
        .order_by(m.ProgressRecord.reported_at, m.ProgressRecord.id)
    ).all()
    latest: dict[str, m.ProgressRecord] = {}
    for rec in records:
        latest[rec.item_key] = rec  # the newest of each target wins
    inds = {
        ind.item_key: ind
        for ind in session.scalars(select(m.Indicator).where(m.Indicator.plan_id == plan.id))
    }
    verdicts: dict[str, list[say.Judged]] = {"met": [], "not_met": [], "pending": []}
    for key, rec in latest.items():
        ind = inds.get(key)
        verdict = broad.progress_verdict(
            rec.item_name,
            ind.target_value if ind else None,
            ind.comparator if ind else None,
            ind.target_max if ind else None,
            rec.value,
            rec.value_text,
            rec.assessment,
            rec.status,
        )
        target = say.figure_of(ind.target_text, ind.unit, ind.comparator) if ind else ""
        verdicts[verdict].append(
            say.Judged(clean(ind.name if ind else rec.item_name), rec.value_text, target)
        )
    text = say.met_answer(_where(plan), kind == broad.MET, verdicts)
    if achieved := _stated(session, plan).get("achieved"):
        text += "\n" + say.achieved_line(achieved[0], achieved[1])
    return _answer(text, qn.PROGRESS)


def _chairman(session: Session, plan: m.Plan, vice: bool) -> Answer:
    title = _stated(session, plan).get("signer_title")
    leaders: list[tuple[str, str]] = []
    if plan.locality is not None:
        parties = session.scalars(
            select(m.Party).where(m.Party.locality_key == plan.locality.key, m.Party.kind == "person")
        ).all()
        for p in parties:
            t = fold(p.title or "")
            if "chu tich" in t:
                leaders.append(("Phó Chủ tịch" if "pho chu tich" in t else "Chủ tịch", clean(p.display)))
    return _answer(say.chairman_answer(_where(plan), plan.signer, title, leaders, vice), qn.OVERVIEW)


# ---------------------------------------------------------------- the year asked


def year_note(q: qn.Question, scope: _Scope, answer_text: str) -> str | None:
    """'Kế hoạch năm 2024 …' where the place has no plan covering 2024: say so (the answer
    that follows is from the plan there is, and says its year). Not when the answer itself
    speaks of that year (an item named for it: 'gọi nhập ngũ năm 2027'; a result of the
    year before the plan), nor for a year that only dates a document ('ngày 21/11/2025')."""
    year = q.period.year
    if not year or q.period.start != q.period.end:
        return None  # 'đến 2030' is a horizon, not the plan's year
    if str(year) in answer_text or re.search(rf"\d/\s*{year}\b", q.raw):
        return None
    start = scope.preferred.period_start
    if start and year == start - 1 and (q.intent.kind == qn.PROGRESS or _RESULT_WORDS.search(q.folded)):
        return None  # a plan reports the results of the year before it: those are asked

    def covers(p: m.Plan) -> bool:
        start, end = p.period_start or p.period_end, p.period_end or p.period_start
        return start is not None and end is not None and start <= year <= end

    if any(covers(p) for p in scope.plans) or not any(p.period_start or p.period_end for p in scope.plans):
        return None
    have = sorted({w for p in scope.plans if (w := say.period_words(p.period_start, p.period_end))})
    return say.no_plan_for_year(
        year,
        scope.locality.name,
        have,
        say.period_words(scope.preferred.period_start, scope.preferred.period_end),
    )
