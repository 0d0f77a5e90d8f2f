"""A heartbeat file the running bot keeps fresh, and the check behind ``pelibot health``."""

from __future__ import annotations

import logging
import time
from pathlib import Path

DEFAULT_MAX_AGE = 60.0  # seconds; the polling loop touches the file at least every poll timeout

log = logging.getLogger(__name__)


def touch(path: Path) -> None:
    """Mark the bot as alive now (creates the file and its folder if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def beat(path: Path) -> None:
    """``touch``, where a failure is only a warning (the bot goes on answering)."""
    try:
        touch(path)
    except OSError as error:
        log.warning("cannot touch the heartbeat file %s: %s", path, error)


def check(path: Path, max_age: float = DEFAULT_MAX_AGE, now: float | None = None) -> str | None:
    """None when the heartbeat is fresh, else a one-line reason why the bot looks stalled."""
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return f"no heartbeat file at {path} (is `pelibot run` running?)"
    if age > max_age:
        return f"heartbeat {path} is {age:.0f} s old (limit {max_age:.0f} s): the bot has stalled"
    return None
