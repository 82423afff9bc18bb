"""Blocking work stays off the event loop: database calls and chart rendering run in
worker threads, so one user's slow command never holds up another's answer."""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import threading
from pathlib import Path

import pytest

from storage import report
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ROOT = Path(__file__).resolve().parent.parent
ADMIN, RESIDENT = 1001, 3003
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
WAIT_S = 60.0


async def test_a_residents_question_is_answered_while_a_report_chart_renders(engine, monkeypatch) -> None:
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    rendering, answered = threading.Event(), threading.Event()
    render = report.WRITERS["png"]

    def chart_that_waits_for_the_answer(built: report.Report, out: Path) -> None:
        rendering.set()
        # on the event loop this wait would stop everything, the resident's answer included
        if not answered.wait(WAIT_S):
            raise AssertionError("the resident got no answer while the chart rendered")
        render(built, out)

    monkeypatch.setitem(report.WRITERS, "png", chart_that_waits_for_the_answer)
    async with BotHarness(engine, {ADMIN}) as h:
        await h.say(ADMIN, "/diaphuong Đông Thọ")
        h.fake.push_message(ADMIN, "/baocao")
        assert await asyncio.to_thread(rendering.wait, WAIT_S), "/baocao never started its chart"
        reply = await h.say(RESIDENT, "tỷ lệ tham gia bảo hiểm y tế phường Đông Thọ")
        assert not h.fake.sent(ADMIN, "sendPhoto")  # the chart is still rendering
        answered.set()
        assert "bảo hiểm y tế" in reply[0].lower()
        await h.fake.wait_for(lambda: h.fake.sent(ADMIN, "sendPhoto"))
        assert h.fake.sent(ADMIN, "sendPhoto")[0].params["photo"]["size"] > 0
        assert h.crashed is None


def _storage_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> what it stands for in storage ('users' -> 'storage.users')."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "storage":
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            names |= {a.asname or a.name: a.name for a in node.names if a.name.split(".")[0] == "storage"}
    return names


def _resolve(dotted: str) -> object:
    try:
        return importlib.import_module(dotted)
    except ImportError:
        module, _, attr = dotted.rpartition(".")
        return getattr(importlib.import_module(module), attr)


def _blocks(fn: object) -> bool:
    """A storage function that takes the engine, a session or a connection does database I/O;
    one that takes `out` renders a file (a chart, a workbook)."""
    if not inspect.isfunction(fn):
        return False  # a class, a constant, a method of a value
    params = inspect.signature(fn).parameters.values()
    return any(p.name in ("engine", "session", "conn", "db", "out") for p in params)


def _direct_database_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = _storage_names(tree)
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.AsyncFunctionDef):
            continue
        for call in ast.walk(fn):
            if not isinstance(call, ast.Call):
                continue
            chain, node = [], call.func
            while isinstance(node, ast.Attribute):
                chain.insert(0, node.attr)
                node = node.value
            if not (isinstance(node, ast.Name) and node.id in names):
                continue
            target = _resolve(names[node.id])
            for attr in chain:
                target = getattr(target, attr)
            if _blocks(target):
                found.append(f"{path.name}:{call.lineno} {fn.name}: {ast.unparse(call.func)}")
    return found


@pytest.mark.parametrize("package", ["handlers", "bot"])
def test_no_coroutine_does_blocking_storage_work_itself(package: str) -> None:
    """Every storage call that does I/O or renders goes through run_blocking / asyncio.to_thread
    (the function is passed to the thread, not called on the loop)."""
    found = [line for path in sorted((ROOT / package).glob("*.py")) for line in _direct_database_calls(path)]
    assert found == []


def test_the_check_sees_a_direct_call(tmp_path) -> None:
    bad = tmp_path / "probe.py"
    bad.write_text(
        "from storage import users\nfrom storage.report import build_report, write_report\n\n"
        "async def h(engine, out):\n    users.get_user(engine, 1, set())\n"
        "    write_report(build_report(engine, 'x'), 'png', out)\n"
        "\nasync def fine(engine):\n    return users.is_special_sender(1)\n",
        "utf-8",
    )
    found = sorted(line.split()[-1] for line in _direct_database_calls(bad))
    assert found == ["build_report", "users.get_user", "write_report"]
