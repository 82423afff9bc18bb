"""A long HTML reply is split into messages Telegram accepts: never inside a tag
or an entity, and a tag open at a cut is closed and reopened. Before,
`split_message` cut '&amp;' in two and Telegram refused the part."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.common import split_message
from tests.fakes.bot_api import html_error
from tests.fakes.harness import BotHarness

TAG = re.compile(r"<[^<>]*>")


def visible(text: str) -> str:
    """What the reader sees, without the whitespace a cut may drop."""
    return re.sub(r"\s", "", html.unescape(TAG.sub("", text)))


words = st.sampled_from(
    ["xã", "Đông", "Thọ", "95%", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "1.200", "tấn"]
)
plain = st.lists(words, min_size=1, max_size=12).map(" ".join)
link = plain.map(lambda t: f'<a href="https://x.vn/?a=1&amp;b=2">{t}</a>')
nested = plain.map(lambda t: f"<b>{t} <i>{t}</i></b>")
chunk = st.one_of(
    plain, plain.map(lambda t: f"<b>{t}</b>"), link, nested, plain.map(lambda t: f"<code>{t}</code>")
)
documents = st.lists(st.tuples(chunk, st.sampled_from([" ", "\n", ""])), min_size=1, max_size=40).map(
    lambda pairs: "".join(c + sep for c, sep in pairs)
)


@settings(max_examples=300, deadline=None)
@given(documents, st.integers(min_value=60, max_value=400))
def test_every_part_is_valid_html_within_the_limit(text: str, limit: int) -> None:
    parts = split_message(text, limit)
    for part in parts:
        assert len(part) <= limit, part
        assert html_error(part) is None, (html_error(part), part)
    assert visible("".join(parts)) == visible(text)


def test_a_cut_inside_one_long_bold_line_closes_and_reopens_the_tag() -> None:
    text = "<b>" + "&amp;" * 2000 + "</b>"
    parts = split_message(text)
    assert len(parts) == 3
    assert all(p.startswith("<b>") and p.endswith("</b>") and html_error(p) is None for p in parts)
    assert visible("".join(parts)) == visible(text)


async def test_a_long_reply_full_of_entities_reaches_the_user(engine) -> None:
    """End to end: the reply quoting a long query (each '&' escaped to '&amp;') is
    sent in several messages, and the stand-in Bot API, checking HTML as
    Telegram does, accepts every one."""
    query = "&<>" * 1300  # 3,900 characters, under Telegram's 4,096
    async with BotHarness(engine) as h:
        replies = await h.say(5005, f"/chitieu {query}", count=5)  # 16,945 characters once escaped
        refused = [c for c in h.fake.calls if c.status == 400]
        assert h.crashed is None
    assert refused == []
    assert len(replies) == 5
    assert "Không tìm thấy" in replies[0]
    assert query in html.unescape(TAG.sub("", "".join(replies)))
