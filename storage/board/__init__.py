"""The public board: places with plans, each place's current indicators and tasks
with their standing, and one item's history — what `planbot web` shows.

Read-only. Every judgement reuses what the bot already says elsewhere: the
target in the plan's words (knowledge.answer_text.figure), met or not in the
target's own direction (storage.values.achievement: 'dưới 7,6%' is met below),
a task's deadlines and 'done' as the reminders read them. No resident data:
records name the officer by his party in the plan, as /lichsu does.

By what it shows: places (the index), place_board (one place), history (one item), viewer
(who opened the Mini App). Callers keep `from storage import board`: every name is re-exported."""

from __future__ import annotations

from storage.board.history import (
    HISTORY_LIMIT,
    ItemHistory,
    Point,
    item_history,
    parse_item_ref,
)
from storage.board.place_board import (
    AN_OFFICER,
    DONE,
    DUE_SOON,
    DUE_SOON_DAYS,
    IN_PROGRESS,
    MET,
    NO_DATA,
    NOT_MET,
    ON_TIME,
    OVERDUE,
    PERIOD_OVER,
    STATUS_LABELS,
    Board,
    IndicatorRow,
    Latest,
    PlanBoard,
    TaskRow,
    board,
    indicator_row,
    indicator_status,
    is_done,
    load_card,
    period_label,
    period_over,
    place_card,
    record_text,
    reporter,
    target_words,
    task_row,
    task_status,
)
from storage.board.places import (
    PAGE_SIZE,
    PlaceCard,
    PlaceDirectory,
    parse_place_slug,
    place_slug,
)
from storage.board.viewer import (
    Viewer,
    viewer,
)

__all__ = [
    "AN_OFFICER",
    "DONE",
    "DUE_SOON",
    "DUE_SOON_DAYS",
    "HISTORY_LIMIT",
    "IN_PROGRESS",
    "MET",
    "NOT_MET",
    "NO_DATA",
    "ON_TIME",
    "OVERDUE",
    "PAGE_SIZE",
    "PERIOD_OVER",
    "STATUS_LABELS",
    "Board",
    "IndicatorRow",
    "ItemHistory",
    "Latest",
    "PlaceCard",
    "PlaceDirectory",
    "PlanBoard",
    "Point",
    "TaskRow",
    "Viewer",
    "board",
    "indicator_row",
    "indicator_status",
    "is_done",
    "item_history",
    "load_card",
    "parse_item_ref",
    "parse_place_slug",
    "period_label",
    "period_over",
    "place_card",
    "place_slug",
    "record_text",
    "reporter",
    "target_words",
    "task_row",
    "task_status",
    "viewer",
]
