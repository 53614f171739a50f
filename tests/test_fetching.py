"""Fetching linked pages over real HTTP on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.fetching import fetch_page, is_link
from bot.news import ArticleTooLong, NotAnArticle

PAGE = """<!doctype html><html><head><title>t</title><script>var x = 1;</script></head>
<body><nav>Home</nav><h1>Jembatan Baru Dibuka</h1>
<p>Jembatan baru di Kali Code dibuka untuk pejalan kaki pada Senin pagi.</p>
<p>Wali kota mengatakan jembatan itu memangkas waktu tempuh warga hingga sepuluh menit.</p>
</body></html>"""

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
    "/plain": (200, "text/plain; charset=utf-8", b"Kalimat satu. Kalimat dua."),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/huge": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving a few pages."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_html_page_becomes_text_blocks(server_url: str) -> None:
    text = fetch_page(f"{server_url}/moved", max_bytes=100_000)
    assert "Jembatan Baru Dibuka" in text
    assert "var x" not in text
    assert "Jembatan baru di Kali Code dibuka untuk pejalan kaki pada Senin pagi." in text.split(
        "\n\n"
    )


def test_plain_text_is_kept(server_url: str) -> None:
    assert fetch_page(f"{server_url}/plain", max_bytes=100) == "Kalimat satu. Kalimat dua."


@pytest.mark.parametrize(
    ("path", "error"),
    [("/missing", NotAnArticle), ("/image", NotAnArticle), ("/huge", ArticleTooLong)],
)
def test_bad_links_get_a_reason(server_url: str, path: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        fetch_page(f"{server_url}{path}", max_bytes=1000)


def test_unreachable_host_is_a_friendly_error() -> None:
    with pytest.raises(NotAnArticle, match="could not download"):
        fetch_page("http://127.0.0.1:9/nothing", max_bytes=1000, timeout_seconds=2)


def test_is_link() -> None:
    assert is_link(" https://rmol.id/read/2022/01/12/berita ")
    assert not is_link("lihat https://rmol.id/read dan beri tahu saya")
    assert not is_link("Siapa presiden Kazakhstan?")
