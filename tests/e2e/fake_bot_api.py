"""A compact fake Bot API over HTTP on 127.0.0.1: long polling, files, recorded sends, faults."""

from __future__ import annotations

import itertools
import json
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

from fake_telegram import JSON, TOKEN, BotApiState

_JSON_FIELDS = frozenset(
    {"reply_markup", "commands", "entities", "allowed_updates", "scope", "link_preview_options"}
)
_MAX_POLL_SECONDS = 30.0


class FakeBotApi:
    """The server: hand it updates with `inject`, read what the bot did from `state`."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.state = BotApiState()
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._arrived = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.server_address[1])

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and wake any long poll."""
        with self._arrived:
            self._arrived.notify_all()
        self._server.shutdown()
        self._server.server_close()

    def inject(self, *updates: JSON) -> None:
        """Queue updates for getUpdates (numbered here, in order)."""
        with self._arrived:
            for update in updates:
                self._updates.append({**update, "update_id": next(self._update_ids)})
            self._arrived.notify_all()

    def get_updates(self, params: JSON) -> JSON:
        """Confirm updates below `offset`, then wait up to `timeout` seconds for new ones."""
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), _MAX_POLL_SECONDS)
        limit = int(params.get("limit") or 100)
        with self._arrived:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout > 0:
                self._arrived.wait(timeout)
            return {"ok": True, "result": self._updates[:limit]}


def _handler_for(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(_BotApiHandler):
        fake: ClassVar[FakeBotApi] = api

    return Handler


class _BotApiHandler(BaseHTTPRequestHandler):
    fake: ClassVar[FakeBotApi]
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """File downloads (and methods called with GET)."""
        path = unquote(urlsplit(self.path).path)
        if path.startswith(f"/file/bot{self.fake.token}/"):
            content = self.fake.state.file_content(path)
            if content is None:
                self._send(HTTPStatus.NOT_FOUND, b"")
            else:
                self._send(HTTPStatus.OK, content, "application/octet-stream")
            return
        self._method(path, {})

    def do_POST(self) -> None:
        """Bot API methods."""
        self._method(unquote(urlsplit(self.path).path), self._params())

    def _method(self, path: str, params: JSON) -> None:
        prefix = f"/bot{self.fake.token}/"
        if not path.startswith(prefix):
            self._json(
                HTTPStatus.UNAUTHORIZED,
                {"ok": False, "error_code": 401, "description": "Unauthorized"},
            )
            return
        method = path[len(prefix) :]
        if method == "getUpdates":
            self._json(HTTPStatus.OK, self.fake.get_updates(params))
            return
        status, body = self.fake.state.handle(method, params)
        self._json(status, body)

    def _params(self) -> JSON:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        kind = self.headers.get("Content-Type", "")
        if kind.startswith("application/json"):
            decoded: JSON = json.loads(raw or b"{}")
            return decoded
        if kind.startswith("multipart/form-data"):
            return _multipart(kind, raw)
        fields = {key: values[-1] for key, values in parse_qs(raw.decode()).items()}
        return {key: _field(key, value) for key, value in fields.items()}

    def _json(self, status: int, body: JSON) -> None:
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, payload: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot stopped while a long poll was open: nothing to deliver

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the URLs hold the token."""


def _field(key: str, value: str) -> Any:
    return json.loads(value) if key in _JSON_FIELDS else value


def _multipart(kind: str, raw: bytes) -> JSON:
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {kind}\r\n\r\n".encode() + raw)
    params: JSON = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        params[name] = payload if part.get_filename() else _field(name, payload.decode())
    return params
