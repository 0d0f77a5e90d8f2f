"""Every environment variable is read in one place (``bot.settings``) and documented once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import DEFAULT_HEARTBEAT, Settings, SettingsError

ROOT = Path(__file__).resolve().parent.parent
READ_ENV = re.compile(r"os\.environ(?!\.setdefault)|getenv\(")


def variables() -> set[str]:
    return {field.alias for field in Settings.model_fields.values() if field.alias}


def test_no_module_but_the_settings_reads_the_environment() -> None:
    readers = [
        path.relative_to(ROOT).as_posix()
        for folder in ("bot", "handlers", "data_prep")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if READ_ENV.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_every_variable_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        name
        for line in readme.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    }
    assert variables() <= rows, sorted(variables() - rows)


def test_defaults_and_blank_values() -> None:
    settings = Settings.from_env({"PELIBOT_DATA_DIR": "  ", "PELIBOT_POLL_TIMEOUT": ""})
    assert settings.data_dir == Path("data")
    assert settings.poll_timeout == 10.0
    assert settings.heartbeat_file == DEFAULT_HEARTBEAT
    assert (settings.token, settings.port, settings.raw_csv) == ("", None, None)


def test_values_are_typed_and_the_token_is_not_shown() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "123:abc",
            "PELIBOT_DATA_DIR": "/srv/pelibot",
            "PELIBOT_RAW_CSV": "/raw/movies_metadata.csv",
            "PORT": " 10000 ",
            "PELIBOT_BOOTSTRAP_RETRIES": "-1",
            "UNRELATED": "x",
        }
    )
    assert settings.data_dir == Path("/srv/pelibot")
    assert settings.raw_csv == Path("/raw/movies_metadata.csv")
    assert (settings.port, settings.bootstrap_retries) == (10000, -1)
    assert "123:abc" not in repr(settings)


def test_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PELIBOT_DATA_DIR", "/from/env")
    monkeypatch.setenv("PELIBOT_WAIT_FOR_CATALOG", "")
    settings = Settings.from_env()
    assert settings.data_dir == Path("/from/env")
    assert settings.wait_for_catalog == 0.0


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PORT": "abc"}, "PORT must be a TCP port (1-65535), not 'abc'."),
        ({"PORT": "70000"}, "PORT must be a TCP port (1-65535), not '70000'."),
        ({"PELIBOT_POLL_TIMEOUT": "soon"}, "PELIBOT_POLL_TIMEOUT must be a number, not 'soon'."),
        ({"PELIBOT_WAIT_FOR_CATALOG": "-1"}, "PELIBOT_WAIT_FOR_CATALOG must be at least 0"),
        ({"PELIBOT_BOOTSTRAP_RETRIES": "2.5"}, "PELIBOT_BOOTSTRAP_RETRIES must be a whole number"),
        ({"PELIBOT_WEBHOOK_SECRET": "has spaces"}, "PELIBOT_WEBHOOK_SECRET may only hold"),
    ],
)
def test_an_unusable_value_names_its_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env(env)
    assert str(raised.value).startswith(message)
    assert "has spaces" not in str(raised.value)  # a secret is not repeated
