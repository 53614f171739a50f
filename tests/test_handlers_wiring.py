"""The composition root's pieces: retries, token redaction, a missing token."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from fake_telegram import TOKEN, BotApiState, RecordingRequest, make_settings
from pydantic import SecretStr
from telegram.error import NetworkError
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.app import RetryingRequest, TokenRedactingFilter, build_application, may_resend
from bot.config import MissingToken, Settings
from handlers.context import DEPS_KEY

URL = f"https://api.telegram.org/bot{TOKEN}/sendMessage"


class FlakyRequest(RecordingRequest):
    """Fails the first calls with a given network error, then answers normally."""

    def __init__(self, failures: list[BaseException]) -> None:
        super().__init__(BotApiState())
        self.failures = failures
        self.attempts = 0

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        return await super().do_request(url, method, *args, **kwargs)


def send_data() -> RequestData:
    """sendMessage parameters."""
    return RequestData([RequestParameter("chat_id", 7, None), RequestParameter("text", "hi", None)])


def network_error(cause: BaseException) -> NetworkError:
    try:
        raise NetworkError(f"httpx.{type(cause).__name__}") from cause
    except NetworkError as error:
        return error


async def test_5xx_is_retried_until_it_succeeds(caplog: pytest.LogCaptureFixture) -> None:
    inner = RecordingRequest()
    inner.state.fail_next("sendMessage", 502, count=2)
    retrying = RetryingRequest(inner, first_delay=0.01)
    with caplog.at_level(logging.WARNING):
        status, _ = await retrying.do_request(URL, "POST", send_data())
    assert status == 200
    assert len(inner.state.calls_of("sendMessage")) == 3
    assert len(inner.state.sent) == 1
    assert all(TOKEN not in record.getMessage() for record in caplog.records)
    assert "sendMessage failed (HTTP 502)" in caplog.text


async def test_5xx_gives_up_after_the_last_attempt() -> None:
    inner = RecordingRequest()
    inner.state.fail_next("getMe", 503, count=10)
    retrying = RetryingRequest(inner, attempts=3, first_delay=0.01)
    status, _ = await retrying.do_request(URL.replace("sendMessage", "getMe"), "POST")
    assert status == 503
    assert len(inner.state.calls_of("getMe")) == 3


async def test_connection_refused_is_retried_for_sends() -> None:
    flaky = FlakyRequest([network_error(httpx.ConnectError("refused"))])
    retrying = RetryingRequest(flaky, first_delay=0.01)
    await retrying.do_request(URL.replace("sendMessage", "getMe"), "POST")
    assert flaky.attempts == 2


async def test_dropped_after_send_is_not_resent() -> None:
    flaky = FlakyRequest([network_error(httpx.ReadError("reset"))])
    retrying = RetryingRequest(flaky, first_delay=0.01)
    with pytest.raises(NetworkError):
        await retrying.do_request(URL, "POST")
    assert flaky.attempts == 1


def test_what_may_be_resent() -> None:
    assert may_resend("getUpdates", network_error(httpx.ReadError("x")))
    assert may_resend("sendMessage", network_error(httpx.ConnectTimeout("x")))
    assert not may_resend("sendMessage", network_error(httpx.RemoteProtocolError("x")))


def test_token_is_redacted_in_messages_and_tracebacks() -> None:
    redactor = TokenRedactingFilter(TOKEN)
    try:
        raise RuntimeError(f"failed https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError as error:
        record = logging.LogRecord(
            "x",
            logging.ERROR,
            __file__,
            1,
            "url %s",
            (URL,),
            (type(error), error, error.__traceback__),
        )
    assert redactor.filter(record)
    assert TOKEN not in record.getMessage()
    assert record.exc_text is not None
    assert TOKEN not in record.exc_text


def test_missing_token_fails_fast(sqlite_url: str) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=sqlite_url,
        telegram_bot_token=None,
    )
    with pytest.raises(MissingToken):
        build_application(settings)


async def test_engine_is_created_and_disposed(sqlite_url: str) -> None:
    request = RecordingRequest()
    app = build_application(make_settings(sqlite_url), request=request, get_updates_request=request)
    async with app:
        assert app.bot.username == "ringkas_test_bot"
    assert app.post_shutdown is not None
    await app.post_shutdown(app)


def test_sqlite_cache_setting_reaches_the_bots_connections(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SQLITE_CACHE_MB", "32")
    settings = Settings(  # read from the environment, as `ringkas run` does
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite:///{tmp_path / 'cache.db'}",
        telegram_bot_token=SecretStr("123:TEST"),
    )
    assert settings.sqlite_cache_mb == 32
    app = build_application(settings)
    engine = app.bot_data[DEPS_KEY].engine
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -32 * 1024
    finally:
        engine.dispose()


def test_a_negative_sqlite_cache_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SQLITE_CACHE_MB", "-5")
    with pytest.raises(ValueError, match="sqlite_cache_mb"):
        Settings(_env_file=None)  # type: ignore[call-arg]
