"""Synthesise plan DOCUMENTS (files, not database rows) for the national-scale benchmarks.

Each synthesised document is one of the bundled sample plans (knowledge/samples) rewritten:
a new, unique commune-level place ('xã/phường <Name>', names built from syllable lists), a
different province/city, every free-standing figure perturbed (one consistent mapping per
document, so the answers stay known), sometimes 'xã' instead of 'phường', old-style tone
marks ('hoá', 'thuỷ'), bullet lists shuffled; and a few are written in other layouts
(CRLF, UTF-16 with BOM, Markdown headings, DOCX).

The known answers come from the hand-checked gold annotations of the samples
(/work/shared/gold, or knowledge/samples/../gold when present), passed through the same
place-name and figure rewrites — never from the system under test. A manifest
(manifest.json) lists every document with its place, period and answerable indicators.

    python -m bench.synth_docs OUT_DIR [--plans N] [--seed S]"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from knowledge.text import fold

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "knowledge" / "samples"
GOLD_DIRS = (ROOT.parent / "shared" / "gold", Path("/work/shared/gold"), ROOT / "tests" / "data" / "gold")
COUNTRY = 3321

# Syllables of Sino-Vietnamese place names; two (sometimes three) make a name.
_SYLLABLES = [
    "An",
    "Ái",
    "Bắc",
    "Bảo",
    "Bình",
    "Bồng",
    "Cam",
    "Cẩm",
    "Cao",
    "Cát",
    "Chánh",
    "Châu",
    "Chí",
    "Công",
    "Cường",
    "Đa",
    "Đại",
    "Đan",
    "Điền",
    "Định",
    "Đoài",
    "Đồng",
    "Đông",
    "Đức",
    "Dương",
    "Gia",
    "Giang",
    "Hạ",
    "Hải",
    "Hán",
    "Hanh",
    "Hiền",
    "Hiệp",
    "Hòa",
    "Hoàng",
    "Hồng",
    "Hợp",
    "Huề",
    "Hưng",
    "Hương",
    "Hữu",
    "Khai",
    "Khánh",
    "Khương",
    "Kiên",
    "Kim",
    "Kỳ",
    "Lạc",
    "Lai",
    "Lam",
    "Lâm",
    "Lạng",
    "Lập",
    "Liên",
    "Linh",
    "Lộc",
    "Lợi",
    "Long",
    "Lũng",
    "Lương",
    "Mai",
    "Mậu",
    "Minh",
    "Mỹ",
    "Nam",
    "Nghĩa",
    "Ngọc",
    "Nguyên",
    "Nhân",
    "Nhuận",
    "Ninh",
    "Phong",
    "Phú",
    "Phúc",
    "Phụng",
    "Phước",
    "Phượng",
    "Quang",
    "Quảng",
    "Quế",
    "Quý",
    "Sa",
    "Sơn",
    "Tam",
    "Tân",
    "Tây",
    "Thạch",
    "Thái",
    "Thắng",
    "Thanh",
    "Thành",
    "Thiện",
    "Thịnh",
    "Thọ",
    "Thông",
    "Thuận",
    "Thượng",
    "Thủy",
    "Tiên",
    "Tiến",
    "Tín",
    "Toàn",
    "Trà",
    "Triệu",
    "Trung",
    "Trường",
    "Tú",
    "Tuấn",
    "Tường",
    "Uy",
    "Vạn",
    "Văn",
    "Vân",
    "Việt",
    "Vinh",
    "Vĩnh",
    "Võ",
    "Xuân",
    "Yên",
]
_PROVINCES = [
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
    "Cao Bằng",
    "Điện Biên",
    "Hà Tĩnh",
    "Lai Châu",
    "Lạng Sơn",
    "Nghệ An",
    "Quảng Ninh",
    "Thanh Hóa",
    "Sơn La",
    "Huế",
    "Hà Nội",
]

_NUM = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"^(19|20)\d\d$")
_BULLET = re.compile(r"^\s*[-+•]\s+\S")
# Old-style tone placement on open syllables: 'hóa' -> 'hoá', 'thủy' -> 'thuỷ'.
_OLD_TONES = {
    "óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "óe": "oé", "òe": "oè", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONES) + r")(?![^\W\d_])")


@dataclass
class Sample:
    name: str
    text: str
    gold: dict[str, Any]
    bare: str  # the place's own name without 'xã'/'phường'
    kind: str  # 'xã' | 'phường' | ...
    parent_bare: str | None  # the city/province the sample names, replaced per document


@dataclass
class SynthDoc:
    file: str
    sample: str
    locality: str
    period_start: int | None
    period_end: int | None
    layout: list[str]
    indicators: list[dict[str, Any]] = field(default_factory=list)  # gold items, rewritten


# ---------------------------------------------------------------- inputs


def _gold_dir() -> Path:
    for d in GOLD_DIRS:
        if d.is_dir():
            return d
    raise SystemExit("gold annotations not found (looked in " + ", ".join(map(str, GOLD_DIRS)) + ")")


def _bare(locality: str) -> tuple[str, str]:
    words = locality.split()
    lead = 2 if fold(" ".join(words[:2])) in ("thi tran", "thanh pho", "thi xa") else 1
    return " ".join(words[:lead]), " ".join(words[lead:])


def load_samples() -> list[Sample]:
    gold_dir = _gold_dir()
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        gold_path = gold_dir / f"{path.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        kind, bare = _bare(gold["plan"]["locality"])
        parent = gold["plan"].get("parent") or ""
        parent_bare = _bare(parent)[1] if parent else None
        out.append(Sample(path.stem, path.read_text(encoding="utf-8"), gold, bare, kind, parent_bare))
    if not out:
        raise SystemExit("no sample with a gold annotation")
    return out


def place_names(n: int, taken: set[str], rng: random.Random) -> list[str]:
    """n unique names (unique even without diacritics), two syllables, a few three."""
    pairs = [f"{a} {b}" for a in _SYLLABLES for b in _SYLLABLES if a != b]
    rng.shuffle(pairs)
    seen = set(taken)
    out: list[str] = []
    for name in pairs:
        if len(out) >= n:
            break
        if rng.random() < 0.05:
            name = f"{name} {rng.choice(_SYLLABLES)}"
        key = fold(name)
        if key not in seen and len(set(key.split())) == len(key.split()):
            seen.add(key)
            out.append(name)
    if len(out) < n:
        raise ValueError(f"only {len(out)} unique place names for {n} plans")
    return out


# ---------------------------------------------------------------- rewriting


def _variants(name: str) -> list[str]:
    """Spellings of a name as the samples print it: as is, in capitals, PDF 'ƣ' for 'ư'."""
    forms = {name, name.upper()}
    forms |= {f.replace("ư", "ƣ").replace("Ư", "Ƣ") for f in list(forms)}
    return sorted(forms, key=len, reverse=True)


def _name_re(name: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _variants(name))
    return re.compile(rf"(?<![^\W\d_])(?:{alts})(?![^\W\d_])")


def replace_name(text: str, old: str, new: str) -> str:
    return _name_re(old).sub(lambda mt: new.upper() if mt.group(0).isupper() else new, text)


def _protected(text: str, start: int, end: int) -> bool:
    """A figure that is not a quantity: list number, date, day of a month, round 100."""
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    line_start = text.rfind("\n", 0, start) + 1
    if re.fullmatch(r"[\s*#(]*", text[line_start:start]) and re.match(r"[.)]", after):
        return True  # '1.', '2.1.', '(3)' numbering
    if before.endswith("(") and after.startswith(")"):
        return True
    if re.search(r"(?i)ngày\s*$", before) or re.match(r"\s*(tháng|/|-)", after):
        return True
    return bool(re.search(r"[-–/]\s*$", before))


def number_mapping(text: str, rng: random.Random) -> dict[str, str]:
    """One new figure per distinct token; a token protected anywhere keeps its value everywhere,
    so an answer read in any place of the document stays predictable."""
    protected: set[str] = set()
    tokens: set[str] = set()
    for mt in _NUM.finditer(text):
        tok = mt.group(0)
        tokens.add(tok)
        if _protected(text, mt.start(), mt.end()):
            protected.add(tok)
    out: dict[str, str] = {}
    for tok in sorted(tokens - protected):
        if _YEAR.match(tok) or tok in ("100", "0") or (tok.isdigit() and int(tok) < 10):
            continue
        new = perturb_number(tok, rng)
        if new != tok and not _YEAR.match(new):
            out[tok] = new
    return out


def perturb_number(text: str, rng: random.Random) -> str:
    factor = rng.choice((0.8, 0.85, 0.9, 1.1, 1.15, 1.2))
    if "," in text and "." not in text:  # decimal comma
        whole, dec = text.split(",", 1)
        value = float(f"{whole}.{dec}") * factor
        if dec and len(dec) <= 3 and "." not in dec:
            return f"{value:.{len(dec)}f}".replace(".", ",")
        return text
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # thousands separators
        value = max(1, round(int(text.replace(".", "")) * factor))
        return f"{value:,}".replace(",", ".")
    if "." in text or "," in text:
        return text
    value = int(text)
    new = round(value * factor)
    if new == value:
        new = value + 1
    return str(new).zfill(len(text)) if text.startswith("0") else str(new)


def apply_numbers(text: str | None, mapping: dict[str, str]) -> str | None:
    if not text:
        return text
    return _NUM.sub(lambda mt: mapping.get(mt.group(0), mt.group(0)), text)


def flip_kind(text: str, old_bare: str) -> str:
    """'phường' → 'xã' everywhere (a ward re-registered as a commune)."""
    text = re.sub(rf"\bP\.\s*(?={re.escape(old_bare)})", "xã ", text)
    for old, new in (("phường", "xã"), ("Phường", "Xã"), ("PHƯỜNG", "XÃ")):
        for o in {old, old.replace("ư", "ƣ").replace("Ư", "Ƣ")}:
            text = re.sub(rf"(?<![^\W\d_]){o}(?![^\W\d_])", new, text)
    return text


def old_tones(text: str) -> str:
    text = _OLD_TONE_RE.sub(lambda mt: _OLD_TONES[mt.group(1)], text)
    return text.replace("Tỷ lệ", "Tỉ lệ").replace("tỷ lệ", "tỉ lệ")


def shuffle_bullets(text: str, rng: random.Random) -> str:
    """Runs of '- ...' paragraphs are put in another order (no item depends on its neighbour)."""
    paras = re.split(r"(\n\s*\n)", text)
    out: list[str] = []
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _BULLET.match(paras[j]):
            j += 2
        if j - i >= 6:  # at least three bullets
            run = [paras[k] for k in range(i, j, 2)]
            seps = [paras[k] for k in range(i + 1, j - 1, 2)]
            rng.shuffle(run)
            for k, p in enumerate(run):
                out.append(p)
                if k < len(seps):
                    out.append(seps[k])
            i = j - 1
            continue
        out.append(paras[i])
        i += 1
    return "".join(out)


def markdown(text: str) -> str:
    """Headings marked as Markdown: roman parts '##', numbered sections '###'."""
    lines = []
    for line in text.split("\n"):
        s = line.strip().strip("*").strip()
        if re.match(r"^[IVX]{1,4}\.\s+\S", s):
            lines.append(f"## {s}")
        elif re.match(r"^\d+\.\s+[A-ZĐÂĂÊÔƠƯ]", s) and len(s) < 90:
            lines.append(f"### {s}")
        else:
            lines.append(line)
    return "\n".join(lines)


_TAG = re.compile(r"</?(?:b|i|u|sup|sub|br)\s*/?>", re.IGNORECASE)


def write_docx(text: str, path: Path) -> None:
    """A Word file: tab-separated rows become a real table, other lines paragraphs."""
    from docx import Document

    doc = Document()
    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        for i, cells in enumerate(rows):
            for j, cell in enumerate(cells):
                table.cell(i, j).text = _TAG.sub("", cell).strip()
        rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        s = re.sub(r"^#+\s*", "", line.strip())  # Markdown heading marks are not Word text
        if not s:
            continue
        flush_table()
        bold = s.startswith("**") and s.endswith("**") and len(s) > 4
        doc.add_paragraph().add_run(_TAG.sub("", s.strip("*").strip() if bold else s)).bold = bold
    flush_table()
    doc.save(str(path))


# ---------------------------------------------------------------- one document


def _answerable(gold: dict[str, Any], text: str, mapping: dict[str, str]) -> list[dict[str, Any]]:
    """Gold indicators rewritten like the text; only those whose first figure is printed in it."""
    printed = set(_NUM.findall(text))
    out = []
    for ind in gold.get("indicators", []):
        new = dict(ind)
        new["name"] = apply_numbers(ind["name"], mapping)
        new["target_text"] = apply_numbers(ind.get("target_text"), mapping)
        new["other_targets"] = []
        figures = [x for x in _NUM.findall(new["target_text"] or "") if not _YEAR.match(x)]
        if figures and figures[0] in printed:
            out.append(new)
    return out


def synthesise_one(
    sample: Sample, bare: str, province: str, index: int, rng: random.Random, out_dir: Path
) -> SynthDoc:
    text = sample.text
    if sample.parent_bare and sample.parent_bare != province:
        text = replace_name(text, sample.parent_bare, province)
    kind = sample.kind
    layout: list[str] = []
    if kind == "phường" and rng.random() < 0.35:
        text, kind = flip_kind(text, sample.bare), "xã"
        layout.append("xa")
    text = replace_name(text, sample.bare, bare)
    mapping = number_mapping(text, rng)
    text = apply_numbers(text, mapping) or text
    answerable = _answerable(sample.gold, text, mapping)
    if rng.random() < 0.3:
        text = old_tones(text)
        layout.append("old-tones")
    if rng.random() < 0.3:
        text = shuffle_bullets(text, rng)
        layout.append("shuffled")
    container = rng.choices(["txt", "crlf", "utf16", "md", "docx"], weights=[85, 4, 3, 4, 4])[0]
    layout.append(container)
    stem = f"plan_{index:05d}_{sample.name[:3]}"
    if container == "docx":
        file = f"{stem}.docx"
        write_docx(text, out_dir / file)
    elif container == "md":
        file = f"{stem}.md"
        (out_dir / file).write_text(markdown(text), encoding="utf-8")
    else:
        file = f"{stem}.txt"
        data = text.replace("\n", "\r\n") if container == "crlf" else text
        (out_dir / file).write_bytes(data.encode("utf-16" if container == "utf16" else "utf-8"))
    meta = sample.gold["plan"]
    return SynthDoc(
        file=file,
        sample=sample.name,
        locality=f"{kind} {bare}",
        period_start=meta.get("period_start"),
        period_end=meta.get("period_end"),
        layout=layout,
        indicators=answerable,
    )


def synthesise(out_dir: Path, n_plans: int = COUNTRY, seed: int = 11) -> list[SynthDoc]:
    """Write n_plans documents and manifest.json into out_dir (emptied of earlier plans first)."""
    rng = random.Random(seed)
    samples = load_samples()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("plan_*"):
        old.unlink()
    taken = {fold(s.bare) for s in samples}
    names = place_names(n_plans, taken, rng)
    docs = []
    for i, bare in enumerate(names):
        sample = samples[i % len(samples)]
        docs.append(synthesise_one(sample, bare, rng.choice(_PROVINCES), i, rng, out_dir))
    manifest = {"seed": seed, "plans": len(docs), "docs": [asdict(d) for d in docs]}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return docs


def load_manifest(out_dir: Path) -> list[SynthDoc]:
    data = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    return [SynthDoc(**d) for d in data["docs"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.synth_docs", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--plans", type=int, default=COUNTRY)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args(argv)
    docs = synthesise(a.out_dir, a.plans, a.seed)
    layouts: dict[str, int] = {}
    for d in docs:
        for lay in d.layout:
            layouts[lay] = layouts.get(lay, 0) + 1
    print(f"{len(docs)} documents in {a.out_dir}; layouts: {layouts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
