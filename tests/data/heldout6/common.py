"""The held-out set 6's paths; its generator and checker share the helpers of
../heldout_common.py with the other sets."""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
GOLD = os.path.join(HERE, "gold")

sys.path.insert(0, os.path.dirname(HERE))
from heldout_common import STATUS_WORDS, doc_text, ind, rep, task  # noqa: E402
from heldout_common import write_gold as _write_gold  # noqa: E402

__all__ = ["DOCS", "GOLD", "STATUS_WORDS", "doc_text", "ind", "rep", "task", "write_gold"]


def write_gold(stem, ext, plan, indicators, tasks, progress=None, duties=None):
    _write_gold(GOLD, stem, ext, plan, indicators, tasks, progress, duties)
