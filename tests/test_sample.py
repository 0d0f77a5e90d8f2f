"""The built-in sample: shipped in the package, built with ``--sample`` or when Kaggle is out of
reach, recorded in the manifest; and ``pelibot prepare`` looking where the rest looks."""

from __future__ import annotations

import json
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
import requests

from bot import cli
from data_prep import sample, source
from data_prep.source import download_cause
from tests.data import KEYWORDS, MOVIES, facts
from tests.test_clean import write_small_raw

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty working directory, no raw-file or data-dir variables, Kaggle not to be asked."""
    for name in (source.RAW_ENV, source.KEYWORDS_ENV, "PELIBOT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def _kaggle_fails(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[str]:
    import kagglehub

    asked: list[str] = []

    def download(handle: str, path: str) -> str:
        asked.append(path)
        raise error

    monkeypatch.setattr(kagglehub, "dataset_download", download)
    return asked


def _manifest(data_dir: Path) -> dict[str, object]:
    build = (data_dir / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((data_dir / build / "manifest.json").read_text("utf-8"))
    assert isinstance(manifest, dict)
    return manifest


def _spanish(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def test_the_sample_is_package_data_and_the_tests_read_that_one_copy() -> None:
    assert MOVIES == sample.MOVIES == ROOT / "data_prep" / "sample" / "movies_metadata.csv.gz"
    assert KEYWORDS == sample.KEYWORDS == ROOT / "data_prep" / "sample" / "keywords.csv.gz"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["data_prep.sample"]
    for path in (MOVIES, KEYWORDS):
        assert any(fnmatch(path.name, pattern) for pattern in patterns), path.name
    assert list((ROOT / "tests").rglob("*.csv.gz")) == []  # no second copy


def test_offline_prepare_builds_the_sample_and_says_so_in_one_line(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    unresolvable = requests.ConnectionError(
        "HTTPSConnectionPool(host='api.kaggle.com', port=443): Max retries exceeded "
        "(Caused by NameResolutionError(\"Failed to resolve 'api.kaggle.com'\"))"
    )
    asked = _kaggle_fails(monkeypatch, unresolvable)
    assert cli.main(["prepare"]) == 0
    assert asked == ["movies_metadata.csv"]
    out, err = capsys.readouterr()
    manifest = _manifest(clean_env / "data")
    assert manifest["sample"] is True
    assert manifest["rows"] == facts.films() == 1698
    assert out.splitlines()[-1] == (
        f"Sin conexión: catálogo de muestra de {_spanish(facts.films())} películas. "
        "Para el completo: pelibot prepare --raw RUTA/movies_metadata.csv"
    )
    assert err == ""


def test_a_download_failing_for_another_reason_names_it(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    denied = PermissionError(13, "Permission denied")
    denied.filename = "/root/.cache/kagglehub"
    _kaggle_fails(monkeypatch, denied)
    assert cli.main(["prepare"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith(
        "No se pudo descargar de Kaggle (no permission to write kagglehub's cache folder "
        "/root/.cache/kagglehub (PermissionError); set KAGGLEHUB_CACHE (or HOME) to a folder "
        "this user can write): catálogo de muestra de 1.698 películas."
    )
    assert "internet" not in last and "Sin conexión" not in last


def test_sample_flag_never_downloads_nor_reads_raw_files_at_hand(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _kaggle_fails(monkeypatch, AssertionError("must not download"))
    write_small_raw(clean_env / "data" / "raw")  # 7 films: not what --sample builds
    assert cli.main(["prepare", "--sample", "--out", "out"]) == 0
    assert asked == []
    manifest = _manifest(clean_env / "out")
    assert manifest["rows"] == 1698
    assert manifest["source"] == manifest["source"] | {
        "name": "movies_metadata.csv.gz",
        "origin": "sample",
    }
    out = capsys.readouterr().out
    assert "Source: movies_metadata.csv.gz (the built-in sample) (1,703 rows)" in out
    assert out.splitlines()[-1].startswith("Catálogo de muestra de 1.698 películas. ")


def test_a_real_build_is_not_marked_as_a_sample(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _kaggle_fails(monkeypatch, AssertionError("must not download"))
    write_small_raw(clean_env / "data" / "raw")
    assert cli.main(["prepare", "--force"]) == 0
    assert _manifest(clean_env / "data")["sample"] is False
    assert "muestra" not in capsys.readouterr().out


def test_prepare_reads_and_writes_the_data_dir_of_the_environment(
    clean_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """PELIBOT_DATA_DIR=/x: raw files in /x/raw/ are built into /x, nothing downloaded."""
    data_dir = tmp_path / "x"
    files = write_small_raw(data_dir / "raw")
    asked = _kaggle_fails(monkeypatch, AssertionError("must not download"))
    monkeypatch.setenv("PELIBOT_DATA_DIR", str(data_dir))
    assert cli.main(["prepare", "--force"]) == 0
    assert asked == []
    assert capsys.readouterr().out.startswith(f"Reading {files.movies} and {files.keywords}\n")
    assert _manifest(data_dir)["rows"] == 7
    assert not (clean_env / "data").exists()


def test_raw_given_is_built_into_the_data_dir_of_the_environment(
    clean_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_small_raw(tmp_path / "elsewhere")
    monkeypatch.setenv("PELIBOT_DATA_DIR", str(tmp_path / "x"))
    assert cli.main(["prepare", "--raw", str(files.movies), "--force"]) == 0
    assert _manifest(tmp_path / "x")["rows"] == 7
    assert not (clean_env / "data").exists()


def test_an_empty_placeholder_raw_file_is_explained(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _kaggle_fails(monkeypatch, AssertionError("must not download"))
    raw = clean_env / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "movies_metadata.csv").touch()  # what a one-file mount leaves in a volume
    assert cli.main(["prepare"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "pelibot prepare: could not build the catalog: "
        "data/raw/movies_metadata.csv is empty (0 bytes). If it sits in a container's volume, "
        "it is the placeholder Docker leaves there for a one-file mount"
    )
    assert "-v /path/to/raw:/data/raw:ro" in err
    assert "Traceback" not in err
    assert not (clean_env / "data" / "CURRENT").exists()


def test_download_causes_are_named_as_they_are() -> None:
    refused = requests.ConnectionError("Max retries exceeded (Caused by ConnectTimeoutError)")
    assert download_cause(refused) == ("no connection to Kaggle (ConnectionError)", True)
    assert download_cause(requests.ReadTimeout("read timed out")) == (
        "no internet connection (Kaggle did not answer in time)",
        True,
    )
    response = requests.Response()
    response.status_code = 403
    assert download_cause(requests.HTTPError(response=response)) == (
        "Kaggle answered HTTP 403",
        False,
    )
    full = OSError(28, "No space left on device")
    assert download_cause(full) == ("OSError: [Errno 28] No space left on device", False)
