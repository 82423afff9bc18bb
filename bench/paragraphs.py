"""Scaling of the paragraph builder and of reading a file: time and peak memory
against input size (10k / 100k / 1M lines), next to baselines measured in the same run.

- `paragraphs()` (knowledge.extract.lines) on N short lines that never end a sentence
  (the worst case: one paragraph growing line after line);
- baseline 1, a linear reference: `str.splitlines` + `clean` of the same input;
- baseline 2, the quadratic builder this one replaced (`old_paragraphs` below), on the
  small sizes only (80 s at 10k lines);
- `read_document` of a .txt of N lines of '|' (the cell-per-line table scan).

Peak memory is tracemalloc's peak of Python allocations during the call.

    python -m bench paragraphs [--sizes 10000,100000,1000000] [--old-max 2000]"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from knowledge.extract import lines as L
from knowledge.model import Block, Document
from knowledge.readers import read_document
from knowledge.text import clean


def old_paragraphs(doc: Document) -> list[L.Paragraph]:
    """The builder before it was made linear (kept as the reference of its behaviour):
    each line re-reads the whole open paragraph and copies it to append."""
    out: list[L.Paragraph] = []
    current: L.Paragraph | None = None
    after_blank = False
    for block in doc.blocks:
        if block.kind != "line":
            current = None
            continue
        text = clean(block.text)
        if not text:
            after_blank = current is not None
            continue
        label_ends = (
            after_blank
            and current is not None
            and _old_is_label(current.text)
            and (text[:1].isupper() or text[:1].isdigit())
        )
        after_blank = False
        dash = L._COMPOUND_DASH.match(text)
        compound = (
            current is not None
            and not current.heading
            and dash is not None
            and dash.group(1).islower()
            and not L._SENTENCE_END.search(current.text)
        )
        mid_list = text.rstrip().endswith(",") or (
            current is not None and current.text.rstrip().endswith(",")
        )
        starts_item = (
            (bool(L.ITEM_START.match(text)) and not compound)
            or block.heading
            or (L._is_heading_like(text) and not mid_list)
            or L.is_dateline(text)
            or L.is_news_opening(text)
        )
        if (
            current is not None
            and not current.heading
            and not starts_item
            and not L.is_dateline(current.text)
            and not label_ends
            and _old_continues(current.text, text)
        ):
            a = current.text
            current.text = a + text if a.endswith("-") and not a.endswith(" -") else a + " " + text
            current.end_line = block.line_no
            continue
        current = L.Paragraph(text=text, line_no=block.line_no, end_line=block.line_no, heading=block.heading)
        out.append(current)
    return out


def _old_is_label(text: str) -> bool:
    return (
        len(text) < 60
        and bool(L.ITEM_START.match(text))
        and len(text.split()) <= 8
        and not any(c.isdigit() for c in text)
        and not L._SENTENCE_END.search(text)
    )


def _old_continues(previous: str, nxt: str) -> bool:
    if L._BARE_MARKER.match(previous):
        return True
    if L._is_heading_like(previous) and not L._is_heading_like(nxt):
        return False
    if (
        len(previous) < 90
        and L._SECTION_HEADING.match(previous)
        and nxt[:1].isupper()
        and not L._runs_on(previous)
    ):
        return False
    if not L._SENTENCE_END.search(previous):
        return True
    return nxt[:1].islower() or (previous.endswith(":") and nxt[:1].isdigit())


def short_lines(n: int) -> list[str]:
    """N short lines that all continue one paragraph (no sentence end, no item start)."""
    words = ("thực hiện", "kế hoạch", "xã", "năm", "công tác", "dân số", "y tế", "giao thông")
    return [f"{words[i % len(words)]} {i % 97}" for i in range(n)]


def _doc(lines: list[str]) -> Document:
    blocks = [Block(kind="line", text=t, line_no=i + 1) for i, t in enumerate(lines)]
    return Document(source="bench.txt", blocks=blocks, content_hash="")


def measure(fn: Callable[[], Any]) -> tuple[float, float]:
    """(seconds, peak MiB of Python allocations) of one call."""
    tracemalloc.start()
    t0 = time.perf_counter()
    fn()
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def run(sizes: list[int], old_max: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            lines = short_lines(n)
            text = "\n".join(lines)
            doc = _doc(lines)
            cases: list[tuple[str, Callable[[], Any]]] = [
                ("paragraphs()", lambda doc=doc: L.paragraphs(doc)),
                ("baseline splitlines+clean", lambda text=text: [clean(t) for t in text.splitlines()]),
            ]
            if n <= old_max:
                cases.append(("baseline old paragraphs()", lambda doc=doc: old_paragraphs(doc)))
            pipes = Path(tmp) / f"pipes-{n}.txt"
            pipes.write_text("|\n" * n, encoding="utf-8")
            cases.append(("read_document('|' lines)", lambda p=pipes: read_document(p)))
            for name, fn in cases:
                seconds, peak = measure(fn)
                rows.append({"lines": n, "case": name, "seconds": seconds, "peak_mib": peak})
                print(f"{n:>9,} lines  {name:<28} {seconds:9.3f} s  {peak:8.1f} MiB", flush=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench paragraphs")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument(
        "--old-max", type=int, default=2000, help="largest size the old builder runs on (80 s at 10k)"
    )
    args = ap.parse_args(argv)
    run([int(s) for s in args.sizes.split(",")], args.old_max)


if __name__ == "__main__":
    main()
