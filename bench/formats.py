"""Reading the real corpus in other containers (`python -m bench formats`).

The 20 real plans (tests/data/real/plans/*.md) came as Markdown; the plans planbot will
meet come as Word files and PDFs. This converts each plan, text as written (hard wraps
joined into paragraphs as a word processor holds them, nothing cleaned), into

- a .docx made with python-docx: a paragraph per paragraph (a list item opens its own),
  '**bold**' and '*italic*' as runs, the one-cell-per-line tables as real Word tables
  (the letterhead and signature blocks as the two-column tables they are in Word);
- a .pdf: the same as simple HTML (tables with borders) printed by headless chromium
  (skipped, with a line saying so, when /usr/bin/chromium is missing);

then ingests each format's 20 files into a fresh database through the real ingest path
(`storage.ingest.ingest_paths`, what `planbot ingest` calls) and prints, per format:
plans accepted, items extracted, the extraction scores against tests/data/real/gold
(score_extract.py's own scoring) and the answers to the real question sets (score_qa.py's
judge, asked through `AnswerEngine` as bench.qa_sets does). The md column is the reference.

    python -m bench formats [--keep DIR] [--misses] [--formats md,docx,pdf]"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from knowledge.readers.cell_lines import cell_per_line_table

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
CHROMIUM = Path("/usr/bin/chromium")
QUESTION_SETS = ("questions.json", "questions_blind2.json", "questions_blind3.json")

# Inside a Markdown paragraph a line opens a Word paragraph of its own when it is a list
# item, or when the line before ended a sentence and it does not go on in lower case (the
# export wrapped lines at 80 columns; a sentence's end at a line's end is where the
# source's paragraph ended, as the Markdown reader takes it too).
_ITEM = re.compile(r"^\s*(?:[-+•]\s|\d{1,3}(?:\.\d{1,3})*\.\s|[a-zđ]\)\s|[IVXLC]{1,6}\.\s)")
# '**1.' alone on its line, the item's words on the next: one paragraph.
_BARE_MARKER = re.compile(r"^\W*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđA-ZĐ])[.)]\W*$")
_ENDS_SENTENCE = re.compile(r"[.;:!?…]\**\)?[\"”]?\**\s*$")


# ---------------------------------------------------------------- the plan as parts


@dataclass
class Para:
    text: str  # Markdown inline text ('**' bold, '*' italic)


@dataclass
class Table:
    rows: list[list[list[str]]]  # row -> cell -> the cell's paragraphs (Markdown inline text)
    ruled: bool = True  # letterhead and signature tables are drawn without borders


def parts(markdown: str) -> list[Para | Table]:
    """Paragraphs and tables of a Markdown plan, text as written."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    out: list[Para | Table] = []
    para: list[str] = []

    def flush(bold: bool = False) -> None:
        """Close the paragraph; `bold`: a '**' it leaves open goes on into the next one."""
        if para:
            text = " ".join(s.strip() for s in para).replace("** ", "**", 1 if para[0] == "**" else 0)
            para.clear()
            if bold and text.count("**") % 2:
                text += "**"
                para.append("**")
            out.append(Para(text))

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "|" and i + 1 < len(lines) and lines[i + 1].strip():
            flush()
            table, i = _pipe_table(lines, i)
            out.append(table)
            continue
        if not line.strip():
            flush()
        else:
            if _ITEM.match(line) or (
                para
                and _ENDS_SENTENCE.search(para[-1])
                and not _BARE_MARKER.match(para[-1])
                and not line.strip()[:1].islower()
            ):
                flush(bold=True)
            para.append(line)
        i += 1
    flush()
    return out


def _segments(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The raw lines between lone '|' lines from `lines[i]`, as the reader cuts them."""
    segments: list[list[str]] = []
    current: list[str] = []
    j = i + 1
    while j < len(lines):
        if lines[j].strip() == "|":
            segments.append(current)
            current = []
            j += 1
            if j >= len(lines) or not lines[j].strip():
                return segments, j
            continue
        current.append(lines[j])
        j += 1
    if current:
        segments.append(current)
    return segments, j


def _pipe_table(lines: list[str], i: int) -> tuple[Table, int]:
    """A one-cell-per-line table as a real table. Its rows are the Markdown reader's (the
    export's structure is ambiguous without them); each cell's text is the raw segment
    whose cleaned text the reader put there, so emphasis and wording stay as written.
    Runs the reader leaves as lines (letterhead, signature) become a table whose rows end
    at each empty segment, every line a paragraph of its cell, as Word lays them out."""
    segments, end = _segments(lines, i)
    rows, _ = cell_per_line_table(lines, i)
    if not rows:
        grid: list[list[list[str]]] = [[]]
        for seg in segments:
            if not any(s.strip() for s in seg):
                grid.append([])
            else:
                grid[-1].append([s.strip() for s in seg])
        grid = [r for r in grid if r]
        width = max((len(r) for r in grid), default=1)
        return Table([r + [[""]] * (width - len(r)) for r in grid], ruled=False), end
    from knowledge.readers.cells import clean_cell, inline_md

    raw_of: dict[str, str] = {}
    for seg in segments:
        joined = " ".join(s.strip() for s in seg)
        raw_of.setdefault(clean_cell(inline_md(joined)), joined)
    table = Table([[[raw_of.get(c, c)] for c in row] for row in rows])
    return table, end


def runs(text: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) runs of Markdown inline text, the markers dropped."""
    out: list[tuple[str, bool, bool]] = []
    bold = italic = False
    for piece in re.split(r"(\*\*|\*)", text):
        if piece == "**":
            bold = not bold
        elif piece == "*":
            italic = not italic
        elif piece:
            out.append((piece, bold, italic))
    return out


# ---------------------------------------------------------------- writers


def write_docx(items: list[Para | Table], path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    for item in items:
        if isinstance(item, Para):
            _docx_runs(document.add_paragraph(), item.text)
            continue
        width = max(len(r) for r in item.rows)
        table = document.add_table(rows=len(item.rows), cols=width)
        if item.ruled:
            table.style = "Table Grid"
        # row by row: `table.cell(r, c)` lays out the whole grid on every call (quadratic)
        for row, word_row in zip(item.rows, table.rows, strict=True):
            for cell_paras, cell in zip(row, word_row.cells, strict=False):
                first = True
                for text in cell_paras:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    first = False
                    _docx_runs(p, text)
    document.save(str(path))


def _docx_runs(paragraph: Any, text: str) -> None:
    for piece, bold, italic in runs(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None


def to_html(items: list[Para | Table], title: str) -> str:
    body: list[str] = []
    for item in items:
        if isinstance(item, Para):
            body.append(f"<p>{_html_runs(item.text)}</p>")
            continue
        rows = []
        for row in item.rows:
            cells = "".join(
                "<td>" + "".join(f"<p>{_html_runs(t)}</p>" for t in cell if t.strip()) + "</td>"
                for cell in row
            )
            rows.append(f"<tr>{cells}</tr>")
        ruled = ' class="ruled"' if item.ruled else ""
        body.append(f"<table{ruled}>" + "".join(rows) + "</table>")
    style = (
        # DejaVu Serif holds every Vietnamese letter in every weight: with Liberation Serif,
        # chromium takes some accented capitals from a regular fallback font, in bold text too
        "body{font-family:'DejaVu Serif',serif;font-size:13pt}"
        "table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:2pt}.ruled td{border:1px solid #000}"
        "td p{margin:0}"
    )
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>"
    )


def _html_runs(text: str) -> str:
    out = []
    for piece, bold, italic in runs(text):
        s = html.escape(piece)
        s = f"<i>{s}</i>" if italic else s
        out.append(f"<b>{s}</b>" if bold else s)
    return "".join(out)


def write_pdf(items: list[Para | Table], path: Path) -> None:
    page = path.with_suffix(".html")
    page.write_text(to_html(items, path.stem), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={path}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    page.unlink()


def convert(plans: list[Path], folder: Path, fmt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for plan in plans:
        target = folder / f"{plan.stem}.{fmt}"
        if fmt == "md":
            shutil.copyfile(plan, target)
        else:
            items = parts(plan.read_text(encoding="utf-8"))
            (write_docx if fmt == "docx" else write_pdf)(items, target)
        out.append(target)
    return out


# ---------------------------------------------------------------- measuring


def _scorers() -> tuple[Callable[[dict, dict | None], dict], Callable[[dict, str], bool]]:
    for folder in (ROOT.parent / "shared" / "eval", Path("/work/shared/eval")):
        if (folder / "score_extract.py").exists():
            sys.path.insert(0, str(folder))
            import score_extract  # type: ignore[import-not-found]  # beside the repository
            from score_qa import judge  # type: ignore[import-not-found]  # beside the repository

            score_extract.greedy_match = _pruned_greedy_match(score_extract)
            return score_extract.score_doc, judge  # type: ignore[no-any-return]  # untyped scorer
    raise SystemExit("the shared scorers (../shared/eval) are not available")


def _pruned_greedy_match(scorer: Any) -> Callable[..., dict[int, int]]:
    """score_extract's own `greedy_match`, same pairs and same result, without running
    difflib on the pairs that cannot reach the threshold: `quick_ratio` bounds both the
    plain and the word-sorted ratio (same letters), the subset term is exact and cheap.
    The scorer's matching of 270 tasks against the gold takes minutes otherwise."""
    import difflib

    fold, similarity = scorer.fold, scorer.similarity

    def bound(fa: str, fb: str) -> float:
        if not fa or not fb:
            return 0.0
        ta, tb = set(fa.split()), set(fb.split())
        small = min(len(ta), len(tb))
        subset = 0.9 * len(ta & tb) / small if small >= 3 else 0.0
        lengths = 2.0 * min(len(fa), len(fb)) / (len(fa) + len(fb))  # a ratio's ceiling
        if max(lengths, subset) < 0.5:
            return 100.0 * max(lengths, subset)
        return 100.0 * max(min(lengths, difflib.SequenceMatcher(None, fa, fb).quick_ratio()), subset)

    def greedy_match(gold: list, pred: list, key: Callable, threshold: float) -> dict[int, int]:
        gk, pk = [key(g) for g in gold], [key(p) for p in pred]
        gf, pf = [fold(k) for k in gk], [fold(k) for k in pk]
        pairs = []
        for gi in range(len(gold)):
            for pi in range(len(pred)):
                if bound(gf[gi], pf[pi]) < threshold:
                    continue
                s = similarity(gk[gi], pk[pi])
                if s >= threshold:
                    pairs.append((s, gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p, out = set(), set(), {}
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
        return out

    return greedy_match


@dataclass
class Figures:
    accepted: int = 0
    indicators: int = 0
    tasks: int = 0
    per_plan: dict[str, dict] = field(default_factory=dict)
    qa: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)

    def extraction(self) -> dict[str, float]:
        tot: dict[str, int] = {}
        for r in self.per_plan.values():
            for k, v in r.items():
                if isinstance(v, int):
                    tot[k] = tot.get(k, 0) + v
        rec, prec = _ratio(tot["match_ind"], tot["gold_ind"]), _ratio(tot["match_ind"], tot["pred_ind"])
        trec, tprec = _ratio(tot["match_task"], tot["gold_task"]), _ratio(tot["match_task"], tot["pred_task"])
        return {
            "ind-f1": 2 * rec * prec / (rec + prec) if rec + prec else 0.0,
            "target-acc": _ratio(tot["target_ok"], tot["match_ind"]),
            "resp-acc": _ratio(tot["resp_ok"], tot["resp_n"]),
            "task-f1": 2 * trec * tprec / (trec + tprec) if trec + tprec else 0.0,
            "due-acc": _ratio(tot["due_ok"], tot["due_n"]),
        }


SCORE_CACHE = Path(tempfile.gettempdir()) / "planbot-formats-scores"


def _cached_score(score_doc: Callable[[dict, dict | None], dict], gold: dict, plan: dict | None) -> dict:
    """score_doc of a plan, kept on disk by the content of the gold and the export: the same
    plan read from two containers (or by two runs) is scored once; scoring is deterministic."""
    import hashlib

    key = hashlib.sha256(json.dumps([gold, plan], sort_keys=True, default=str).encode()).hexdigest()
    path = SCORE_CACHE / f"{key}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]  # our own file
    result = score_doc(gold, plan)
    SCORE_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return result


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def measure(files: list[Path] | None, db: Path, no_scores: bool = False) -> Figures:
    """The figures of `files` ingested into the fresh database `db` (None: `db` holds them)."""
    from storage.answers import AnswerEngine
    from storage.db import open_database
    from storage.export import export_plans
    from storage.ingest import ingest_paths

    score_doc, judge = _scorers()
    engine = open_database(f"sqlite:///{db}")
    fig = Figures()
    if files is not None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            results = ingest_paths(engine, [str(f) for f in files], None, None)
        fig.refused = [f"{Path(str(r.path)).name}: {r.message}" for r in results if not r.ok]
    plans = {Path(str(p.get("source", ""))).stem: p for p in export_plans(engine).get("plans", [])}
    fig.accepted = len(plans)
    for p in plans.values():
        fig.indicators += len(p.get("indicators") or [])
        fig.tasks += len(p.get("tasks") or [])
    for gold_file in [] if no_scores else sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        fig.per_plan[gold_file.stem] = _cached_score(score_doc, gold, plans.get(gold_file.stem))
    answers = AnswerEngine(create_engine(f"sqlite:///{db}"))
    for name in QUESTION_SETS:
        qfile = REAL / name
        if not qfile.exists():
            continue
        items = json.loads(qfile.read_text(encoding="utf-8"))
        wrong = [it["q"] for it in items if not judge(it, answers.ask(it["q"], it.get("locality")).text)]
        fig.qa[name] = (len(items) - len(wrong), len(items))
        fig.missed[name] = wrong
    return fig


def report(figures: dict[str, Figures], misses: bool) -> None:
    fmts = list(figures)
    ref = figures[fmts[0]]
    print(f"{'':24}" + "".join(f"{f:>12}" for f in fmts))

    def row(label: str, values: list[str]) -> None:
        print(f"{label:24}" + "".join(f"{v:>12}" for v in values))

    row("plans accepted", [f"{figures[f].accepted}/20" for f in fmts])
    row("indicators", [str(figures[f].indicators) for f in fmts])
    row("tasks", [str(figures[f].tasks) for f in fmts])
    for key in ("ind-f1", "target-acc", "resp-acc", "task-f1", "due-acc") if ref.per_plan else ():
        row(key, [f"{figures[f].extraction()[key]:.3f}" for f in fmts])
    for name in QUESTION_SETS:
        if name in figures[fmts[0]].qa:
            row(
                name.removesuffix(".json"),
                [f"{figures[f].qa[name][0]}/{figures[f].qa[name][1]}" for f in fmts],
            )
    for f in fmts[1:]:
        for line in figures[f].refused:
            print(f"  {f} refused {line}")
        for stem, r in ref.per_plan.items():
            o = figures[f].per_plan[stem]
            keys = ("match_ind", "match_task", "target_ok", "resp_ok", "due_ok")
            if any(o[k] < r[k] for k in keys) or (misses and o != r):
                print(
                    f"  {f} {stem}: indicators {o['match_ind']}/{o['pred_ind']} (md {r['match_ind']}/"
                    f"{r['pred_ind']}), tasks {o['match_task']}/{o['pred_task']} (md {r['match_task']}/"
                    f"{r['pred_task']}), targets {o['target_ok']} (md {r['target_ok']})"
                )
        for name, wrong in figures[f].missed.items():
            lost = [q for q in wrong if q not in ref.missed.get(name, [])]
            gained = [q for q in ref.missed.get(name, []) if q not in wrong]
            if lost or gained:
                print(f"  {f} {name}: {len(lost)} lost, {len(gained)} gained against md")
            if misses:
                for q in lost:
                    print(f"      lost: {q}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--formats", default="md,docx,pdf", help="comma-separated, md first (the reference)")
    ap.add_argument("--keep", metavar="DIR", help="write the converted files here (default: a temp dir)")
    ap.add_argument("--misses", action="store_true", help="list the questions lost against md")
    ap.add_argument(
        "--no-scores",
        action="store_true",
        help="skip the extraction scores (the scorer's matching takes minutes a format; plans, "
        "items and questions only)",
    )
    ap.add_argument(
        "--reuse",
        default="",
        help="comma-separated formats measured from the database already in --keep DIR, not ingested "
        "again (md while only the PDF reader changed: its ingest takes most of the run)",
    )
    a = ap.parse_args(argv)
    fmts = [f for f in a.formats.split(",") if f]
    if "pdf" in fmts and not CHROMIUM.exists():
        print(f"pdf column skipped: {CHROMIUM} (Debian's chromium) is not installed")
        fmts.remove("pdf")
    plans = sorted((REAL / "plans").glob("*.md"))
    with tempfile.TemporaryDirectory(prefix="planbot-formats-") as tmp:
        base = Path(a.keep) if a.keep else Path(tmp)
        figures = {}
        reuse = set(a.reuse.split(","))
        for fmt in fmts:
            db = base / f"{fmt}.sqlite3"
            if fmt in reuse and db.exists():
                figures[fmt] = measure(None, db, a.no_scores)
            else:
                db.unlink(missing_ok=True)
                figures[fmt] = measure(convert(plans, base / fmt, fmt), db, a.no_scores)
            print(f"  {fmt}: {figures[fmt].accepted}/{len(plans)} accepted", flush=True)
        report(figures, a.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
