"""Finding the raw Kaggle files: a given path, a configured one, a ``raw/`` folder or a download."""

from __future__ import annotations

import socket
from dataclasses import dataclass, replace
from pathlib import Path

KAGGLE_DATASET = "rounakbanik/the-movies-dataset"
MOVIES_FILE = "movies_metadata.csv"
KEYWORDS_FILE = "keywords.csv"
RAW_ENV = "PELIBOT_RAW_CSV"
KEYWORDS_ENV = "PELIBOT_KEYWORDS_CSV"
CREDITS_FILE = "credits.csv"
CREDITS_ENV = "PELIBOT_CREDITS_CSV"
DEFAULT_RAW = Path("data/raw") / MOVIES_FILE


class RawDataUnavailable(Exception):
    """The raw file could not be found or downloaded; the message says what to do."""


@dataclass(frozen=True)
class RawFiles:
    movies: Path
    keywords: Path | None
    origin: str
    credits: Path | None = None  # credits.csv: directors and cast; optional


def _existing(path: Path, what: str) -> Path:
    if not path.is_file():
        raise RawDataUnavailable(f"{what} {path} does not exist or is not a file.")
    return path


def at_hand(
    raw: Path | None = None,
    keywords: Path | None = None,
    *,
    configured: Path | None = None,
    configured_keywords: Path | None = None,
    data_dir: Path | None = None,
    credits: Path | None = None,
    configured_credits: Path | None = None,
) -> RawFiles | None:
    """The raw files without downloading, in order: ``raw`` (``--raw``), ``configured`` (the
    setting ``PELIBOT_RAW_CSV``), ``<data_dir>/raw/``, ``data/raw/``; None when none is there.

    ``keywords`` (or ``configured_keywords``) wins over the ``keywords.csv`` beside the movies;
    so do ``credits`` and ``configured_credits`` (``PELIBOT_CREDITS_CSV``) over its
    ``credits.csv`` (see ``with_credits``).
    """
    found = _movies_at_hand(raw, keywords, configured, configured_keywords, data_dir)
    return None if found is None else with_credits(found, credits or configured_credits)


def _movies_at_hand(
    raw: Path | None,
    keywords: Path | None,
    configured: Path | None,
    configured_keywords: Path | None,
    data_dir: Path | None,
) -> RawFiles | None:
    keywords = keywords or configured_keywords
    if keywords is not None:
        _existing(keywords, "The keywords file")
    if raw is not None:
        return RawFiles(_existing(raw, "The raw file"), keywords or _sibling(raw), "--raw")
    if configured is not None:
        path = _existing(configured, f"The raw file in {RAW_ENV},")
        return RawFiles(path, keywords or _sibling(path), RAW_ENV)
    folders = [DEFAULT_RAW] if data_dir is None else [data_dir / "raw" / MOVIES_FILE, DEFAULT_RAW]
    for movies in folders:
        if movies.is_file():
            return RawFiles(movies, keywords or _sibling(movies), str(movies))
    return None


def locate(
    raw: Path | None = None,
    keywords: Path | None = None,
    *,
    configured: Path | None = None,
    configured_keywords: Path | None = None,
    data_dir: Path | None = None,
    credits: Path | None = None,
    configured_credits: Path | None = None,
) -> RawFiles:
    """The raw files at hand (``at_hand``), else downloaded from Kaggle."""
    found = at_hand(
        raw,
        keywords,
        configured=configured,
        configured_keywords=configured_keywords,
        data_dir=data_dir,
        credits=credits,
        configured_credits=configured_credits,
    )
    if found is not None:
        return found
    return with_credits(download(keywords or configured_keywords), credits or configured_credits)


def _sibling(movies: Path) -> Path | None:
    candidate = movies.with_name(KEYWORDS_FILE)
    return candidate if candidate.is_file() else None


def download(keywords: Path | None = None) -> RawFiles:
    """Fetch the files from Kaggle with kagglehub (it shows its own progress bar).

    ``DownloadFailed`` names the real cause: no connection, an unwritable cache folder, an
    HTTP error from Kaggle…
    """
    print(f"Downloading {MOVIES_FILE} from Kaggle ({KAGGLE_DATASET})…", flush=True)
    try:
        import kagglehub

        movies = Path(kagglehub.dataset_download(KAGGLE_DATASET, path=MOVIES_FILE))
        if keywords is None:
            keywords = Path(kagglehub.dataset_download(KAGGLE_DATASET, path=KEYWORDS_FILE))
    except Exception as error:  # kagglehub raises requests/HTTP/OS errors of many kinds
        cause, offline = download_cause(error)
        raise DownloadFailed(
            f"Could not download {MOVIES_FILE} from Kaggle: {cause}. "
            "Give pelibot the file in one of these ways instead: "
            f"`pelibot prepare --raw PATH/{MOVIES_FILE}`, "
            f"the environment variable {RAW_ENV}=PATH/{MOVIES_FILE}, "
            f"or copy it to {DEFAULT_RAW} (with {KEYWORDS_FILE} beside it for better "
            "recommendations); or build the built-in sample with `pelibot prepare --sample`.",
            cause=cause,
            offline=offline,
        ) from error
    return RawFiles(movies, keywords, "kaggle")


class DownloadFailed(RawDataUnavailable):
    """Kaggle could not be used: ``cause`` says why in a few words; ``offline`` when the reason
    is the network (no connection, no name resolution, a timeout)."""

    def __init__(self, message: str, *, cause: str, offline: bool) -> None:
        super().__init__(message)
        self.cause = cause
        self.offline = offline


def download_cause(error: BaseException) -> tuple[str, bool]:
    """Why a download failed, in a few words, and whether the network is the reason."""
    import requests

    if isinstance(error, requests.ConnectionError | requests.Timeout):
        text = str(error)
        if "resolve" in text or "Name or service not known" in text:
            return "no internet connection (the name api.kaggle.com cannot be resolved)", True
        if isinstance(error, requests.Timeout):
            return "no internet connection (Kaggle did not answer in time)", True
        return f"no connection to Kaggle ({type(error).__name__})", True
    if isinstance(error, ConnectionError | TimeoutError | socket.gaierror):
        return f"no connection to Kaggle ({type(error).__name__}: {error})", True
    if isinstance(error, requests.HTTPError):
        status = error.response.status_code if error.response is not None else "?"
        return f"Kaggle answered HTTP {status}", False
    if isinstance(error, PermissionError):
        where = f" {error.filename}" if error.filename else ""
        return (
            f"no permission to write kagglehub's cache folder{where} (PermissionError); "
            "set KAGGLEHUB_CACHE (or HOME) to a folder this user can write"
        ), False
    detail = str(error).strip()
    return (f"{type(error).__name__}: {detail}" if detail else type(error).__name__), False


def with_credits(files: RawFiles, credits: Path | None = None) -> RawFiles:
    """``files`` with ``credits.csv``: ``credits`` (``--credits`` or the setting
    ``PELIBOT_CREDITS_CSV``), else the one beside the movies file, else (for a download) from
    Kaggle; without it the catalog has no people."""
    if credits is not None:
        return replace(files, credits=_existing(credits, "The credits file"))
    sibling = files.movies.with_name(CREDITS_FILE)
    if sibling.is_file():
        return replace(files, credits=sibling)
    if files.origin == "kaggle":
        try:
            import kagglehub

            path = Path(kagglehub.dataset_download(KAGGLE_DATASET, path=CREDITS_FILE))
        except Exception:  # optional: the catalog is built without people
            return files
        return replace(files, credits=path) if path.is_file() else files
    return files
