"""Readers: turn .txt/.md/.docx/.pdf files into a `Document` of blocks.

Every reader returns blocks in reading order: 'line' blocks (one source line
each, blank lines kept so line numbers stay meaningful) and 'table' blocks
(rows of cleaned cell texts). Bad input raises `UnreadableDocument` with a
one-line reason; no library exception escapes to the caller.

A reader per format — `text` (.txt/.md), `word` (.docx), `pdf` — over the shared
cell helpers (`cells`) and table readers (`html_tables`, `cell_lines`, `pdf_tables`)."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from knowledge.errors import UnreadableDocument
from knowledge.model import Block, Document
from knowledge.readers.limits import ReadLimits, mib
from knowledge.readers.pdf import read_pdf
from knowledge.readers.text import read_text
from knowledge.readers.word import read_docx

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Expand folders into the supported, non-hidden files they hold (sorted); keep files as given."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and _wanted(f)))
        else:
            out.append(p)
    return out


def _wanted(f: Path) -> bool:
    # '~$x.docx' are Word lock files, '.x' hidden files: never documents
    return f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$"))


def read_document(path: Path, limits: ReadLimits | None = None) -> Document:
    """Read one file; raises `UnreadableDocument` with a one-line reason."""
    path = Path(path)
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableDocument("old .doc format is not supported (save it as .docx)")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type '{suffix or path.name}'")
    data = _read_regular_file(path, limits.max_file_bytes)
    if not data.strip():
        raise UnreadableDocument("empty file")
    if suffix == ".docx":
        blocks = read_docx(data, limits.max_docx_inflated_bytes)
    elif suffix == ".pdf":
        blocks = read_pdf(data, limits.max_pdf_pages)
    else:
        blocks = _READERS[suffix](data)
    if not any(b.text.strip() or b.rows for b in blocks):
        raise UnreadableDocument("no text found")
    return Document(source=path.name, blocks=blocks, content_hash=hashlib.sha256(data).hexdigest())


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. A FIFO would block the open
    (and a device such as /dev/zero never ends): they are refused from a stat, through
    links, before opening; the size is checked on the open descriptor too, and the read
    stops one byte past the limit, so a file growing meanwhile is still refused."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableDocument("not a regular file")
        if st.st_size > max_bytes:
            raise UnreadableDocument(f"file too large ({mib(st.st_size)} MB, limit {mib(max_bytes)} MB)")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped after the stat
                raise UnreadableDocument("not a regular file")
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise UnreadableDocument(f"file too large (over {mib(max_bytes)} MB)")
    return data


_READERS: dict[str, Callable[[bytes], list[Block]]] = {
    ".txt": read_text,
    ".md": read_text,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
