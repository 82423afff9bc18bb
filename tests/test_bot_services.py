"""Unit tests of the bot's services: values, permissions, drafts, users,
roster import, inbox, configuration, message splitting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main as planbot
from bot.config import ConfigError, load_config
from handlers.budget import Budget, RateBudgets, Sender, Verdict, classify, lane_key, parse_budgets
from handlers.common import parse_item_ref, split_message
from handlers.progress import achievement_words
from storage import inbox, progress, users
from storage.ingest import ingest_paths
from storage.values import achievement, parse_value
from tests.conftest import SAMPLES

DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
ADMINS = frozenset({1})


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("93%", 93.0, None),
        ("93,5", 93.5, None),
        ("1.200 tấn", 1200.0, None),
        ("4/8 hộ", 4.0, None),
        ("Đạt", None, "met"),
        ("đang thực hiện", None, "in_progress"),
        ("dang thuc hien", None, "in_progress"),
        ("Chưa đạt", None, "not_met"),
        ("Hoàn thành", None, "done"),
    ],
)
def test_values_that_parse(text: str, value: float | None, status: str | None) -> None:
    parsed = parse_value(text)
    assert parsed is not None
    assert (parsed.value, parsed.status) == (value, status)


@pytest.mark.parametrize("text", ["abc", "", "nhiều lắm", "-5", "150%", "x" * 200])
def test_values_refused(text: str) -> None:
    assert parse_value(text, unit="%") is None


def test_achievement_follows_the_direction_of_the_target() -> None:
    lower_better = achievement(parse_value("7%"), 7.6, "<")  # type: ignore[arg-type]
    assert lower_better is not None and lower_better.met and lower_better.lower_is_better
    assert lower_better.percent is not None and lower_better.percent > 100
    worse = achievement(parse_value("8,2%"), 7.6, "<")  # type: ignore[arg-type]
    assert worse is not None and not worse.met
    higher = achievement(parse_value("93%"), 95.0, "=")  # type: ignore[arg-type]
    assert higher is not None and not higher.met and round(higher.percent or 0, 1) == 97.9
    status = achievement(parse_value("Đạt"), None, "status", None, "Đạt")  # type: ignore[arg-type]
    assert status is not None and status.met
    assert achievement_words(higher) == "97,9% chỉ tiêu: chưa đạt"
    assert achievement_words(lower_better).endswith("(càng thấp càng tốt): đạt")


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    return engine


def test_registration_candidates_and_approval(plans) -> None:
    reg = users.request_registration(plans, 20, "Nguyễn Văn Sâm", "Trưởng Trạm y tế", "phuong dong tho")
    assert reg.candidates and "Sâm" in reg.candidates[0].display
    refused = users.decide_registration(plans, reg.id, 20, reg.candidates[0].id, ADMINS)
    assert refused.reason == "forbidden"
    assert users.decide_registration(plans, reg.id, 1, 999999, ADMINS).reason == "bad_party"
    ok = users.decide_registration(plans, reg.id, 1, reg.candidates[0].id, ADMINS)
    assert ok.ok and ok.role in ("officer", "leader")
    assert users.decide_registration(plans, reg.id, 1, reg.candidates[0].id, ADMINS).reason == "already"
    assert users.get_user(plans, 20, ADMINS).can_report


def test_permission_draft_and_idempotent_confirm(plans) -> None:
    users.add_user(plans, 30, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    officer = users.get_user(plans, 30, ADMINS)
    mine = progress.prepare_update(plans, officer, "tỷ lệ dân số tham gia bảo hiểm y tế: 93%")
    assert mine.outcome == "draft" and mine.token
    assert (
        progress.prepare_update(plans, officer, "Tổng số doanh nghiệp được thành lập mới: 80").outcome
        == "forbidden"
    )
    assert (
        progress.prepare_update(plans, officer, "tỷ lệ dân số tham gia bảo hiểm y tế: abc").outcome
        == "bad_value"
    )
    assert progress.prepare_update(plans, officer, "không có dấu hai chấm").outcome == "format"
    resident = users.get_user(plans, 31, ADMINS)
    assert progress.prepare_update(plans, resident, "bảo hiểm y tế: 93%").outcome == "not_officer"
    assert progress.confirm_draft(plans, mine.token, resident).outcome == "not_yours"
    assert progress.confirm_draft(plans, mine.token, officer).outcome == "stored"
    assert progress.confirm_draft(plans, mine.token, officer).outcome == "already"
    assert progress.progress_records_count(plans) == 1
    latest = progress.latest_progress(plans, mine.item)  # type: ignore[arg-type]
    assert latest is not None and latest.reported_by == "30" and latest.value == 93.0
    admin = users.get_user(plans, 1, ADMINS)
    assert (
        progress.prepare_update(plans, admin, "Tổng số doanh nghiệp được thành lập mới: 80").outcome
        == "draft"
    )


def test_users_cli_add_and_roster_import(plans, db_url, tmp_path: Path, capsys) -> None:
    assert (
        planbot(
            [
                "users",
                "add",
                "--telegram-id",
                "40",
                "--role",
                "leader",
                "--locality",
                "dong tho",
                "--party",
                "Đ/c Sinh PCT UBND",
                "--subscribe",
                "--db",
                db_url,
            ]
        )
        == 0
    )
    assert users.get_user(plans, 40, ADMINS).role == "leader"
    assert (
        planbot(
            [
                "users",
                "add",
                "--telegram-id",
                "777000",
                "--role",
                "admin",
                "--locality",
                "Đông Thọ",
                "--db",
                db_url,
            ]
        )
        == 1
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "telegram_id,role,locality,party,subscribe\n"
        "50,officer,Đông Thọ,Đ/c Sâm TYT,yes\n"
        "abc,officer,Đông Thọ,Đ/c Sâm TYT,no\n"
        "51,king,Đông Thọ,,no\n"
        "52,resident,Nowhere,,no\n",
        encoding="utf-8",
    )
    assert planbot(["users", "import", str(bad), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "dòng 3" in err and "dòng 4" in err
    assert users.get_user(plans, 50, ADMINS).role == "resident"  # nothing imported
    bad.write_text(
        "telegram_id,role,locality,party,subscribe\n50,officer,Đông Thọ,Đ/c Sâm TYT,yes\n"
        "52,resident,Nowhere,,no\n",
        encoding="utf-8",
    )
    assert planbot(["users", "import", str(bad), "--db", db_url]) == 1
    assert "dòng 3" in capsys.readouterr().err
    assert users.get_user(plans, 50, ADMINS).role == "resident"
    good = tmp_path / "good.csv"
    good.write_text(
        "telegram_id,role,locality,party,subscribe\n50,officer,Đông Thọ,Đ/c Sâm TYT,yes\n"
        "53,resident,phuong dong tho,,\n",
        encoding="utf-8",
    )
    assert planbot(["users", "import", str(good), "--db", db_url]) == 0
    assert users.get_user(plans, 50, ADMINS).can_report


def test_inbox_commits_and_acknowledges(engine) -> None:
    assert inbox.next_offset(engine) is None
    assert inbox.store_batch(engine, [{"update_id": 7}, {"update_id": 5}]) == 2
    assert inbox.store_batch(engine, [{"update_id": 7}]) == 0  # a re-delivery is not stored twice
    assert inbox.next_offset(engine) == 8
    assert [p.update_id for p in inbox.pending(engine)] == [5, 7]
    assert inbox.claim(engine, 5, "a", exclusive=False) == inbox.Claim(1, 0)
    assert inbox.claim(engine, 5, "b", exclusive=False) is None  # a live worker holds it
    inbox.note_send(engine, 5, 1)
    assert inbox.claim(engine, 5, "c", exclusive=True) == inbox.Claim(2, 1)  # the next process takes over
    inbox.mark_processed(engine, 5)
    assert inbox.claim(engine, 5, "c", exclusive=True) is None  # handled: never again
    assert [p.update_id for p in inbox.pending(engine)] == [7]


def test_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not set"):
        load_config(env={}, env_file=tmp_path / "none")
    with pytest.raises(ConfigError, match="malformed"):
        load_config(env={"TELEGRAM_BOT_TOKEN": "abc"}, env_file=tmp_path / "none")
    with pytest.raises(ConfigError, match="ADMIN"):
        load_config(
            env={"TELEGRAM_BOT_TOKEN": "1:abcdefgh", "PLANBOT_ADMIN_IDS": "1,x"}, env_file=tmp_path / "none"
        )
    env_file = tmp_path / ".env"
    env_file.write_text("TELEGRAM_BOT_TOKEN=12:abcdefgh\nPLANBOT_ADMIN_IDS=5, 6\n", encoding="utf-8")
    cfg = load_config(env={"TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}, env_file=env_file)
    assert cfg.admin_ids == {5, 6} and cfg.bot_base_url == "http://127.0.0.1:9/bot"
    assert cfg.file_base_url == "http://127.0.0.1:9/file/bot"
    assert "abcdefgh" not in repr(cfg)
    assert load_config(env={"TELEGRAM_BOT_TOKEN": "1:abcdefgh"}, env_file=env_file).bot_base_url == (
        "https://api.telegram.org/bot"
    )


def test_split_message_and_refs() -> None:
    text = "\n".join(f"<b>dòng {n}</b> " + "x" * 90 for n in range(200))
    parts = split_message(text)
    assert len(parts) > 1 and all(len(p) <= 4000 for p in parts)
    assert "\n".join(parts) == text
    assert all(p.count("<b>") == p.count("</b>") for p in parts)
    assert parse_item_ref("i12") == ("indicator", 12)
    assert parse_item_ref("t3") == ("task", 3)
    for forged in ("x1", "i", "i-1", "i1;drop", "t" + "9" * 20):
        assert parse_item_ref(forged) is None


def test_rate_budgets_notice_once_then_silence_until_refilled() -> None:
    lim = RateBudgets({"question": Budget(3, 30), "command": Budget(2, 10)})
    assert [lim.check(1, "question", at=t).allowed for t in (0, 1, 2)] == [True, True, True]
    first = lim.check(1, "question", at=2)
    assert (first.allowed, first.notify) == (False, True) and 1 <= first.wait <= 10
    assert lim.check(1, "question", at=3) == Verdict(False, False, first.wait - 1)  # silence
    assert lim.check(2, "question", at=3).allowed  # other users unaffected
    assert lim.check(1, "command", at=3).allowed  # other kinds have their own budget
    # A steady flood earns a token now and then but no second notice ...
    steady = [lim.check(1, "question", at=3 + n) for n in range(1, 40)]
    assert sum(v.allowed for v in steady) == 4 and not any(v.notify for v in steady)
    # ... until the user pauses long enough for the whole budget to come back.
    assert [lim.check(1, "question", at=200).allowed for _ in range(4)] == [True, True, True, False]
    assert lim.check(1, "question", at=200).notify is False  # the 4th above had the notice
    assert lim.check(9, "unknown kind", at=0).allowed


def test_rate_budgets_memory_is_bounded() -> None:
    lim = RateBudgets({"question": Budget(2, 10)}, max_tracked=100)
    for user in range(1000):
        lim.check(user, "question", at=user)  # each bucket full again 10 s later
    assert len(lim._buckets) <= 101
    for user in range(1000):  # all active at the same moment: still bounded
        lim.check(user, "question", at=5000)
    assert len(lim._buckets) <= 101


def test_updates_are_classified_for_their_budget() -> None:
    def msg(text: str, chat: int = 5, **extra: object) -> dict:
        chat_type = "private" if chat > 0 else "supergroup"
        return {
            "update_id": 1,
            "message": {"from": {"id": 5}, "chat": {"id": chat, "type": chat_type}, "text": text, **extra},
        }

    assert classify(msg("bảo hiểm y tế", date=1700000000)) == Sender(5, 5, "question", 1.7e9, True)
    assert classify(msg("/tiendo bhyt")).kind == "command"
    assert classify(msg("/help@planbot_bot")).kind == "command"
    assert classify(msg("/dangky A - B")).kind == "registration"
    assert classify(msg("/DANGKY@planbot_bot A - B")).kind == "registration"
    assert classify(msg("chuyện phiếm", chat=-100)).kind == "other"  # group chatter is not answered
    press = {"update_id": 2, "callback_query": {"id": "1", "from": {"id": 7}, "message": msg("x")["message"]}}
    assert classify(press) == Sender(7, 5, "callback", None, True)
    edit = {"update_id": 3, "edited_message": {"from": {"id": 5}, "chat": {"id": 5}, "edit_date": 9}}
    assert classify(edit) == Sender(5, 5, "other", 9.0, True)
    # an edited question is answered again, and a question to '@bot' in a group: both are questions
    edit["edited_message"]["text"] = "tỷ lệ hộ nghèo"
    assert classify(edit) == Sender(5, 5, "question", 9.0, True)
    mention = [{"type": "mention", "offset": 0, "length": 10}]
    assert classify(msg("@planbot hộ nghèo", chat=-100, entities=mention)).kind == "question"
    assert classify({"update_id": 4}) == Sender(None, None, "other", None)
    assert lane_key(press) == "c5" and lane_key({"update_id": 4}) == "x4"
    assert parse_budgets("question=4/60, callback=10/30")["question"] == Budget(4, 60)
    for bad in ("question=4", "nope=1/2", "command=0/10"):
        with pytest.raises(ValueError):
            parse_budgets(bad)


def test_updates_from_a_sparse_server_are_completed() -> None:
    from telegram import Update

    from bot.poller import complete_update

    sparse = {
        "update_id": 1,
        "message": {"message_id": 1, "from": {"id": 5}, "chat": {"id": 5}, "text": "/start x"},
    }
    update = Update.de_json(complete_update(sparse), None)
    assert update.message.entities[0].type == "bot_command" and update.message.entities[0].length == 6
    press = {"update_id": 2, "callback_query": {"id": "9", "from": {"id": 5}, "data": "pc:x"}}
    assert Update.de_json(complete_update(press), None).callback_query.data == "pc:x"
    full = {
        "update_id": 3,
        "message": {
            "message_id": 1,
            "date": 1,
            "chat": {"id": 5, "type": "private"},
            "from": {"id": 5, "is_bot": False, "first_name": "A"},
            "text": "hỏi",
        },
    }
    assert complete_update(full) == full


def test_the_token_is_masked_in_every_log_line(caplog) -> None:
    import logging

    from bot.redact import RedactingFilter, register_secret

    register_secret("123:SECRETpart")
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "url https://api/bot%s/getMe", ("123:SECRETpart",), None
    )
    assert RedactingFilter().filter(record)
    assert "SECRETpart" not in logging.Formatter().format(record)


def test_budgets_from_the_environment(tmp_path: Path) -> None:
    from bot.app import rate_budgets

    env = {"TELEGRAM_BOT_TOKEN": "1:abcdefgh", "PLANBOT_BUDGETS": "command=5/60 registration=1/600"}
    config = load_config(env=env, env_file=tmp_path / "none")
    budgets = rate_budgets(config).budgets
    assert budgets["command"] == Budget(5, 60) and budgets["registration"] == Budget(1, 600)
    assert budgets["question"] == Budget(8, 30)  # the others keep their defaults
    assert load_config(env=env | {"PLANBOT_BUDGETS": ""}, env_file=tmp_path / "none").budgets is None
    with pytest.raises(ConfigError, match="PLANBOT_BUDGETS: 'command=5'"):
        load_config(env=env | {"PLANBOT_BUDGETS": "command=5"}, env_file=tmp_path / "none")
