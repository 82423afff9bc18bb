"""Readers: turn .txt/.md/.docx/.pdf files into a `Document` of blocks.

(Provisional minimal version: plain text only. Replaced by the full readers.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

from knowledge.errors import UnreadableDocument
from knowledge.model import Block, Document
from knowledge.text import nfc

SUPPORTED_SUFFIXES = (".txt", ".md")


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Expand folders into the supported files they hold (sorted); keep files as given."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        else:
            out.append(p)
    return out


def read_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise UnreadableDocument("empty file")
    try:
        text = nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UnreadableDocument("not UTF-8 text") from None
    blocks = [Block(kind="line", text=line, line_no=i) for i, line in enumerate(text.splitlines(), 1)]
    return Document(source=path.name, blocks=blocks, content_hash=hashlib.sha256(data).hexdigest())
