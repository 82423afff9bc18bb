"""End to end: officers' data stays out of group chats and out of residents'
sight, and every refused attempt on it leaves an audit row.

- /capnhat, /baocao, /dangky and their buttons answer a group only with a
  pointer to the private chat (no card, no report, no registration);
- a resident's /capnhat and a forged or someone else's button are audited;
- /lichsu and reports name the officer by his party, never his Telegram id."""

from __future__ import annotations

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import func, insert, select

from bot.cli import main as planbot
from storage import audit, progress, users
from storage import models as m
from storage.bot_models import ProgressDraft
from storage.db import alembic_config
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.bot_api import BOT_USERNAME
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT = 1001, 2002, 3003
SUPERGROUP, GROUP = -1001234567890, -4242
BHYT = "tỷ lệ dân số tham gia bảo hiểm y tế"
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    users.add_user(engine, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    users.set_locality(engine, ADMIN, "phuong dong tho")
    return engine


def count(engine, model) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model))


def records(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(
            select(func.count()).select_from(m.ProgressRecord).where(m.ProgressRecord.source == "telegram")
        )


async def in_chat(h: BotHarness, user: int, chat: int, text: str) -> str:
    n = len(h.fake.texts(chat))
    h.fake.push_message(user, text, chat_id=chat)
    await h.fake.wait_for_text(chat, n + 1)
    return h.fake.texts(chat)[-1]


async def test_officer_commands_in_a_group_get_only_a_pointer(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        for user, chat, text in (
            (OFFICER, SUPERGROUP, f"/capnhat {BHYT}: 93%"),
            (OFFICER, SUPERGROUP, f"/capnhat@{BOT_USERNAME} {BHYT}: 93%"),
            (OFFICER, GROUP, "/capnhat"),
            (ADMIN, SUPERGROUP, "/baocao"),
            (RESIDENT, SUPERGROUP, "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế"),
        ):
            pointer = await in_chat(h, user, chat, text)
            command = text.split()[0].split("@")[0]
            assert f"Lệnh {command} chỉ dùng trong tin nhắn riêng" in pointer
            assert f"https://t.me/{BOT_USERNAME}" in pointer
        # public commands still answer in a group
        shown = await in_chat(h, RESIDENT, SUPERGROUP, "/tiendo bảo hiểm y tế phường Đông Thọ")
        assert "bảo hiểm y tế" in shown
        # the groups got text only: no card with buttons, no report file, no chart
        for chat in (SUPERGROUP, GROUP):
            sent = h.fake.sent(chat)
            assert sent and all(c.method == "sendMessage" for c in sent)
            assert not any(c.params.get("reply_markup") for c in sent)
        assert h.fake.sent(ADMIN) == []  # no registration reached the admins
        # and the groups' command menu does not offer them
        menus = [c.params for c in h.fake.calls if c.method == "setMyCommands"]
        [group_menu] = [p for p in menus if (p.get("scope") or {}).get("type") == "all_group_chats"]
        offered = {c["command"] for c in group_menu["commands"]}
        assert "tiendo" in offered and offered.isdisjoint({"capnhat", "baocao", "dangky"})
        assert count(plans, ProgressDraft) == 0
        assert h.crashed is None


async def test_a_card_button_pressed_in_a_group_stores_nothing(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(OFFICER, f"/capnhat {BHYT}: 93%")
        data, message_id = h.fake.find_button(OFFICER, "Xác nhận")
        await in_chat(h, RESIDENT, SUPERGROUP, "/tiendo bảo hiểm y tế phường Đông Thọ")
        # the same button on a message of the group (a card posted there by an older release)
        calls = len(h.fake.calls)
        h.fake.push_callback(OFFICER, data, chat_id=SUPERGROUP)
        await h.fake.wait_for(lambda: any(c.method == "answerCallbackQuery" for c in h.fake.calls[calls:]))
        answer = next(c for c in h.fake.calls[calls:] if c.method == "answerCallbackQuery")
        assert "tin nhắn riêng" in answer.params["text"]
        assert records(plans) == 0
        [event] = audit.events(plans, "button_in_group")
        assert event.actor == str(OFFICER) and event.details["chat"] == SUPERGROUP
        # in the private chat the card still works
        h.fake.push_callback(OFFICER, data, message_id)
        await h.fake.wait_for(lambda: "Đã ghi nhận" in h.fake.texts(OFFICER)[-1])
        assert records(plans) == 1
        assert h.crashed is None


async def test_refused_updates_and_foreign_buttons_are_audited(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        assert "chưa có quyền" in (await h.say(RESIDENT, "/capnhat bảo hiểm y tế: 93%"))[0]
        await h.say(OFFICER, f"/capnhat {BHYT}: 93%")
        data, message_id = h.fake.find_button(OFFICER, "Xác nhận")
        token = data[3:]
        calls = len(h.fake.calls)
        h.fake.push_callback(RESIDENT, data)  # someone else's 'Xác nhận'
        h.fake.push_callback(RESIDENT, "px:" + token)  # and his 'Hủy'
        h.fake.push_callback(OFFICER, "pc:AAAAAAAAAAAA")  # a token no card carried
        h.fake.push_callback(OFFICER, "pc:../../etc")
        h.fake.push_callback(RESIDENT, "pi:i1")  # a resident picking an item
        h.fake.push_callback(RESIDENT, "rg:a:x:1")  # a garbled registration decision
        await h.fake.wait_for(
            lambda: sum(1 for c in h.fake.calls[calls:] if c.method == "answerCallbackQuery") >= 6
        )
        assert records(plans) == 0
        # none of it consumed the officer's card
        h.fake.push_callback(OFFICER, data, message_id)
        await h.fake.wait_for(lambda: "Đã ghi nhận" in h.fake.texts(OFFICER)[-1])
        assert h.crashed is None
    [not_officer, pick] = audit.events(plans, "progress_not_officer")
    assert not_officer.actor == str(RESIDENT) and not_officer.details["text"] == "bảo hiểm y tế: 93%"
    assert pick.actor == str(RESIDENT) and pick.details["data"] == "pi:i1"
    foreign = audit.events(plans, "progress_button_not_yours")
    assert [(e.actor, e.details["press"], e.details["owner"]) for e in foreign] == [
        (str(RESIDENT), "confirm", OFFICER),
        (str(RESIDENT), "cancel", OFFICER),
    ]
    forged = audit.events(plans, "progress_button_unknown")
    assert [e.details["token"] for e in forged] == ["AAAAAAAAAAAA", "../../etc"]
    assert [e.actor for e in audit.events(plans, "registration_button_unknown")] == [str(RESIDENT)]


async def test_history_and_reports_name_the_officer_by_his_party(plans, db_url, tmp_path, capsys) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(OFFICER, f"/capnhat {BHYT}: 93%")
        await h.press(OFFICER, "Xác nhận")
        # he moves on; the record keeps the name he reported under
        users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sinh PCT UBND")
        history = (await h.say(RESIDENT, "/lichsu bảo hiểm y tế phường Đông Thọ"))[0]
        latest = (await h.say(RESIDENT, "/tiendo bảo hiểm y tế phường Đông Thọ"))[0]
        assert h.crashed is None
    assert "Đ/c Sâm TYT" in history and str(OFFICER) not in history
    assert "Đ/c Sâm TYT cập nhật" in latest and str(OFFICER) not in latest
    out = tmp_path / "bc.xlsx"
    args = ["report", "--locality", "Đông Thọ", "--format", "xlsx", "--out", str(out), "--db", db_url]
    assert planbot(args) == 0
    sheet = load_workbook(out).active
    header = next(row for row in sheet.iter_rows(values_only=True) if row and "Người cập nhật" in row)
    column = header.index("Người cập nhật")
    names = {row[column] for row in sheet.iter_rows(values_only=True) if row and row[column]}
    assert "Đ/c Sâm TYT" in names and str(OFFICER) not in {str(n) for n in names}


def test_upgrade_names_old_records_and_drops_residents_hidden_links(plans) -> None:
    officer = users.get_user(plans, OFFICER, {ADMIN})
    draft = progress.prepare_update(plans, officer, f"{BHYT}: 93%")
    assert progress.confirm_draft(plans, draft.token or "", officer).outcome == "stored"
    with plans.begin() as conn:
        cfg = alembic_config(plans)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008_plan_identity")  # the schema before names were kept
        conn.execute(  # a resident with a link: what a demotion used to leave behind
            insert(m.User.__table__).values(
                telegram_id=RESIDENT, role="resident", subscribed=False, active=True
            )
        )
        party = conn.scalar(select(m.Party.id).where(m.Party.display == "Đ/c Sâm TYT"))
        conn.execute(
            insert(m.UserParty.__table__).values(user_id=RESIDENT, party_id=party, approved_by="cli")
        )
        command.upgrade(cfg, "heads")
    with plans.connect() as conn:
        assert conn.scalar(select(m.ProgressRecord.reported_by_name)) == "Đ/c Sâm TYT"
        left = conn.scalars(select(m.UserParty.user_id)).all()
    assert left == [OFFICER]
    [dropped] = audit.events(plans, "links_dropped")
    assert dropped.details == {"user": RESIDENT, "parties": [party], "reason": "a resident holds no link"}
