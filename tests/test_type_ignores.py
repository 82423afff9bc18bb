"""mypy checks bot/, handlers/, storage/ and knowledge/ (make test); an ignore it must
honour names its error code (mypy enforces that) and says why on the same line."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[^\]]*\])?(?P<rest>.*)$")


def test_every_type_ignore_names_its_code_and_a_reason() -> None:
    bare = []
    for package in ("bot", "handlers", "storage", "knowledge"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                m = IGNORE.search(line)
                if m and not (m["code"] and re.match(r"\s*#\s*\S", m["rest"])):
                    bare.append(f"{path.relative_to(ROOT)}:{no}: {line.strip()}")
    assert bare == []
