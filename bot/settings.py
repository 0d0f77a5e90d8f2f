"""Every environment variable pelibot reads, in one place (the table in README, "Running the bot").

``Settings.from_env()`` reads the process environment with pydantic-settings; tests pass a
mapping instead. Blank values count as unset. The commands take what they need from here and
hand it down as arguments (``data_prep`` never reads the environment).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_HEARTBEAT = Path(tempfile.gettempdir()) / "pelibot.heartbeat"
DEFAULT_DATA_DIR = Path("data")
TCP_PORT = "a TCP port (1-65535)"


class SettingsError(ValueError):
    """A variable holds something unusable; the message names it and says what it should be."""


class Settings(BaseSettings):
    """The environment variables, each under its own name (``alias``)."""

    model_config = SettingsConfigDict(
        case_sensitive=True,
        env_ignore_empty=True,
        extra="ignore",
        str_strip_whitespace=True,
        populate_by_name=False,
    )

    # -- the catalog ------------------------------------------------------------------------
    data_dir: Path = Field(DEFAULT_DATA_DIR, alias="PELIBOT_DATA_DIR")
    raw_csv: Path | None = Field(None, alias="PELIBOT_RAW_CSV")
    keywords_csv: Path | None = Field(None, alias="PELIBOT_KEYWORDS_CSV")
    # further raw files (e.g. the cast and crew table) go here, beside keywords_csv
    wait_for_catalog: float = Field(0.0, ge=0, alias="PELIBOT_WAIT_FOR_CATALOG")

    # -- Telegram ---------------------------------------------------------------------------
    token: str = Field("", alias="TELEGRAM_BOT_TOKEN", repr=False)
    base_url: str | None = Field(None, alias="TELEGRAM_BASE_URL")
    webhook_url: str | None = Field(None, alias="PELIBOT_WEBHOOK_URL")
    webhook_listen: str = Field("0.0.0.0", alias="PELIBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(8443, ge=1, le=65535, alias="PELIBOT_WEBHOOK_PORT")
    webhook_secret: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{1,256}$", alias="PELIBOT_WEBHOOK_SECRET", repr=False
    )
    render_external_url: str | None = Field(None, alias="RENDER_EXTERNAL_URL")
    heartbeat_file: Path = Field(DEFAULT_HEARTBEAT, alias="PELIBOT_HEARTBEAT_FILE")
    max_messages_per_second: float = Field(30.0, ge=0, alias="PELIBOT_MAX_MESSAGES_PER_SECOND")
    bootstrap_retries: int = Field(20, ge=-1, alias="PELIBOT_BOOTSTRAP_RETRIES")
    poll_timeout: float = Field(10.0, ge=0, alias="PELIBOT_POLL_TIMEOUT")

    # -- the web server ---------------------------------------------------------------------
    port: int | None = Field(None, ge=1, le=65535, alias="PORT")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings of ``env`` (default: this process's environment); ``SettingsError``
        naming the first unusable variable."""
        try:
            if env is None:
                return cls()  # type: ignore[call-arg]  # pydantic-settings fills them
            return cls.model_validate({k: v for k, v in env.items() if v.strip()})
        except ValidationError as error:
            raise SettingsError(_explain(error)) from None


def _explain(error: ValidationError) -> str:
    first = error.errors()[0]
    name, value, kind = str(first["loc"][0]), first.get("input"), first["type"]
    context: dict[str, Any] = first.get("ctx") or {}
    if name in ("PORT", "PELIBOT_WEBHOOK_PORT"):
        should = f"must be {TCP_PORT}"
    elif kind == "float_parsing":
        should = "must be a number"
    elif kind == "int_parsing":
        should = "must be a whole number"
    elif kind == "greater_than_equal":
        should = f"must be at least {context['ge']}"
    elif kind == "string_pattern_mismatch":
        should = "may only hold 1-256 letters, digits, '_' and '-'"
        value = "…"  # a secret is not repeated
    else:
        should = f"is not usable ({first['msg']})"
    return f"{name} {should}, not {value!r}."
