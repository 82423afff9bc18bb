"""`planbot ask` (one question, or JSON lines) and `planbot chat` from the terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bench.plans import store_json_plan
from bot.cli import main
from storage.db import transaction

DATA = Path(__file__).parent / "data"


@pytest.fixture
def url(engine: Engine, db_url: str) -> str:
    with transaction(engine) as session:
        for name in ("qa_plan_tan_lap_2025.json", "qa_plan_hong_ha_2025.json"):
            store_json_plan(session, json.loads((DATA / name).read_text(encoding="utf-8")), name)
    return db_url


def test_ask_one_question(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "ty le ho ngheo", "--locality", "xã Tân Lập", "--db", url]) == 0
    assert "dưới 1,2 %" in capsys.readouterr().out


def test_ask_one_question_as_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Ai phụ trách BHYT ở xã Tân Lập?", "--json", "--db", url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["intent"] == "responsible"
    assert out["matches"][0]["responsible"] == "Trạm Y tế xã"
    assert set(out["matches"][0]) == {"kind", "plan", "name", "target_text", "responsible", "score"}


def test_ask_json_lines_one_answer_per_line(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"q": "Tổng thu ngân sách trên địa bàn?", "locality": "phường Hồng Hà"},
        {"q": "thu nhap binh quan dau nguoi tan lap", "locality": None},
        "not json",
        {"q": "tỷ lệ hộ nghèo", "locality": None},
    ]
    text = "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["ask", "--json", "--db", url]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 4
    assert "61" in out[0]["answer"] and out[0]["matches"][0]["kind"] == "indicator"
    assert "72" in out[1]["answer"]
    assert out[2]["intent"] == "error" and "line 3" in out[2]["error"]
    assert out[3]["needs_locality"] is True


def test_ask_without_question_or_json_is_refused(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--db", url]) == 2
    assert "give a question" in capsys.readouterr().err


def test_chat_changes_locality_and_quits(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("/diaphuong Hồng Hà\nTổng thu ngân sách?\nthoát\nnot reached\n")
    )
    assert main(["chat", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Đã chọn: phường Hồng Hà" in out and "61" in out


def test_chat_ends_cleanly_on_end_of_input(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ty le ho ngheo\n"))
    assert main(["chat", "--locality", "xã Tân Lập", "--db", url]) == 0
    assert "1,2" in capsys.readouterr().out


def test_chat_lists_places_and_refuses_an_unknown_one(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("/diaphuong\n/diaphuong Không Có\n"))
    assert main(["chat", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "phường Hồng Hà" in out and "xã Tân Lập" in out
    assert "Không thấy địa phương" in out


def test_a_bad_database_url_is_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "ty le ho ngheo", "--db", "nosuchdialect://x"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("planbot ask: địa chỉ cơ sở dữ liệu không hợp lệ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
