"""End to end: an officer's role and links are what the operator last stated.
Reassigning, demoting, promoting, approving a new registration and
re-importing a roster remove the old links at once (the bot refuses his old
items, the cycle stops reminding him of them), and each change is audited."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main as planbot
from storage import audit
from storage import models as m
from storage.db import transaction
from storage.ingest import ingest_paths
from storage.reminders import plan_messages
from tests.conftest import TEST_DATA
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, CLERK, LEADER = 1001, 2003, 2004, 2005
REPORT_DAY = date(2025, 5, 20)  # both plans: 'trước ngày 20 hằng tháng'
PHU_LOC_BHYT = "tỷ lệ dân số tham gia bảo hiểm y tế"  # Trạm Y tế of Phú Lộc answers for it
AN_BINH_SDD = "suy dinh dưỡng"  # Trạm Y tế of An Bình answers for it


@pytest.fixture
def plans(engine):
    paths = [TEST_DATA / "bot_plan_phu_loc.md", TEST_DATA / "bot_plan_an_binh.md"]
    assert all(r.ok for r in ingest_paths(engine, paths))
    return engine


def users_cli(capsys, db_url: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = planbot(["users", *args, "--db", db_url])
    out = capsys.readouterr()
    return code, out.out, out.err


def links(engine, telegram_id: int) -> list[tuple[str, str]]:
    """(locality key, party) of every stored link, as the database holds them now."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Party.locality_key, m.Party.display)
            .join(m.UserParty, m.UserParty.party_id == m.Party.id)
            .where(m.UserParty.user_id == telegram_id)
            .order_by(m.Party.locality_key, m.Party.display)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def records(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(
            select(func.count()).select_from(m.ProgressRecord).where(m.ProgressRecord.source == "telegram")
        )


def reminders(engine, chat_id: int) -> str:
    with transaction(engine) as session:
        planned = plan_messages(session, REPORT_DAY)
    return "\n".join(p.text for p in planned if p.chat_id == chat_id).lower()


async def test_a_reassigned_officer_keeps_nothing_of_his_old_commune(plans, db_url, capsys) -> None:
    code, out, _ = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Phú Lộc", "--party", "Trạm Y tế",
    )  # fmt: skip
    assert code == 0 and links(plans, OFFICER) == [("xa phu loc", "Trạm Y tế")]
    assert "liên kết với Trạm Y tế" in out
    assert PHU_LOC_BHYT in reminders(plans, OFFICER)
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(OFFICER, "/diaphuong Phú Lộc")
        card = await h.say(OFFICER, f"/capnhat {PHU_LOC_BHYT}: 90%")
        assert "Xác nhận cập nhật" in card[0]
        old_card = h.fake.find_button(OFFICER, "Xác nhận")
        assert old_card is not None

        code, out, _ = users_cli(
            capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
            "--locality", "An Bình", "--party", "Trạm Y tế",
        )  # fmt: skip
        assert code == 0 and links(plans, OFFICER) == [("xa an binh", "Trạm Y tế")]
        assert "liên kết với Trạm Y tế (xã An Bình); bỏ liên kết Trạm Y tế (xã Phú Lộc)" in out

        # the card he was shown before the move stores nothing now
        n = len(h.fake.texts(OFFICER))
        h.fake.push_callback(OFFICER, *old_card)
        await h.fake.wait_for_text(OFFICER, n + 1)
        assert "không còn quyền" in h.fake.texts(OFFICER)[-1]
        # nor does a new update of Phú Lộc's item
        await h.say(OFFICER, "/diaphuong Phú Lộc")
        assert "không có quyền" in (await h.say(OFFICER, f"/capnhat {PHU_LOC_BHYT}: 93%"))[0]
        assert records(plans) == 0
        # his new post works
        await h.say(OFFICER, "/diaphuong An Bình")
        assert "Xác nhận cập nhật" in (await h.say(OFFICER, f"/capnhat {AN_BINH_SDD}: 7%"))[0]
        assert "Đã ghi nhận" in (await h.press(OFFICER, "Xác nhận"))[0]
        assert h.crashed is None
    planned = reminders(plans, OFFICER)
    assert PHU_LOC_BHYT not in planned and AN_BINH_SDD in planned
    changes = audit.events(plans, "user_set")
    assert [e.details["user"] for e in changes] == [OFFICER, OFFICER]
    assert changes[1].details["links_removed"] == ["Trạm Y tế (xã Phú Lộc)"]
    assert changes[1].details["before"]["locality"] == "xa phu loc"
    refused = audit.events(plans, "progress_forbidden", actor=str(OFFICER))
    assert [e.details.get("at") for e in refused] == ["confirm", None]


async def test_demoted_then_promoted_officer_gets_only_his_new_links(
    plans, db_url, capsys, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "telegram_id,role,locality,party,subscribe\n"
        f"{OFFICER},officer,Phú Lộc,Trạm Y tế,no\n"
        f"{OFFICER},officer,Phú Lộc,Đ/c Tuấn - Công chức LĐTBXH,no\n",
        encoding="utf-8",
    )
    assert users_cli(capsys, db_url, "import", str(roster))[0] == 0
    assert len(links(plans, OFFICER)) == 2

    code, out, _ = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "resident", "--locality", "Phú Lộc"
    )
    assert code == 0 and links(plans, OFFICER) == []  # gone, not hidden
    assert "người dân của xã Phú Lộc (trước là cán bộ), không liên kết đơn vị nào" in out
    assert reminders(plans, OFFICER) == ""

    code, out, _ = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Phú Lộc", "--party", "Đ/c Nam - Công chức Nông nghiệp",
    )  # fmt: skip
    assert code == 0 and links(plans, OFFICER) == [("xa phu loc", "Đ/c Nam - Công chức Nông nghiệp")]
    assert "(trước là người dân)" in out
    async with BotHarness(plans, {ADMIN}) as h:
        for item in (PHU_LOC_BHYT, "tỷ lệ hộ nghèo"):  # his links before the demotion
            assert "không có quyền" in (await h.say(OFFICER, f"/capnhat {item}: 2%"))[0]
        assert "Xác nhận cập nhật" in (await h.say(OFFICER, "/capnhat sản lượng lúa: 1.000 tấn"))[0]
        assert h.crashed is None
    planned = reminders(plans, OFFICER)
    assert "sản lượng lúa" in planned and "hộ nghèo" not in planned and PHU_LOC_BHYT not in planned
    # three changes, three rows: each states the links before and after
    rows = audit.events(plans, "user_set")
    assert len(rows) == 3 and len(rows[1].details["links_removed"]) == 2
    assert rows[1].details["after"] == {
        "role": "resident", "locality": "xa phu loc", "subscribed": False, "parties": []
    }  # fmt: skip


def test_keep_links_adds_where_adding_is_meant(plans, db_url, capsys) -> None:
    for party in ("Trạm Y tế", "Đ/c Hùng - Kế toán"):
        code, out, _ = users_cli(
            capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
            "--locality", "An Bình", "--party", party, "--keep-links",
        )  # fmt: skip
        assert code == 0
    assert links(plans, OFFICER) == [("xa an binh", "Trạm Y tế"), ("xa an binh", "Đ/c Hùng - Kế toán")]
    assert "bỏ liên kết" not in out and audit.events(plans, "user_set")[1].details["keep_links"] is True
    # a resident holds no link, --keep-links or not
    code, _, _ = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "resident",
        "--locality", "An Bình", "--keep-links",
    )  # fmt: skip
    assert code == 0 and links(plans, OFFICER) == []


def test_the_same_command_twice_changes_nothing_and_audits_nothing(plans, db_url, capsys) -> None:
    args = ["add", "--telegram-id", str(OFFICER), "--role", "officer", "--locality", "An Bình",
            "--party", "Trạm Y tế"]  # fmt: skip
    assert users_cli(capsys, db_url, *args)[0] == 0
    code, out, _ = users_cli(capsys, db_url, *args)
    assert code == 0 and out.strip().endswith("(không đổi)")
    assert len(audit.events(plans, "user_set")) == 1


async def test_roster_reimport_states_every_listed_user_and_can_revoke_the_rest(
    plans, db_url, capsys, tmp_path: Path
) -> None:
    first = tmp_path / "roster-1.csv"
    first.write_text(
        "telegram_id,role,locality,party,subscribe\n"
        f"{OFFICER},officer,Phú Lộc,Trạm Y tế,yes\n"
        f"{CLERK},officer,Phú Lộc,Đ/c Tuấn - Công chức LĐTBXH,no\n"
        f"{LEADER},leader,Phú Lộc,Đ/c Hà PCT UBND,no\n"
        f"{LEADER},leader,Phú Lộc,Đ/c Sơn CT UBND,no\n",  # one row per link
        encoding="utf-8",
    )
    assert users_cli(capsys, db_url, "import", str(first))[0] == 0
    assert len(links(plans, LEADER)) == 2
    second = tmp_path / "roster-2.csv"
    second.write_text(
        "telegram_id,role,locality,party,subscribe\n"
        f"{OFFICER},officer,An Bình,Trạm Y tế,yes\n"
        f"{LEADER},leader,Phú Lộc,Đ/c Sơn CT UBND,no\n",
        encoding="utf-8",
    )
    code, out, err = users_cli(capsys, db_url, "import", str(second))
    assert code == 0
    assert links(plans, OFFICER) == [("xa an binh", "Trạm Y tế")]
    assert links(plans, LEADER) == [("xa phu loc", "Đ/c Sơn CT UBND")]
    assert len(links(plans, CLERK)) == 1 and str(CLERK) in err and "--revoke-missing" in err

    code, out, _ = users_cli(capsys, db_url, "import", str(second), "--revoke-missing")
    assert code == 0 and f"{CLERK}: người dân (trước là cán bộ)" in out
    assert links(plans, CLERK) == []
    revoked = audit.events(plans, "user_revoked")
    assert [e.details["user"] for e in revoked] == [CLERK]
    assert revoked[0].details["reason"] == "not in roster"
    async with BotHarness(plans, {ADMIN}) as h:
        assert "chưa có quyền" in (await h.say(CLERK, "/capnhat tỷ lệ hộ nghèo: 2%"))[0]
        await h.say(LEADER, "/diaphuong Phú Lộc")
        assert "không có quyền" in (await h.say(LEADER, f"/capnhat {PHU_LOC_BHYT}: 93%"))[0]
        assert "Xác nhận cập nhật" in (await h.say(LEADER, "/capnhat sản lượng lúa: 900 tấn"))[0]
        assert h.crashed is None
    assert "hộ nghèo" not in reminders(plans, CLERK)


def test_a_roster_that_contradicts_itself_imports_nothing(plans, db_url, capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "telegram_id,role,locality,party,subscribe\n"
        f"{OFFICER},officer,Phú Lộc,Trạm Y tế,no\n"
        f"{OFFICER},leader,Phú Lộc,Đ/c Hà PCT UBND,no\n"
        f"{CLERK},resident,Phú Lộc,Trạm Y tế,no\n",
        encoding="utf-8",
    )
    code, _, err = users_cli(capsys, db_url, "import", str(bad))
    assert code == 1 and "không nhập gì" in err
    assert "dòng 3: người dùng 2003 đã có ở dòng 2" in err and "dòng 4: người dân không liên kết" in err
    assert links(plans, OFFICER) == [] and audit.events(plans, "user_set") == []


def test_revoke_and_list(plans, db_url, capsys) -> None:
    users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "An Bình", "--party", "Trạm Y tế", "--party", "Đ/c Hùng - Kế toán",
    )  # fmt: skip
    code, out, _ = users_cli(capsys, db_url, "list")
    assert code == 0 and out.startswith(f"{OFFICER}\tcán bộ\txã An Bình\t") and "Đ/c Hùng - Kế toán" in out
    code, out, _ = users_cli(capsys, db_url, "revoke", "--telegram-id", str(OFFICER))
    assert code == 0 and "người dân (trước là cán bộ)" in out and "Trạm Y tế (xã An Bình)" in out
    assert links(plans, OFFICER) == []
    assert users_cli(capsys, db_url, "list")[1] == ""
    code, _, err = users_cli(capsys, db_url, "revoke", "--telegram-id", "999")
    assert code == 1 and "không có người dùng 999" in err


async def test_an_approved_registration_moves_the_officer(plans, db_url, capsys) -> None:
    users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Phú Lộc", "--party", "Trạm Y tế",
    )  # fmt: skip
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(OFFICER, "/diaphuong An Bình")
        await h.say(OFFICER, "/dangky Lê Văn Tâm - Trưởng Trạm Y tế")
        await h.fake.wait_for(lambda: h.fake.find_button(ADMIN, "Duyệt") is not None)
        n = len(h.fake.texts(OFFICER))
        told = await h.press(ADMIN, "Duyệt")
        await h.fake.wait_for_text(OFFICER, n + 1)
        assert links(plans, OFFICER) == [("xa an binh", "Trạm Y tế")]
        assert "Đã bỏ liên kết cũ: Trạm Y tế (xã Phú Lộc)" in told[0]
        await h.say(OFFICER, "/diaphuong Phú Lộc")
        assert "không có quyền" in (await h.say(OFFICER, f"/capnhat {PHU_LOC_BHYT}: 93%"))[0]
        assert h.crashed is None
    [approved] = audit.events(plans, "registration_approved")
    assert approved.details["links_removed"] == ["Trạm Y tế (xã Phú Lộc)"]


ENGLISH = re.compile(
    r"\b(user|users|linked|link|links|removed|was|resident|officer|leader|admin|imported|revoked|unchanged|"
    r"digest|roster|of|line|not|no|error|file|directory)\b",
    re.IGNORECASE,
)


def english_lines(*outputs: str) -> list[str]:
    """The lines a clerk reads that still hold an English word (option names such as
    --revoke-missing and the CSV's column names are what he types, so they stay)."""
    lines = [line for out in outputs for line in out.splitlines()]
    return [
        line
        for line in lines
        if ENGLISH.search(re.sub(r"planbot users \w+|--[\w-]+|\S+\.csv|/\S+", " ", line))
    ]


def test_every_users_line_a_clerk_reads_is_vietnamese(plans, db_url, capsys, tmp_path: Path) -> None:
    said: list[str] = []

    def run(*args: str) -> int:
        code, out, err = users_cli(capsys, db_url, *args)
        said.extend([out, err])
        return code

    add = ["add", "--telegram-id", str(OFFICER), "--role", "officer", "--locality", "An Bình"]
    assert run(*add, "--party", "Trạm Y tế", "--subscribe") == 0
    assert run(*add, "--party", "Trạm Y tế", "--subscribe") == 0  # unchanged
    assert run(*add, "--party", "Không Có Đơn Vị Này") == 1
    assert run("add", "--telegram-id", str(LEADER), "--role", "leader", "--locality", "Phú Lộc") == 1
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"telegram_id,role,locality,party,subscribe\n{CLERK},officer,Phú Lộc,Trạm Y tế,no\n", encoding="utf-8"
    )
    assert run("import", str(roster)) == 0  # OFFICER keeps his role: told on stderr
    assert run("import", str(roster), "--revoke-missing") == 0
    assert run("import", str(tmp_path / "missing.csv")) == 1
    (tmp_path / "latin1.csv").write_bytes("telegram_id,role,locality\n5,resident,Phú\n".encode("latin-1"))
    assert run("import", str(tmp_path / "latin1.csv")) == 1
    assert run("parties", "--locality", "An Bình") == 0
    assert run("parties", "--locality", "Xã Không Có") == 1
    assert run("list") == 0
    assert run("revoke", "--telegram-id", str(CLERK)) == 0
    assert run("revoke", "--telegram-id", str(CLERK)) == 0  # unchanged
    assert run("revoke", "--telegram-id", "999") == 1
    text = "\n".join(said)
    assert "Đã nhập 1 người dùng" in text and "người dân (trước là cán bộ)" in text
    assert "không có tệp này" in text and "UTF-8" in text
    assert english_lines(*said) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["users"], "thiếu tham số bắt buộc: VIỆC"),
        (
            ["users", "add", "--telegram-id", "5", "--role", "king", "--locality", "An Bình"],
            "không có lựa chọn 'king'",
        ),
        (
            ["users", "add", "--telegram-id", "abc", "--role", "officer", "--locality", "x"],
            "không phải là một số nguyên",
        ),
        (["users", "revoke"], "thiếu tham số bắt buộc: --telegram-id"),
        (["users", "list", "--bogus"], "tham số không hiểu: --bogus"),
        (["users", "add", "--help"], "hiện hướng dẫn này rồi thoát"),
    ],
)
def test_argparse_lines_of_users_are_vietnamese_too(capsys, args: list[str], said: str) -> None:
    with pytest.raises(SystemExit):
        planbot(args)
    out = capsys.readouterr()
    text = out.out + out.err
    assert said in text and "cách dùng: planbot" in text
    assert not re.search(r"\b(usage|error|options|required|invalid|argument)\b", text), text
