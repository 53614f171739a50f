"""The composition root: settings → engine → desk → Telegram application with every handler."""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Final
from urllib.parse import urlsplit

import httpx
from telegram import BotCommand, Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.config import MissingToken, Settings
from bot.desk import DeskLimits, NewsDesk
from handlers import register_all
from handlers.context import DEPS_KEY, BotDeps, RingkasApp, RingkasContext
from handlers.texts import COMMANDS, Lang
from storage.database import open_store, session_factory

logger = logging.getLogger(__name__)

# Sent at most once by Telegram, so resending after a lost answer cannot do harm.
_SAFE_TO_RESEND_PREFIXES: Final = ("get", "set", "deleteWebhook", "sendChatAction", "logOut")
# The request never reached Telegram: resending anything is safe.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_RATE_LIMIT_RETRIES: Final = 3
_POLL_TIMEOUT_SECONDS: Final = 10


class RetryingRequest(BaseRequest):
    """Wraps a BaseRequest and retries 5xx answers and network failures with backoff.

    The trade-off: a 5xx means Telegram did not do the work, so every method is retried.
    A connection that failed before the request went out is retried for every method too.
    A connection dropped *after* sending (read error, read timeout) is retried only for
    methods that are harmless twice (getters, setters, sendChatAction): resending
    sendMessage then could show the reader the same reply twice, so it is left to fail
    and reach the error handler. 429s are not handled here: AIORateLimiter waits them out.
    """

    def __init__(
        self,
        inner: BaseRequest,
        *,
        attempts: int = 4,
        first_delay: float = 0.5,
        max_delay: float = 8.0,
    ) -> None:
        self._inner = inner
        self._attempts = attempts
        self._first_delay = first_delay
        self._max_delay = max_delay

    @property
    def read_timeout(self) -> float | None:
        """The wrapped request's read timeout."""
        return self._inner.read_timeout

    async def initialize(self) -> None:
        """Initialise the wrapped request."""
        await self._inner.initialize()

    async def shutdown(self) -> None:
        """Shut the wrapped request down."""
        await self._inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make the request, retrying what is safe; the URL (it holds the token) is never logged."""
        api_method = url.rstrip("/").rsplit("/", 1)[-1]
        delay = self._first_delay
        for attempt in range(1, self._attempts + 1):
            try:
                code, payload = await self._inner.do_request(
                    url=url,
                    method=method,
                    request_data=request_data,
                    read_timeout=read_timeout,
                    write_timeout=write_timeout,
                    connect_timeout=connect_timeout,
                    pool_timeout=pool_timeout,
                )
            except NetworkError as error:
                if attempt == self._attempts or not may_resend(api_method, error):
                    raise
                reason = type(error.__cause__ or error).__name__
            else:
                if code < 500 or attempt == self._attempts:
                    return code, payload
                reason = f"HTTP {code}"
            logger.warning(
                "Bot API %s failed (%s); retry %d of %d in %.1fs",
                api_method,
                reason,
                attempt,
                self._attempts - 1,
                delay,
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._max_delay)
        raise AssertionError("unreachable: the last attempt returns or raises")


def may_resend(api_method: str, error: NetworkError) -> bool:
    """Whether resending after this failure cannot make Telegram do the work twice."""
    return isinstance(error.__cause__, _NOT_SENT) or api_method.startswith(_SAFE_TO_RESEND_PREFIXES)


class TokenRedactingFilter(logging.Filter):
    """Replace the bot token in every log record (messages, arguments and tracebacks)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; never drop it."""
        message = record.getMessage()
        if self._token in message:
            record.msg, record.args = message.replace(self._token, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._token in record.exc_text:
            record.exc_text = record.exc_text.replace(self._token, "<token>")
        return True


def build_application(
    settings: Settings,
    *,
    desk: NewsDesk | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> RingkasApp:
    """Wire the settings, the store, the desk and every handler into one application."""
    if settings.telegram_bot_token is None:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set")
    engine = None
    if desk is None:
        engine = open_store(settings.database_url, sqlite_cache_mb=settings.sqlite_cache_mb)
        limits = DeskLimits(
            max_upload_bytes=settings.max_upload_bytes,
            default_sentences=settings.summary_sentences,
        )
        desk = NewsDesk(session_factory=session_factory(engine), limits=limits)
    app = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(context=RingkasContext))
        .request(request or RetryingRequest(HTTPXRequest(connection_pool_size=64)))
        .get_updates_request(get_updates_request or HTTPXRequest(connection_pool_size=2))
        .rate_limiter(AIORateLimiter(max_retries=_RATE_LIMIT_RETRIES))
        .concurrent_updates(True)
        .job_queue(None)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data[DEPS_KEY] = BotDeps(settings=settings, desk=desk, engine=engine)
    register_all(app)
    return app


async def _post_init(app: RingkasApp) -> None:
    """Load the search vocabulary and tell Telegram the command list (English and Indonesian)."""
    deps = app.bot_data[DEPS_KEY]
    if isinstance(deps, BotDeps):
        await asyncio.to_thread(deps.desk.warm_up)
    languages: tuple[tuple[str | None, Lang], ...] = ((None, "en"), ("id", "id"))
    for language_code, lang in languages:
        commands = [BotCommand(name, description) for name, description in COMMANDS[lang]]
        await app.bot.set_my_commands(commands, language_code=language_code)


async def _post_shutdown(app: RingkasApp) -> None:
    """Close the database engine the application created."""
    deps = app.bot_data.get(DEPS_KEY)
    if isinstance(deps, BotDeps) and deps.engine is not None:
        deps.engine.dispose()


def run_bot(settings: Settings) -> None:
    """Serve Telegram: long polling, or a webhook when WEBHOOK_URL is set (blocks until stopped)."""
    if settings.telegram_bot_token is None:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set")
    protect_token_in_logs(settings.telegram_bot_token.get_secret_value())
    app = build_application(settings)
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        logger.info("Serving a webhook on %s:%d", settings.webhook_listen, settings.webhook_port)
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret or secrets.token_urlsafe(32),
            allowed_updates=Update.ALL_TYPES,
        )
        return
    logger.info("Polling Telegram for updates")
    app.run_polling(
        poll_interval=settings.poll_interval_seconds,
        timeout=_POLL_TIMEOUT_SECONDS,
        allowed_updates=Update.ALL_TYPES,
    )


def protect_token_in_logs(token: str) -> None:
    """Quieten httpx (it logs URLs, token included, at INFO) and redact the token everywhere."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    redactor = TokenRedactingFilter(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
