"""Finding the raw Kaggle files: a given path, the environment, ``data/raw/`` or a download."""

from __future__ import annotations

import os
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


def locate(
    raw: Path | None = None, keywords: Path | None = None, credits: Path | None = None
) -> RawFiles:
    """Resolve the raw files in order: ``raw``, env ``PELIBOT_RAW_CSV``, ``data/raw/``, Kaggle;
    then ``credits.csv`` (see ``with_credits``)."""
    return with_credits(_locate(raw, keywords), credits)


def _locate(raw: Path | None = None, keywords: Path | None = None) -> RawFiles:
    keywords_env = os.environ.get(KEYWORDS_ENV)
    keywords = keywords or (Path(keywords_env) if keywords_env else None)
    if keywords is not None:
        _existing(keywords, "The keywords file")
    if raw is not None:
        return RawFiles(_existing(raw, "The raw file"), keywords or _sibling(raw), "--raw")
    if env := os.environ.get(RAW_ENV):
        path = _existing(Path(env), f"The raw file in {RAW_ENV},")
        return RawFiles(path, keywords or _sibling(path), RAW_ENV)
    if DEFAULT_RAW.is_file():
        return RawFiles(DEFAULT_RAW, keywords or _sibling(DEFAULT_RAW), str(DEFAULT_RAW))
    return download(keywords)


def _sibling(movies: Path) -> Path | None:
    candidate = movies.with_name(KEYWORDS_FILE)
    return candidate if candidate.is_file() else None


def download(keywords: Path | None = None) -> RawFiles:
    """Fetch the files from Kaggle with kagglehub (it shows its own progress bar)."""
    print(f"Downloading {MOVIES_FILE} from Kaggle ({KAGGLE_DATASET})…", flush=True)
    try:
        import kagglehub

        movies = Path(kagglehub.dataset_download(KAGGLE_DATASET, path=MOVIES_FILE))
        if keywords is None:
            keywords = Path(kagglehub.dataset_download(KAGGLE_DATASET, path=KEYWORDS_FILE))
    except Exception as error:  # kagglehub raises requests/HTTP/OS errors of many kinds
        raise RawDataUnavailable(
            f"Could not download {MOVIES_FILE} from Kaggle ({type(error).__name__}; "
            "is there an internet connection?). "
            "Give pelibot the file in one of these ways instead: "
            f"`pelibot prepare --raw PATH/{MOVIES_FILE}`, "
            f"the environment variable {RAW_ENV}=PATH/{MOVIES_FILE}, "
            f"or copy it to {DEFAULT_RAW} (with {KEYWORDS_FILE} beside it for better "
            "recommendations)."
        ) from error
    return RawFiles(movies, keywords, "kaggle")


def with_credits(files: RawFiles, credits: Path | None = None) -> RawFiles:
    """``files`` with ``credits.csv`` from ``credits``, env ``PELIBOT_CREDITS_CSV``, the folder of
    the movies file or (for a download) Kaggle; without it the catalog has no people."""
    env = os.environ.get(CREDITS_ENV)
    credits = credits or (Path(env) if env else None)
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
