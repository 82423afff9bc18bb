"""What reading one file may cost, and the sizes a refusal names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadLimits:
    """What one file may cost to read: bytes on disk, bytes a .docx inflates to, PDF pages.
    Past a limit the file is refused before the costly parse (memory stays bounded)."""

    max_file_bytes: int = 20 * 2**20
    # python-docx holds the whole tree (5–10 times the XML): 40 MB keeps it under 500 MB
    max_docx_inflated_bytes: int = 40 * 2**20
    max_pdf_pages: int = 300


def mib(n: int) -> str:
    return f"{n / 2**20:.1f}".removesuffix(".0")
