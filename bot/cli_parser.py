"""argparse's own lines — usage, errors, the help option — in Vietnamese: a clerk
reads them as he reads the commands' results (`planbot users …`)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's own lines (usage, errors, the help option) in Vietnamese: a clerk reads them too
_ARGPARSE_WORDS = (
    (re.compile(r"^usage: ", re.MULTILINE), "cách dùng: "),
    (re.compile(r"^options:$", re.MULTILINE), "tùy chọn:"),
    (re.compile(r"^positional arguments:$", re.MULTILINE), "tham số:"),
    (re.compile(r"show this help message and exit"), "hiện hướng dẫn này rồi thoát"),
    (re.compile(r"^the following arguments are required: "), "thiếu tham số bắt buộc: "),
    (re.compile(r"^unrecognized arguments: "), "tham số không hiểu: "),
    (
        re.compile(r"^argument (\S+): invalid choice: (\S+) \(choose from (.*)\)$"),
        r"\1: không có lựa chọn \2 (chọn một trong \3)",
    ),
    (re.compile(r"^argument (\S+): invalid int value: (\S+)$"), r"\1: \2 không phải là một số nguyên"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1: thiếu giá trị"),
    (re.compile(r"^argument (\S+): "), r"\1: "),
)


def _vietnamese(text: str) -> str:
    for pattern, words in _ARGPARSE_WORDS:
        text = pattern.sub(words, text)
    return text


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors read in Vietnamese."""

    def format_usage(self) -> str:
        return _vietnamese(super().format_usage())

    def format_help(self) -> str:
        return _vietnamese(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {_vietnamese(message)}\n")
