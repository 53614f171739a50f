"""Fetch a news page a reader linked to (httpx: timeouts, redirects, connect retries)."""

from __future__ import annotations

import logging
import re

import httpx

from bot.news import ArticleTooLong, NotAnArticle
from bot.text.html import html_to_text

logger = logging.getLogger(__name__)

_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_TEXT_TYPES = ("text/html", "text/plain", "application/xhtml+xml", "text/markdown")
USER_AGENT = "RingkasBot/0.1 (+https://github.com/ringkas/ringkas)"


def is_link(text: str) -> bool:
    """Tell whether a message is nothing but one http(s) link."""
    return bool(_URL.match(text.strip()))


def fetch_page(url: str, *, max_bytes: int, timeout_seconds: float = 15.0) -> str:
    """Download a page and return its text, or raise NotAnArticle with a reader-facing reason."""
    transport = httpx.HTTPTransport(retries=2)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"}
    try:
        with (
            httpx.Client(
                transport=transport, timeout=timeout_seconds, follow_redirects=True, headers=headers
            ) as client,
            client.stream("GET", url.strip()) as response,
        ):
            _check_response(response)
            body = _read_limited(response, max_bytes)
            encoding = response.encoding or "utf-8"
    except httpx.HTTPError as error:
        logger.info("fetching %s failed: %s", url, error)
        raise NotAnArticle("I could not download that link.", reason="link_failed") from error
    text = body.decode(encoding, errors="replace")
    content_type = response.headers.get("content-type", "")
    return html_to_text(text) if "html" in content_type or text.lstrip()[:1] == "<" else text


def _check_response(response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise NotAnArticle(
            f"That link answered with an error ({response.status_code}).", reason="link_error"
        )
    content_type = response.headers.get("content-type", "text/html").split(";")[0].strip()
    if content_type and content_type.lower() not in _TEXT_TYPES:
        raise NotAnArticle("That link is not a web page I can read.", reason="link_not_page")


def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ArticleTooLong("That page is too large for me (over 2 MB).")
        chunks.append(chunk)
    return b"".join(chunks)
