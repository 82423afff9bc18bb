"""Words of the question domain: abbreviations, topics and question phrasing.

Everything is written in plain Vietnamese and folded on use (`knowledge.text.fold`),
so the tables work for questions typed with or without diacritics."""

from __future__ import annotations

from functools import cache

from knowledge.text import fold

# Abbreviations used in plans and in questions -> their long form. Both sides
# are rewritten to the long form before matching, so 'BHYT' in a question finds
# 'bảo hiểm y tế' in a plan and the reverse.
ABBREVIATIONS: dict[str, str] = {
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHXHTN": "bảo hiểm xã hội tự nguyện",
    "BHTN": "bảo hiểm thất nghiệp",
    "ATTP": "an toàn thực phẩm",
    "VSATTP": "vệ sinh an toàn thực phẩm",
    "GPMB": "giải phóng mặt bằng",
    "BTGPMB": "bồi thường giải phóng mặt bằng",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "KTXH": "kinh tế xã hội",
    "VHXH": "văn hóa xã hội",
    "ANTT": "an ninh trật tự",
    "ATXH": "an toàn xã hội",
    "ATGT": "an toàn giao thông",
    "TTATXH": "trật tự an toàn xã hội",
    "PCCC": "phòng cháy chữa cháy",
    "PCTT": "phòng chống thiên tai",
    "TKCN": "tìm kiếm cứu nạn",
    "VSMT": "vệ sinh môi trường",
    "NTM": "nông thôn mới",
    "HĐND": "hội đồng nhân dân",
    "UBND": "ủy ban nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "CBCC": "cán bộ công chức",
    "CT": "chủ tịch",
    "PCT": "phó chủ tịch",
    "TYT": "trạm y tế",
    "TDP": "tổ dân phố",
    "KDC": "khu dân cư",
    "HTX": "hợp tác xã",
    "SXKD": "sản xuất kinh doanh",
    "XDCB": "xây dựng cơ bản",
    "TDTT": "thể dục thể thao",
    "KNTC": "khiếu nại tố cáo",
    "TTĐT": "trật tự đô thị",
    "HTKT": "hạ tầng kỹ thuật",
    "KCN": "khu công nghiệp",
    "CCN": "cụm công nghiệp",
    "KĐT": "khu đô thị",
    "NSNN": "ngân sách nhà nước",
    "GTNT": "giao thông nông thôn",
    "MTQG": "mục tiêu quốc gia",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "MN": "mầm non",
    "DN": "doanh nghiệp",
    "KHHGĐ": "kế hoạch hóa gia đình",
    "CNTT": "công nghệ thông tin",
    "CĐS": "chuyển đổi số",
    "QP": "quốc phòng",
    "QPAN": "quốc phòng an ninh",
    "VP": "văn phòng",
    "CA": "công an",
    "CAP": "công an phường",
    "QS": "quân sự",
    "BCHQS": "ban chỉ huy quân sự",
    "TP": "thành phố",
    "DS": "dân số",
    # departments and programmes as plans and residents shorten them ('Sở KH&CN' is 'KHCN')
    "KHCN": "khoa học và công nghệ",
    "KHĐT": "kế hoạch và đầu tư",
    "NNMT": "nông nghiệp và môi trường",
    "NNPTNT": "nông nghiệp và phát triển nông thôn",
    "TNMT": "tài nguyên và môi trường",
    "GDĐT": "giáo dục và đào tạo",
    "VHTTDL": "văn hóa thể thao và du lịch",
    "LĐTBXH": "lao động thương binh và xã hội",
    "TTTT": "thông tin và truyền thông",
    "ĐMST": "đổi mới sáng tạo",
    "CBCCVC": "cán bộ công chức viên chức",
    "CCVC": "công chức viên chức",
    "BCĐ": "ban chỉ đạo",
    "BQL": "ban quản lý",
    "KCX": "khu chế xuất",
    "TMĐT": "thương mại điện tử",
    "HSSV": "học sinh sinh viên",
    "CSDL": "cơ sở dữ liệu",
    "ATTT": "an toàn thông tin",
    "NHCSXH": "ngân hàng chính sách xã hội",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "ĐVHC": "đơn vị hành chính",
    "NSĐP": "ngân sách địa phương",
    "NSTW": "ngân sách trung ương",
    "XNK": "xuất nhập khẩu",
    "ĐTPT": "đầu tư phát triển",
    "NTTS": "nuôi trồng thủy sản",
    "DVCTT": "dịch vụ công trực tuyến",
    "CNC": "công nghệ cao",
}

# Different words plans and residents use for one thing -> the one form both sides are
# rewritten to before matching (as the abbreviations above: 'DN' -> 'doanh nghiệp',
# 'BHXH tự nguyện' -> 'bảo hiểm xã hội tự nguyện'), so 'rác thải' finds 'chất thải rắn'.
SYNONYMS: dict[str, str] = {
    "rác thải": "chất thải rắn",
    "người già": "người cao tuổi",
    "trẻ nhỏ": "trẻ em",
    "rác sinh hoạt": "chất thải rắn sinh hoạt",
    "sử dụng": "dùng",
}

# Words that are abbreviations only when typed in capitals or as a whole token
# of two letters could clash with ordinary syllables; keep them out of the
# lower-case rewrite (an 'an' in 'an toàn' must stay 'an').
_CASE_SENSITIVE = {"CT", "CA", "MN", "QP", "TP", "DS", "DN", "VP", "QS"}

# Topics a resident asks about ('các chỉ tiêu về y tế') -> words that mark an item of that topic.
TOPICS: dict[str, tuple[str, ...]] = {
    "y tế": (
        "y tế",
        "bảo hiểm y tế",
        "trạm y tế",
        "dinh dưỡng",
        "tiêm chủng",
        "dịch bệnh",
        "bác sĩ",
        "dân số",
    ),
    "giáo dục": ("giáo dục", "trường", "học sinh", "mầm non", "tiểu học", "trung học", "phổ cập"),
    "kinh tế": ("kinh tế", "thu nhập", "ngân sách", "doanh nghiệp", "sản xuất", "tăng trưởng", "vốn đầu tư"),
    "nông nghiệp": ("nông nghiệp", "lương thực", "trồng trọt", "chăn nuôi", "thủy sản", "cây", "lúa"),
    "văn hóa": ("văn hóa", "gia đình văn hóa", "khu dân cư văn hóa", "thể dục thể thao"),
    "xã hội": ("xã hội", "hộ nghèo", "cận nghèo", "lao động", "việc làm", "bảo hiểm xã hội"),
    "lao động việc làm": ("lao động", "việc làm", "đào tạo nghề"),
    "giảm nghèo": ("hộ nghèo", "cận nghèo", "giảm nghèo"),
    "môi trường": ("môi trường", "chất thải", "rác", "nước sạch", "cây xanh", "vệ sinh môi trường"),
    "an ninh": ("an ninh", "trật tự", "quốc phòng", "tuyển quân", "nhập ngũ", "phòng cháy", "ma túy"),
    "quốc phòng": ("quốc phòng", "quân sự", "tuyển quân", "nhập ngũ", "dân quân"),
    "ngân sách": ("ngân sách", "thu ngân sách", "chi ngân sách", "thuế"),
    "đất đai": ("đất", "giải phóng mặt bằng", "địa chính", "quy hoạch"),
    "hành chính": ("hành chính", "thủ tục hành chính", "hồ sơ trực tuyến", "một cửa", "chuyển đổi số"),
    "xây dựng": ("xây dựng", "hạ tầng", "giao thông", "đô thị", "đường"),
    "đô thị": ("đô thị", "trật tự đô thị", "cây xanh", "chỉnh trang"),
}

# How a question asks 'when' (part of QUESTION_PHRASES below; PLAN_TIME_WORDS reads them too).
WHEN_PHRASES: tuple[str, ...] = ("khi nào", "bao giờ", "ngày nào", "lúc nào")

# Question phrasing: removed from the query before matching (longest first).
QUESTION_PHRASES: tuple[str, ...] = (
    # the current year, which the engine's preferred plan already is
    "năm nay",
    "cho em hỏi",
    "cho tôi hỏi",
    "cho mình hỏi",
    "cho cháu hỏi",
    "cho hỏi",
    "xin hỏi",
    "em muốn hỏi",
    "tôi muốn hỏi",
    "muốn biết",
    "vui lòng cho biết",
    "cho biết",
    "bao nhiêu phần trăm",
    "mấy phần trăm",
    "bao nhiêu",
    "mấy",
    "là gì",
    "là bao nhiêu",
    "như thế nào",
    "thế nào",
    "ra sao",
    *WHEN_PHRASES,
    # how often ('báo cáo bao lâu một lần'): the answer says 'định kỳ 06 tháng', not these
    "bao lâu một lần",
    "bao lâu",
    # where to ('gửi về đâu'; only typed with its accent: 'dau' may be 'đầu')
    "đâu",
    # the asker's own place ('xã mình', 'phường em'): the chosen locality answers it
    "xã mình",
    "phường mình",
    "xã em",
    "phường em",
    "xã tôi",
    "phường tôi",
    "xã nhà",
    "phường nhà",
    "địa phương mình",
    "ở đây",
    # 'cơ quan nào', 'đơn vị nào' ask who, typed without accents too
    "cơ quan nào",
    "đơn vị nào",
    "bộ phận nào",
    "ban ngành nào",
    "phòng nào",
    "cán bộ nào",
    "công chức nào",
    "đồng chí nào",
    "người nào",
    "ai",
    "nào",
    "gì",
    "không",
    "vậy",
    "ạ",
    "nhé",
    "nhỉ",
    "nha",
    "hả",
    "thì",
    "là",
    "có",
    "ở",
    "tại",
    "trên địa bàn",
    "địa bàn",
    "phải",
    "cần",
    "sẽ",
    "bị",
    "hãy",
    "xin",
    "giúp",
)

# Words a question uses to frame what it asks ('ai phụ trách', 'tiến độ'), which
# item names also use now and then: kept, but weighed down.
FRAME_WORDS: tuple[str, ...] = (
    "của",
    "các",
    "những",
    "mỗi",
    "được",
    "đã",
    "và",
    "với",
    "cho",
    "về",
    "theo",
    "trong",
    "năm",
    "mục tiêu",
    "chỉ tiêu",
    "kế hoạch",
    "nhiệm vụ",
    "phấn đấu",
    "còn",
    "điều chỉnh",
    "bổ sung",
    "trước khi",
    "sau khi",
    "đạt",
    "đến nay",
    "hiện nay",
    "hiện tại",
    "tiến độ",
    "kết quả",
    "thực hiện",
    "phụ trách",
    "chịu trách nhiệm",
    "trách nhiệm",
    "chủ trì",
    "chỉ đạo",
    "tham mưu",
    "đơn vị",
    "cơ quan",
    "người",
    "hạn chót",
    "thời hạn",
    "hạn",
    "hoàn thành",
    "xong",
    "tỷ lệ",
    "số",
    "tổng",
    "trên",
    "bình quân",
    "mới",
    "đến",
    "giai đoạn",
    "gửi",
    "nộp",
    # question words typed without accents ('may' for 'mấy', 'gi', 'nao', 'a', 'nhi'): the
    # phrase list drops them only as typed with their accents ('may' may be 'máy'); kept,
    # they weigh as frame words, not as the rarest words of the question
    "mấy",
    "gì",
    "nào",
    "ạ",
    "nhỉ",
    # the light verb of a question ('làm từ tháng mấy', 'ai làm'): rare in a plan, so its
    # weight would outweigh the subject's ('việc làm' keeps it, weighed down)
    "làm",
    "trước",
    "ngày",
)

# How a list question is put ('… phải làm gì', '… có nhiệm vụ gì', 'những chỉ tiêu nào'):
# no part of what the list is about (whom or what it is of)
LIST_WORDS: tuple[str, ...] = (
    "phải",
    "cần",
    "sẽ",
    "có",
    "làm gì",
    "j",
    "những việc",
    "nhiệm vụ",
    "trách",
    "chỉ tiêu",
    "nào",
)


# Words of a plan's heading that say nothing of what its section is about: in 'KINH PHÍ THỰC
# HIỆN' only 'kinh phí' must be asked for the section to be named (knowledge/sections.py).
HEADING_GENERIC_WORDS: tuple[str, ...] = (
    "thực hiện", "kế hoạch", "triển khai", "tổ chức", "công tác", "chung", "các", "và", "về", "của",
    "trong", "để", "cho", "trên", "địa bàn", "đối với", "này", "sau đây", "một số", "nội dung",
)  # fmt: skip

# How a 'when' question about a plan's own activity is worded beside the plan's title ('việc
# giám sát … năm 2025 tiến hành khi nào', 'đợt thi đua bắt đầu từ tháng mấy'): its time section
# answers it, no item of it (knowledge/sections.py); WHEN_PHRASES are such wording too.
PLAN_TIME_WORDS: tuple[str, ...] = (
    "việc", "đợt", "tiến hành", "kéo dài", "thực hiện", "triển khai", "diễn ra", "bắt đầu",
    "kết thúc", "tổ chức", "được", "sẽ", "từ", "đến", "thời gian", "thời hạn", "ở", "tại", "của",
    "trong", "năm", "tháng", "ngày", "quý", "mấy", "tỉnh", "xã", "phường",
)  # fmt: skip


@cache
def folded_abbreviations() -> dict[str, str]:
    """Folded abbreviation -> folded long form, for the lower-case rewrite."""
    return {fold(k): fold(v) for k, v in ABBREVIATIONS.items() if k not in _CASE_SENSITIVE}


@cache
def long_forms() -> dict[str, str]:
    """Folded abbreviation -> its long form with diacritics."""
    return {fold(k): v for k, v in ABBREVIATIONS.items()}


@cache
def folded_synonyms() -> dict[tuple[str, ...], str]:
    """Folded word sequence -> the form it is rewritten to (accented), longest first."""
    pairs = {tuple(fold(k).split()): v for k, v in SYNONYMS.items() if fold(k) != fold(v)}
    return dict(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


@cache
def folded_topics() -> dict[str, tuple[str, ...]]:
    return {fold(k): tuple(fold(w) for w in v) for k, v in TOPICS.items()}


@cache
def phrase_tokens() -> tuple[tuple[str, ...], ...]:
    """Question phrases as lower-case accented token tuples, longest first."""
    out = {tuple(p.lower().split()) for p in QUESTION_PHRASES}
    return tuple(sorted(out, key=len, reverse=True))


@cache
def frame_tokens() -> frozenset[str]:
    """Lower-case accented single tokens of the frame words (weighed down in matching)."""
    return frozenset(t for w in FRAME_WORDS for t in w.lower().split())


@cache
def folded_frame_tokens() -> frozenset[str]:
    return frozenset(fold(t) for t in frame_tokens())


@cache
def folded_list_words() -> frozenset[str]:
    """The folded single words of LIST_WORDS."""
    return frozenset(fold(t) for w in LIST_WORDS for t in w.split())


@cache
def folded_heading_generic_words() -> frozenset[str]:
    """The folded syllables of HEADING_GENERIC_WORDS."""
    return frozenset(fold(t) for w in HEADING_GENERIC_WORDS for t in w.split())


@cache
def folded_plan_time_words() -> frozenset[str]:
    """The folded syllables of PLAN_TIME_WORDS and WHEN_PHRASES."""
    return frozenset(fold(t) for w in (*PLAN_TIME_WORDS, *WHEN_PHRASES) for t in w.split())


# ---------------------------------------------------------------- direction of a target

# What a target measures decides its direction when the plan gives a bare figure
# ('Tỷ lệ trẻ em suy dinh dưỡng | % | 7,9'): these are kept low, the figure is a ceiling.
LOWER_IS_BETTER: tuple[str, ...] = (
    "suy dinh dưỡng",
    "thấp còi",
    "hộ nghèo",
    "hộ cận nghèo",
    "tỷ lệ nghèo",
    "người nghèo",
    "tăng dân số",
    "gia tăng dân số",
    "phát triển dân số tự nhiên",
    "tăng tự nhiên",
    "sinh con thứ 3",
    "sinh con thứ ba",
    "mất cân bằng giới tính",
    "tảo hôn",
    "tai nạn",
    "tội phạm",
    "vụ cháy",
    "cháy nổ",
    "vụ nổ",
    "ma túy",
    "nghiện",
    "tử vong",
    "đuối nước",
    "thất nghiệp",
    "bỏ học",
    "ô nhiễm",
    "đơn thư",
    "khiếu nại",
    "tố cáo",
    "vi phạm",
    "quá hạn",
    "trễ hạn",
    "tồn đọng",
    "nợ đọng",
    "nợ xấu",
    "lấn chiếm",
)

# Words that turn such an item into a count of what was cut or handled ('Giảm hộ nghèo 4 hộ',
# 'Tỷ lệ khám phá án tội phạm 75 %', 'Người nghèo được cấp thẻ BHYT 100 %'): higher is better.
REVERSING_WORDS: tuple[str, ...] = (
    "giảm",
    "thoát",
    "khám phá",
    "điều tra",
    "triệt phá",
    "xử lý",
    "phát hiện",
    "giải quyết",
    "phòng",
    "chống",
    "kiểm tra",
    "được",
    "hỗ trợ",
    "cấp thẻ",
    "tham gia",
    "bảo hiểm",
    "vay",
    "hoàn thành",
)

# Words before a figure that set its direction ('giảm xuống dưới 2 %' is a ceiling,
# 'đạt trên 95 %' a floor); the target's parsed comparator usually already says it.
LOWER_WORDS: tuple[str, ...] = (
    "dưới",
    "không quá",
    "tối đa",
    "không vượt quá",
    "không vượt",
    "không cao hơn",
    "thấp hơn",
    "giảm xuống",
    "giảm còn",
    "xuống còn",
    "xuống dưới",
    "còn dưới",
    "trở xuống",
)
HIGHER_WORDS: tuple[str, ...] = (
    "trên",
    "tối thiểu",
    "ít nhất",
    "không dưới",
    "không thấp hơn",
    "trở lên",
    "vượt",
    "tăng lên",
)

# The comparators of knowledge.numbers: '<' and '<=' are ceilings, the others floors.
_CEILINGS = ("<", "<=")
_FLOORS = (">", ">=", "range")


@cache
def _folded_phrases(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {fold(w)} " for w in words)


def _has(text: str, words: tuple[str, ...]) -> bool:
    hay = f" {fold(text)} "
    return any(w in hay for w in _folded_phrases(words))


def measures_lower_is_better(name: str | None) -> bool:
    """Whether what an item measures is kept low (malnutrition, poverty, accidents …)
    and its name does not make it a count of what was cut or handled."""
    if not name:
        return False
    if _has(name, LOWER_WORDS):  # 'Tỷ lệ hộ nghèo giảm xuống còn …'
        return _has(name, LOWER_IS_BETTER)
    return _has(name, LOWER_IS_BETTER) and not _has(name, REVERSING_WORDS)


def lower_is_better(name: str | None, comparator: str | None = None, target_text: str | None = None) -> bool:
    """The direction of a target: its comparator first ('dưới 7,6 %', 'không quá 3'),
    then the words written before the figure, else what the item measures."""
    if comparator in _CEILINGS:
        return True
    if comparator in _FLOORS:
        return False
    if target_text:
        if _has(target_text, LOWER_WORDS):
            return True
        if _has(target_text, HIGHER_WORDS):
            return False
    return measures_lower_is_better(name)
