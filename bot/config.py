"""Settings: every knob read from the environment or `.env` (documented in `.env.example`)."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from storage.database import normalize_database_url

DEFAULT_DATABASE_URL = "sqlite:///ringkas.db"


class Settings(BaseSettings):
    """Ringkas settings; built once in `main` and passed down."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = DEFAULT_DATABASE_URL
    # SQLite page cache per connection, in MB (0: SQLite's own 2 MB); see README, "Settings"
    sqlite_cache_mb: int = Field(default=0, ge=0, le=4096)
    webhook_url: str | None = None
    webhook_port: int = 8443
    webhook_listen: str = "0.0.0.0"  # a webhook must be reachable from outside
    webhook_secret: SecretStr | None = None
    merge_window_seconds: float = Field(default=1.5, ge=0)
    messages_per_minute: int = Field(default=20, ge=1)
    max_upload_bytes: int = Field(default=2_000_000, ge=1)
    summary_sentences: int = Field(default=3, ge=1, le=20)
    work_timeout_seconds: float = Field(default=30.0, gt=0)
    poll_interval_seconds: float = Field(default=0.0, ge=0)
    log_level: str = "WARNING"

    @field_validator("database_url")
    @classmethod
    def _normalize_database_url(cls, url: str) -> str:
        return normalize_database_url(url)

    @field_validator("telegram_bot_token", "webhook_secret", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


class MissingToken(RuntimeError):
    """The bot was started without TELEGRAM_BOT_TOKEN."""
