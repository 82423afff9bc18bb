"""A stand-in Telegram Bot API server for end-to-end tests (aiohttp, 127.0.0.1).

Point a bot at it with `ApplicationBuilder().base_url(fake.base_url)` (or
TELEGRAM_API_BASE_URL=fake.url for `planbot run`). Any token is accepted.

In-process use (pytest-asyncio):

    async with FakeBotApi() as fake:
        fake.push_message(user_id=42, text="/start")
        msg = await fake.wait_for_message(chat_id=42)
        data = fake.find_button(chat_id=42, label="Xác nhận")
        fake.push_callback(user_id=42, data=data)

Fault injection: `fake.fail("sendMessage", status=429, retry_after=1, times=1)`
or `status=500`; `fake.fail("*", ...)` for every method. Latency:
`fake.slow("sendMessage", 0.2)` answers each call after 0.2 s (recorded on arrival).
A timeout: `fake.stall("sendMessage", 6.0, times=2)` answers the next two calls
after 6 s — past the client's 5 s read timeout, so the bot gets no answer, yet the
message is delivered (recorded as sent on arrival), as Telegram may do.

Standalone (another process can drive it over HTTP):

    python -m tests.fakes.bot_api --port 8081

Control endpoints (JSON): POST /_control/message {user_id, text, chat_id?},
POST /_control/callback {user_id, data, message_id?}, GET /_control/requests,
POST /_control/fail {method, status, retry_after?, times?, chat_id?, echo_path?},
POST /_control/stall {method, seconds, times?}, GET /_control/state.

HTML (parse_mode HTML in sendMessage, editMessageText) is checked as Telegram
does: a cut tag or entity, an unknown tag, tags out of order or a text over
4096 characters gets 400 "can't parse entities" (`html_error`).

Implemented methods: getMe, deleteWebhook, setWebhook, getWebhookInfo,
getUpdates (long poll; offset acknowledges as on Telegram), sendMessage,
editMessageText, editMessageReplyMarkup, answerCallbackQuery, sendDocument,
sendPhoto, setMyCommands, deleteMyCommands, setChatMenuButton, sendChatAction, close, logOut."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000000001
BOT_USERNAME = "planbot_test_bot"
# Parameters Telegram expects as JSON-serialised strings in form data.
JSON_PARAMS = {
    "reply_markup",
    "menu_button",
    "entities",
    "caption_entities",
    "allowed_updates",
    "commands",
    "scope",
    "link_preview_options",
    "reply_parameters",
}
# What Telegram says with each error status.
FAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    502: "Bad Gateway",
}
INT_PARAMS = {"offset", "limit", "timeout", "message_id", "cache_time", "reply_to_message_id"}


# Telegram's HTML: these tags, and every '&' starting one of these entities.
HTML_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "a", "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|lt|gt|amp|quot);")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)[^<>]*>")
MAX_TEXT = 4096  # UTF-16 code units, after parsing


def html_error(text: str) -> str | None:
    """Why Telegram would refuse `text` with parse_mode HTML (None: it would not):
    a tag cut or unknown, tags not closed in order, a '&' that starts no
    entity, or more than 4096 characters once parsed."""
    stack: list[str] = []
    visible = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "<":
            m = _TAG.match(text, i)
            if m is None:
                return f"unclosed or malformed tag at byte offset {i}"
            name = m.group(2).lower()
            if m.group(1):
                if not stack or stack[-1] != name:
                    return f"can't find end tag corresponding to start tag {stack[-1] if stack else name}"
                stack.pop()
            elif name not in HTML_TAGS:
                return f"unsupported start tag {name!r} at byte offset {i}"
            else:
                stack.append(name)
            i = m.end()
            continue
        if c == "&":
            m = _ENTITY.match(text, i)
            if m is None:
                return f"character entity expected at byte offset {i}"
            i = m.end()
            visible += 1
            continue
        if c == ">":
            return f"unexpected '>' at byte offset {i}"
        visible += 2 if ord(c) > 0xFFFF else 1
        i += 1
    if stack:
        return f"can't find end tag corresponding to start tag {stack[-1]}"
    if visible > MAX_TEXT:
        return "message is too long"
    return None


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


@dataclass
class Fault:
    method: str  # a method name or '*'
    status: int
    retry_after: int | None
    times: int
    chat_id: int | None = None  # only calls to this chat (None: any)
    echo_path: bool = False  # an HTML error page quoting the path, as some proxies send


@dataclass
class Stall:
    method: str  # a method name or '*'
    seconds: float
    times: int


class FakeBotApi:
    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, chat_interval: float = 0.0, first_update_id: int = 1
    ) -> None:
        """`chat_interval`: Telegram's per-chat flood limit — a send to a chat less than
        this many seconds after the previous one answers 429 with retry_after.
        `first_update_id`: above the ids a database already holds (a bot restarted
        against a new stand-in)."""
        self.host, self.port = host, port
        self.chat_interval = chat_interval
        self._chat_last: dict[int, float] = {}
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []  # not yet acknowledged
        self.acknowledged_below = 0  # every update_id < this was confirmed by an offset
        self.webhook: dict[str, Any] | None = None
        self.faults: list[Fault] = []
        self.delays: dict[str, float] = {}  # method -> seconds before answering
        self.stalls: list[Stall] = []
        self._update_ids = itertools.count(first_update_id)
        self.last_update_id = first_update_id - 1  # of the updates queued so far
        self._message_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # (chat_id, message_id) -> message
        self.sent_messages: dict[tuple[int, int], dict[str, Any]] = {}  # what the users sent, for edits

    # --- life cycle ---------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.url + "/bot"

    async def start(self) -> FakeBotApi:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_post("/_control/message", self._ctl_message)
        app.router.add_post("/_control/callback", self._ctl_callback)
        app.router.add_post("/_control/fail", self._ctl_fail)
        app.router.add_post("/_control/stall", self._ctl_stall)
        app.router.add_get("/_control/requests", self._ctl_requests)
        app.router.add_get("/_control/state", self._ctl_state)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        sockets = site._server.sockets if site._server else []  # type: ignore[union-attr]
        if sockets:
            self.port = sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- what tests push ----------------------------------------------------

    def _user(self, user_id: int, first_name: str | None = None) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}"}

    def push_message(
        self, user_id: int, text: str, chat_id: int | None = None, first_name: str | None = None
    ) -> int:
        """Queue a text message (a command gets its bot_command entity). Returns the update_id."""
        chat_id = user_id if chat_id is None else chat_id
        chat: dict[str, Any] = {"id": chat_id, "type": _chat_type(chat_id)}
        if chat_id > 0:
            chat["first_name"] = first_name or f"User{user_id}"
        else:
            chat["title"] = "Nhóm"
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self._user(user_id, first_name),
            "text": text,
        }
        entities = []
        command_end = 0
        if text.startswith("/"):
            command_end = len(text.split()[0]) if text.split() else 1
            entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(text[:command_end])})
        for at in re.finditer(r"@\w{3,}", text):  # '@planbot_test' as Telegram marks it
            if at.start() >= command_end:
                offset = _utf16_len(text[: at.start()])
                entities.append({"type": "mention", "offset": offset, "length": _utf16_len(at.group())})
        if entities:
            message["entities"] = entities
        self.sent_messages[(chat_id, message["message_id"])] = message
        return self._push({"message": message})

    def push_edit(self, user_id: int, message_id: int, text: str, chat_id: int | None = None) -> int:
        """Queue an edited_message: the user corrected an earlier message of his."""
        chat_id = user_id if chat_id is None else chat_id
        original = self.sent_messages.get((chat_id, message_id))
        assert original is not None, "edit a message pushed earlier"
        edited = {**original, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        return self._push({"edited_message": edited})

    def push_media(self, user_id: int, kind: str, chat_id: int | None = None) -> int:
        """Queue a message without text: kind = photo | voice | sticker."""
        chat_id = user_id if chat_id is None else chat_id
        media: dict[str, Any] = {
            "photo": {"photo": [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}]},
            "voice": {"voice": {"file_id": "v1", "file_unique_id": "uv1", "duration": 3}},
            "sticker": {
                "sticker": {
                    "file_id": "s1",
                    "file_unique_id": "us1",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                }
            },
        }[kind]
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": _chat_type(chat_id), "first_name": f"User{user_id}"},
            "from": self._user(user_id),
            **media,
        }
        return self._push({"message": message})

    def push_callback(
        self, user_id: int, data: str, message_id: int | None = None, chat_id: int | None = None
    ) -> int:
        """Queue a button press. The message is the bot's message holding the button
        when known (the last message sent to the chat otherwise); `chat_id` for a
        button on a message in a group."""
        chat_id = user_id if chat_id is None else chat_id
        msg = self.messages.get((chat_id, message_id)) if message_id else None
        if msg is None:
            msg = self.last_message(chat_id) or {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": _chat_type(chat_id)},
                "text": "?",
            }
        query = {
            "id": str(next(self._callback_ids)),
            "from": self._user(user_id),
            "message": msg,
            "chat_instance": f"ci{user_id}",
            "data": data,
        }
        return self._push({"callback_query": query})

    def _push(self, body: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self.last_update_id = update_id
        self.updates.append({"update_id": update_id, **body})
        self._new_update.set()
        return update_id

    def fail(
        self,
        method: str,
        status: int = 500,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
        echo_path: bool = False,
    ) -> None:
        """The next `times` calls of `method` ('*': any) answer with `status`
        (429 carries parameters.retry_after); with `chat_id`, only calls to that
        chat. `echo_path`: instead of Telegram's JSON, an HTML page that quotes the
        request path — token included — as a reverse proxy's error page does."""
        self.faults.append(Fault(method, status, retry_after, times, chat_id, echo_path))

    def slow(self, method: str, seconds: float) -> None:
        """Answer every call of `method` after `seconds` (a real server's latency
        keeps requests in flight long enough for races to show)."""
        self.delays[method] = seconds

    def stall(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` ('*': any) are carried out but answered
        only after `seconds`: beyond the client's timeout, the caller cannot know the
        message was delivered (it was: the call counts as sent)."""
        self.stalls.append(Stall(method, seconds, times))

    def _stall_for(self, method: str) -> float:
        for s in self.stalls:
            if s.times > 0 and s.method in (method, "*"):
                s.times -= 1
                return s.seconds
        return self.delays.get(method, 0.0)

    # --- what tests read ----------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[Call]:
        methods = (method,) if method else ("sendMessage", "sendDocument", "sendPhoto")
        return [
            c
            for c in self.calls
            if c.method in methods
            and c.status == 200
            and (chat_id is None or _int(c.params.get("chat_id")) == chat_id)
        ]

    def texts(self, chat_id: int) -> list[str]:
        out = []
        for c in self.calls:
            if c.status != 200 or _int(c.params.get("chat_id")) != chat_id:
                continue
            if c.method in ("sendMessage", "editMessageText"):
                out.append(str(c.params.get("text", "")))
        return out

    def last_message(self, chat_id: int) -> dict[str, Any] | None:
        mine = [m for (cid, _), m in self.messages.items() if cid == chat_id]
        return mine[-1] if mine else None

    def buttons(self, chat_id: int) -> list[tuple[str, str, int]]:
        """(label, callback_data, message_id) of every inline button sent to the chat, newest last."""
        out = []
        for (cid, mid), msg in self.messages.items():
            if cid != chat_id:
                continue
            for row in (msg.get("reply_markup") or {}).get("inline_keyboard", []):
                for b in row:
                    if "callback_data" in b:
                        out.append((b["text"], b["callback_data"], mid))
        return out

    def find_button(self, chat_id: int, label: str) -> tuple[str, int] | None:
        """(callback_data, message_id) of the first button whose label contains
        `label`, in the newest message that has one."""
        found: tuple[str, int] | None = None
        newest = -1
        for text, data, mid in self.buttons(chat_id):
            if label.lower() in text.lower() and mid > newest:
                found, newest = (data, mid), mid
        return found

    async def wait_for(self, predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        """Wait until predicate() is true (re-checked after every request)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("condition not met in time")
            self._new_call.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_call.wait(), min(remaining, 0.2))

    async def wait_for_text(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[str]:
        await self.wait_for(lambda: len(self.texts(chat_id)) >= count, timeout)
        return self.texts(chat_id)

    # --- the API ------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST":
            ctype = request.content_type
            if ctype == "application/json":
                with contextlib.suppress(ValueError):
                    params.update(await request.json())
            else:
                form = await request.post()
                for k, v in form.items():
                    if hasattr(v, "file"):  # an uploaded file
                        params[k] = {"filename": v.filename, "size": len(v.file.read())}
                    else:
                        params[k] = v
        for k in list(params):
            v = params[k]
            if isinstance(v, str) and k in JSON_PARAMS:
                with contextlib.suppress(ValueError):
                    params[k] = json.loads(v)
            elif isinstance(v, str) and (k in INT_PARAMS or k == "chat_id"):
                with contextlib.suppress(ValueError):
                    params[k] = int(v)
        return params

    def _fault_for(self, method: str, params: dict[str, Any]) -> Fault | None:
        chat = _int(params.get("chat_id"))
        for f in self.faults:
            if f.times > 0 and f.method in (method, "*") and f.chat_id in (None, chat):
                f.times -= 1
                return f
        return self._flood_fault(method, chat)

    def _flood_fault(self, method: str, chat: int | None) -> Fault | None:
        """The per-chat limit (`chat_interval`), as Telegram answers it: 429 + retry_after."""
        if not self.chat_interval or chat is None or not method.startswith("send"):
            return None
        now = time.monotonic()
        wait = self._chat_last.get(chat, -1e9) + self.chat_interval - now
        if wait > 0:
            return Fault(method, 429, max(1, int(wait + 0.999)), 1, chat)
        self._chat_last[chat] = now
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params)
        fault = self._fault_for(method, params)
        if fault is not None:
            call.status = fault.status
            self._record(call)
            if fault.echo_path:
                page = (
                    f"<html><head><title>{fault.status}</title></head><body><h1>{fault.status}</h1>"
                    f"<p>The upstream server failed to answer {request.method} {request.path}</p></body></html>"
                )
                return web.Response(status=fault.status, text=page, content_type="text/html")
            body: dict[str, Any] = {"ok": False, "error_code": fault.status}
            if fault.status == 429:
                body["description"] = f"Too Many Requests: retry after {fault.retry_after or 1}"
                body["parameters"] = {"retry_after": fault.retry_after or 1}
            else:
                body["description"] = FAULT_DESCRIPTIONS.get(fault.status, "Internal Server Error")
            return web.json_response(body, status=fault.status)
        if method in ("sendMessage", "editMessageText") and params.get("parse_mode") == "HTML":
            error = html_error(str(params.get("text", "")))
            if error is not None:  # Telegram refuses the whole message
                call.status = 400
                self._record(call)
                body = {
                    "ok": False,
                    "error_code": 400,
                    "description": f"Bad Request: can't parse entities: {error}",
                }
                return web.json_response(body, status=400)
        handler = getattr(self, "_m_" + method, None)
        if handler is None:
            call.status = 404
            self._record(call)
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        if method == "getUpdates":
            result = await handler(params)
            self._record(call)
        else:
            self._record(call)
            if delay := self._stall_for(method):
                await asyncio.sleep(delay)
            result = await handler(params)
        if isinstance(result, web.Response):
            return result
        return web.json_response({"ok": True, "result": result})

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._new_call.set()

    async def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Planbot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    async def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook = p
        return True

    async def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(p.get("offset") or 0)
        limit = int(p.get("limit") or 100)
        timeout = float(p.get("timeout") or 0)
        if offset:
            self.acknowledged_below = max(self.acknowledged_below, offset)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self.updates and time.monotonic() < deadline:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
        return self.updates[:limit]

    def _message(self, chat_id: Any, p: dict[str, Any], **extra: Any) -> dict[str, Any]:
        cid = _int(chat_id) or 0
        msg: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": cid, "type": _chat_type(cid)},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Planbot", "username": BOT_USERNAME},
            **extra,
        }
        if p.get("reply_markup"):
            msg["reply_markup"] = p["reply_markup"]
        self.messages[(cid, msg["message_id"])] = msg
        return msg

    async def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._message(p.get("chat_id"), p, text=str(p.get("text", "")))

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        key = (_int(p.get("chat_id")) or 0, _int(p.get("message_id")) or 0)
        msg = self.messages.get(key)
        if msg is None:
            return True
        msg["text"] = str(p.get("text", ""))
        if "reply_markup" in p:
            msg["reply_markup"] = p["reply_markup"]
        else:
            msg.pop("reply_markup", None)
        return msg

    async def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        key = (_int(p.get("chat_id")) or 0, _int(p.get("message_id")) or 0)
        msg = self.messages.get(key)
        if msg is None:
            return True
        if p.get("reply_markup"):
            msg["reply_markup"] = p["reply_markup"]
        else:
            msg.pop("reply_markup", None)
        return msg

    async def _m_answerCallbackQuery(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        doc = p.get("document")
        name = doc.get("filename") if isinstance(doc, dict) else "file"
        return self._message(
            p.get("chat_id"),
            p,
            document={"file_id": f"doc{time.monotonic_ns()}", "file_unique_id": "u", "file_name": name},
            caption=p.get("caption"),
        )

    async def _m_sendPhoto(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._message(
            p.get("chat_id"),
            p,
            photo=[{"file_id": f"ph{time.monotonic_ns()}", "file_unique_id": "u", "width": 1, "height": 1}],
            caption=p.get("caption"),
        )

    async def _m_sendChatAction(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_setMyCommands(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_setChatMenuButton(self, p: dict[str, Any]) -> bool:
        return True  # the call and its menu_button stay in `calls` for the tests

    async def _m_deleteMyCommands(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_close(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_logOut(self, p: dict[str, Any]) -> bool:
        return True

    # --- control endpoints (standalone use) ---------------------------------

    async def _ctl_message(self, request: web.Request) -> web.Response:
        b = await request.json()
        uid = self.push_message(int(b["user_id"]), str(b["text"]), b.get("chat_id"))
        return web.json_response({"update_id": uid})

    async def _ctl_callback(self, request: web.Request) -> web.Response:
        b = await request.json()
        uid = self.push_callback(int(b["user_id"]), str(b["data"]), b.get("message_id"))
        return web.json_response({"update_id": uid})

    async def _ctl_fail(self, request: web.Request) -> web.Response:
        b = await request.json()
        self.fail(
            str(b.get("method", "*")),
            int(b.get("status", 500)),
            b.get("retry_after"),
            int(b.get("times", 1)),
            b.get("chat_id"),
            bool(b.get("echo_path", False)),
        )
        return web.json_response({"ok": True})

    async def _ctl_stall(self, request: web.Request) -> web.Response:
        b = await request.json()
        self.stall(str(b.get("method", "*")), float(b["seconds"]), int(b.get("times", 1)))
        return web.json_response({"ok": True})

    async def _ctl_requests(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {"method": c.method, "params": c.params, "status": c.status}
                for c in self.calls
                if c.method != "getUpdates"
            ]
        )

    async def _ctl_state(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "pending_updates": len(self.updates),
                "acknowledged_below": self.acknowledged_below,
                "calls": len(self.calls),
            }
        )


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def _serve(port: int) -> None:
    fake = FakeBotApi(port=port)
    await fake.start()
    print(f"fake Bot API on {fake.url} (base_url {fake.base_url})", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="stand-in Telegram Bot API server for tests")
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port))


if __name__ == "__main__":
    main()


def _chat_type(chat_id: int) -> str:
    """As on Telegram: users' chats are positive, supergroups -100…, basic groups other negatives."""
    if chat_id > 0:
        return "private"
    return "supergroup" if chat_id <= -1_000_000_000_000 else "group"
