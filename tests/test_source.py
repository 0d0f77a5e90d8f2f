"""Where ``pelibot prepare`` finds the raw files, and what it says when there are none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from data_prep import source
from data_prep.source import DownloadFailed, RawDataUnavailable, RawFiles, locate
from tests.test_clean import write_small_raw

OFFLINE_PROXY = "http://127.0.0.1:9"  # the discard port: every request fails at once


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty working directory and no PELIBOT_* raw-file variables."""
    monkeypatch.delenv(source.RAW_ENV, raising=False)
    monkeypatch.delenv(source.KEYWORDS_ENV, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def _pelibot() -> list[str]:
    script = Path(sys.executable).with_name("pelibot")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bot.cli"]


def test_no_file_anywhere_and_no_internet_builds_the_sample_and_says_so(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {source.RAW_ENV, source.KEYWORDS_ENV, "PELIBOT_DATA_DIR", "NO_PROXY", "no_proxy"}
    }
    env |= {
        "KAGGLEHUB_CACHE": str(tmp_path / "kagglehub"),
        "HTTPS_PROXY": OFFLINE_PROXY,
        "HTTP_PROXY": OFFLINE_PROXY,
        "https_proxy": OFFLINE_PROXY,
        "http_proxy": OFFLINE_PROXY,
    }
    done = subprocess.run(
        [*_pelibot(), "prepare"], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    build = (work / "data" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((work / "data" / build / "manifest.json").read_text("utf-8"))
    assert manifest["sample"] is True
    assert manifest["source"]["origin"] == "sample"
    count = f"{manifest['rows']:,}".replace(",", ".")
    assert done.stdout.splitlines()[-1] == (
        f"Sin conexión: catálogo de muestra de {count} películas. "
        "Para el completo: pelibot prepare --raw RUTA/movies_metadata.csv"
    )


def test_locate_falls_back_to_kaggle_and_explains_a_failed_download(
    clean_env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kagglehub

    def offline(*args: object, **kwargs: object) -> str:
        raise ConnectionError("no route to host")

    monkeypatch.setattr(kagglehub, "dataset_download", offline)
    with pytest.raises(
        DownloadFailed, match=r"no connection to Kaggle \(ConnectionError: no ro"
    ) as e:
        locate()
    assert e.value.offline
    assert "`pelibot prepare --sample`" in str(e.value)


def test_locate_returns_the_kaggle_download(
    clean_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import kagglehub

    files = write_small_raw(tmp_path / "cache")
    asked: list[str] = []

    def download(handle: str, path: str) -> str:
        asked.append(path)
        return str(files.movies.with_name(path))

    monkeypatch.setattr(kagglehub, "dataset_download", download)
    assert locate() == RawFiles(files.movies, files.keywords, "kaggle")
    assert asked == ["movies_metadata.csv", "keywords.csv", "credits.csv"]


def test_raw_pointing_at_a_missing_file(
    clean_env: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = clean_env / "nope.csv"
    assert cli.main(["prepare", "--raw", str(missing)]) == 1
    captured = capsys.readouterr()
    expected = f"pelibot prepare: The raw file {missing} does not exist or is not a file.\n"
    assert captured.err == expected
    assert captured.out == ""
    assert list(clean_env.iterdir()) == []


def test_keywords_pointing_at_a_missing_file(clean_env: Path, tmp_path: Path) -> None:
    files = write_small_raw(tmp_path / "raw")
    with pytest.raises(RawDataUnavailable, match=r"The keywords file .*nope\.csv does not exist"):
        locate(files.movies, tmp_path / "nope.csv")


def test_raw_argument_with_keywords_beside_it(clean_env: Path, tmp_path: Path) -> None:
    files = write_small_raw(tmp_path / "raw")
    assert locate(files.movies) == RawFiles(files.movies, files.keywords, "--raw")
    assert files.keywords is not None
    files.keywords.unlink()
    assert locate(files.movies) == RawFiles(files.movies, None, "--raw")


def test_raw_argument_wins_over_the_environment(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = write_small_raw(tmp_path / "chosen")
    other = write_small_raw(tmp_path / "other")
    assert locate(chosen.movies, configured=other.movies).movies == chosen.movies


def test_environment_variable_path_is_used(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = write_small_raw(tmp_path / "elsewhere")
    write_small_raw(clean_env / "data" / "raw")  # the default is there too, and loses
    found = locate(configured=files.movies)
    assert found == RawFiles(files.movies, files.keywords, "PELIBOT_RAW_CSV")


def test_environment_variable_pointing_at_a_missing_file(
    clean_env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(RawDataUnavailable, match=r"The raw file in PELIBOT_RAW_CSV, .*gone\.csv"):
        locate(configured=clean_env / "gone.csv")


def test_keywords_environment_variable_wins_over_the_sibling(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = write_small_raw(tmp_path / "raw")
    other = write_small_raw(tmp_path / "other").keywords
    assert locate(files.movies, configured_keywords=other).keywords == other


def test_default_data_raw_folder_is_used(clean_env: Path) -> None:
    write_small_raw(clean_env / "data" / "raw")
    found = locate()
    assert found == RawFiles(
        Path("data/raw/movies_metadata.csv"),
        Path("data/raw/keywords.csv"),
        "data/raw/movies_metadata.csv",
    )


def test_cli_builds_from_the_environment_variable(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = write_small_raw(tmp_path / "raw")
    monkeypatch.setenv(source.RAW_ENV, str(files.movies))
    assert cli.main(["prepare", "--out", "out", "--force"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Reading {files.movies} and {files.keywords}\n")
    assert "Catalog: 7 movies" in out
    build = (clean_env / "out" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((clean_env / "out" / build / "manifest.json").read_text("utf-8"))
    assert manifest["source"]["origin"] == "PELIBOT_RAW_CSV"
    assert manifest["keywords_source"]["name"] == "keywords.csv"


def test_cli_builds_from_the_default_folder_into_data(
    clean_env: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_small_raw(clean_env / "data" / "raw")
    assert cli.main(["prepare", "--force"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Reading data/raw/movies_metadata.csv and data/raw/keywords.csv\n")
    build = (clean_env / "data" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((clean_env / "data" / build / "manifest.json").read_text("utf-8"))
    assert manifest["source"]["origin"] == "data/raw/movies_metadata.csv"
    assert manifest["rows"] == 7


def test_prepare_writes_to_and_reads_from_the_data_directory_setting(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir = tmp_path / "elsewhere"
    files = write_small_raw(data_dir / "raw")  # found there, so nothing is downloaded
    monkeypatch.setenv("PELIBOT_DATA_DIR", str(data_dir))
    assert cli.main(["prepare", "--force"]) == 0
    assert capsys.readouterr().out.startswith(f"Reading {files.movies} and {files.keywords}\n")
    assert (data_dir / "CURRENT").is_file()
    assert list(clean_env.iterdir()) == []  # nothing written to ./data


def test_the_data_directory_raw_folder_comes_before_data_raw(
    clean_env: Path, tmp_path: Path
) -> None:
    write_small_raw(clean_env / "data" / "raw")
    mine = write_small_raw(tmp_path / "mine" / "raw")
    assert locate(data_dir=tmp_path / "mine").movies == mine.movies
    assert locate().movies == Path("data/raw/movies_metadata.csv")
