"""End to end: a clerk sets the bot up alone — `users add --party` takes any
spelling that names one party and lists the candidates when several fit,
`users parties` lists them, a leader is linked to the plan's signer, errors
read in plain Vietnamese, and an approval with no matching party is settled
from buttons on the admin's phone."""

from __future__ import annotations

import pytest

from bot.cli import main as planbot
from storage import models as m
from storage import users
from storage.db import transaction
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, LEADER, NEWCOMER = 1001, 2002, 2005, 3007
PLANS = sorted(SAMPLES.glob("*.txt"))


def _plan(word: str):
    return next(p for p in PLANS if word in p.read_text(encoding="utf-8")[:3000])


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [_plan("Đông Thọ"), _plan("Thọ Xương")]))
    return engine


def users_cli(capsys, db_url: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = planbot(["users", *args, "--db", db_url])
    out = capsys.readouterr()
    return code, out.out, out.err


def linked(engine, telegram_id: int) -> list[str]:
    with transaction(engine) as s:
        return sorted(
            p.display
            for p in s.query(m.Party).join(m.UserParty, m.UserParty.party_id == m.Party.id)
            if any(up.user_id == telegram_id for up in s.query(m.UserParty).filter_by(party_id=p.id))
        )


@pytest.mark.parametrize("spelling", ["Đ/c Sâm", "dc sam", "Sâm", "sam TYT", "Đ/c Sâm - Trưởng Trạm y tế"])
def test_any_spelling_that_names_one_party(plans, db_url, capsys, spelling) -> None:
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "dong tho", "--party", spelling,
    )  # fmt: skip
    assert code == 0, err
    assert linked(plans, OFFICER) == ["Đ/c Sâm TYT"]


@pytest.mark.parametrize("spelling", ["Hà", "ha"])
def test_an_ambiguous_spelling_lists_the_candidates_and_changes_nothing(
    plans, db_url, capsys, spelling
) -> None:
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Đông Thọ", "--party", spelling,
    )  # fmt: skip
    assert code == 1 and "Đ/c Hà Chính sách" in err and "Đ/c Hà VP" in err and "Hãy ghi rõ hơn" in err
    assert linked(plans, OFFICER) == [] and users.get_user(plans, OFFICER, set()).role == "resident"
    # a word inside an expanded abbreviation is not a name: 'Hoa' is not 'VH' (Văn hóa)
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Đông Thọ", "--party", "Hoa",
    )  # fmt: skip
    assert code == 1 and "không tìm thấy đơn vị/cán bộ «Hoa»" in err and "users parties" in err


@pytest.mark.parametrize("place", ["Đông Thọ", "dong tho"])
def test_users_parties_lists_what_party_accepts(plans, db_url, capsys, place) -> None:
    code, out, _ = users_cli(capsys, db_url, "parties", "--locality", place)
    assert code == 0 and "phường Đông Thọ (23)" in out
    line = next(ln for ln in out.splitlines() if "Đ/c Sâm TYT" in ln)
    assert "thực hiện" in line and "mục" in line
    code, _, err = users_cli(capsys, db_url, "parties", "--locality", "Nơi Không Có")
    assert code == 1 and "không có xã/phường «Nơi Không Có»" in err and "Đông Thọ" in err


async def test_the_tho_xuong_chairman_is_made_a_leader(plans, db_url, capsys) -> None:
    code, out, _ = users_cli(capsys, db_url, "parties", "--locality", "tho xuong")
    assert code == 0 and "Nguyễn Văn Hùng (người ký kế hoạch)" in out
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "officer",
        "--locality", "Thọ Xương", "--party", "Nguyễn Văn Hùng",
    )  # fmt: skip
    assert code == 1 and "chỉ liên kết được với vai trò lãnh đạo" in err
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(LEADER), "--role", "leader",
        "--locality", "tho xuong", "--party", "nguyen van hung",
    )  # fmt: skip
    assert code == 0, err
    assert linked(plans, LEADER) == ["Nguyễn Văn Hùng (người ký kế hoạch)"]
    # the same signer of Đông Thọ is the party the plan already names ('Đ/c Trung CT UBND')
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(OFFICER), "--role", "leader",
        "--locality", "Đông Thọ", "--party", "Đỗ Văn Trung",
    )  # fmt: skip
    assert code == 0 and linked(plans, OFFICER) == ["Đ/c Trung CT UBND"]
    async with BotHarness(plans, {ADMIN}) as h:
        h.fake.push_message(LEADER, "/baocao")
        await h.fake.wait_for(lambda: h.fake.sent(LEADER, "sendDocument"))
        assert "Thọ Xương" in h.fake.sent(LEADER, "sendDocument")[0].params["caption"]


def test_errors_read_in_plain_vietnamese(plans, db_url, capsys) -> None:
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(LEADER), "--role", "leader", "--locality", "Thọ Xương"
    )
    assert (
        code == 1 and "lãnh đạo cần được liên kết" in err and "line 0" not in err and "an leader" not in err
    )
    code, _, err = users_cli(
        capsys, db_url, "add", "--telegram-id", str(LEADER), "--role", "officer",
        "--locality", "Xã Không Có", "--party", "Sâm",
    )  # fmt: skip
    assert code == 1 and "không có xã/phường «Xã Không Có»" in err


@pytest.mark.parametrize("locality", ["Đông Thọ", "dong tho"])
async def test_an_approval_with_no_matching_party_is_settled_from_buttons(plans, locality) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(NEWCOMER, f"/diaphuong {locality}")
        h.fake.push_message(NEWCOMER, "/dangky Trần Văn Khải - Lái xe cơ quan")
        await h.fake.wait_for(lambda: any("Yêu cầu đăng ký" in t for t in h.fake.texts(ADMIN)))
        card = next(t for t in h.fake.texts(ADMIN) if "Yêu cầu đăng ký" in t)
        assert "planbot users add" not in card and "Chọn trong danh sách" in card

        def edits() -> list[str]:
            return [str(c.params["text"]) for c in h.fake.calls if c.method == "editMessageText"]

        data, message_id = h.fake.find_button(ADMIN, "Chọn trong danh sách") or ("", 0)
        h.fake.push_callback(ADMIN, data, message_id)
        await h.fake.wait_for(lambda: len(edits()) >= 1)
        assert "trang 1/3" in edits()[-1]
        first_page = [label for label, _, mid in h.fake.buttons(ADMIN) if mid == message_id]
        assert sum("Duyệt" in label for label in first_page) == 8
        data, _ = h.fake.find_button(ADMIN, "Xem thêm") or ("", 0)
        h.fake.push_callback(ADMIN, data, message_id)
        await h.fake.wait_for(lambda: len(edits()) >= 2)
        assert "trang 2/3" in edits()[-1]
        data, _ = h.fake.find_button(ADMIN, "Xem thêm") or ("", 0)
        h.fake.push_callback(ADMIN, data, message_id)
        await h.fake.wait_for(lambda: len(edits()) >= 3)
        assert "trang 3/3" in edits()[-1] and not h.fake.find_button(ADMIN, "Xem thêm")
        assert len(h.fake.sent(ADMIN, "sendMessage")) == 1  # the card alone: the pages edited it
        told = await h.press(ADMIN, "Duyệt: Trạm Y tế")
        assert "Đã duyệt" in told[-1]
        await h.fake.wait_for(lambda: any("đã được duyệt" in t for t in h.fake.texts(NEWCOMER)))
    me = users.get_user(plans, NEWCOMER, {ADMIN})
    assert me.role == "officer" and linked(plans, NEWCOMER) == ["Trạm Y tế"]


async def test_the_chairman_registers_and_is_approved_as_the_plans_signer(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(LEADER, "/diaphuong tho xuong")
        h.fake.push_message(LEADER, "/dangky Nguyễn Văn Hùng - Chủ tịch UBND phường")
        await h.fake.wait_for(lambda: h.fake.find_button(ADMIN, "Chọn trong danh sách") is not None)
        data, message_id = h.fake.find_button(ADMIN, "Chọn trong danh sách") or ("", 0)
        h.fake.push_callback(ADMIN, data, message_id)
        await h.fake.wait_for(lambda: h.fake.find_button(ADMIN, "người ký kế hoạch") is not None)
        await h.press(ADMIN, "người ký kế hoạch")
        await h.fake.wait_for(lambda: any("đã được duyệt" in t for t in h.fake.texts(LEADER)))
        assert users.get_user(plans, LEADER, {ADMIN}).role == "leader"
        # his menu now offers /baocao
        await h.fake.wait_for(
            lambda: any(
                c.method == "setMyCommands"
                and (c.params.get("scope") or {}).get("chat_id") in (LEADER, str(LEADER))
                and "baocao" in {x["command"] for x in c.params["commands"]}
                for c in h.fake.calls
            )
        )
