"""``prepare()``: the published layout, the manifest, atomic replacement and the real data slice."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bot import cli
from data_prep import layout
from data_prep.curated import load_spanish_titles
from data_prep.pipeline import (
    BuildResult,
    add_spanish_titles,
    build_catalog,
    format_report,
    prepare,
)
from data_prep.source import RawFiles
from handlers.catalog import CatalogError, load_catalog
from tests.data import facts, read_rows
from tests.test_clean import EXPECTED_RULES, KEPT_IDS, OUTPUT_COLUMNS, write_small_raw

CATALOG_COLUMNS = [*OUTPUT_COLUMNS, *layout.SPANISH_TITLE_COLUMNS]
LIST_COLUMNS = (
    "genres",
    "production_companies",
    "production_countries",
    "production_country_codes",
    "spoken_languages",
    "keywords",
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _as_lists(movies: pd.DataFrame) -> pd.DataFrame:
    """The loaded table with its list columns (NumPy arrays after Parquet) as Python lists."""
    out = movies.copy()
    for column in LIST_COLUMNS:
        out[column] = [list(v) for v in out[column]]
    return out


@pytest.fixture
def raw_files(tmp_path: Path) -> RawFiles:
    return write_small_raw(tmp_path / "raw")


@pytest.fixture
def built(raw_files: RawFiles, tmp_path: Path) -> BuildResult:
    return prepare(raw_files, tmp_path / "data", min_movies=1)


def test_prepare_publishes_one_build_folder(built: BuildResult, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert built.build_dir.parent == data
    assert built.build_dir.name.startswith("build-")
    assert _listing(data) == sorted([".lock", "CURRENT", built.build_dir.name])
    assert (data / "CURRENT").read_text(encoding="utf-8") == built.build_dir.name + "\n"
    assert _listing(built.build_dir) == [
        "catalog.parquet",
        "manifest.json",
        "neighbours.parquet",
        "texts.arrow",
    ]


def test_manifest(built: BuildResult, raw_files: RawFiles) -> None:
    manifest = json.loads((built.build_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == built.manifest
    assert manifest["schema_version"] == layout.SCHEMA_VERSION == 3
    assert manifest["source"] == {
        "name": "movies_metadata.csv",
        "size": raw_files.movies.stat().st_size,
        "sha256": _sha256(raw_files.movies),
        "origin": "--raw",
    }
    assert raw_files.keywords is not None
    assert manifest["keywords_source"]["sha256"] == _sha256(raw_files.keywords)
    assert (manifest["rows_raw"], manifest["rows"]) == (13, 7)
    rules = [(r["rule"], r["rows_in"], r["rows_out"], r["unparseable"]) for r in manifest["rules"]]
    assert rules == EXPECTED_RULES
    assert [r["dropped"] for r in manifest["rules"]] == [1, 1, 0, 0, 4, 0, 0, 0, 2]
    assert manifest["columns"] == CATALOG_COLUMNS
    assert isinstance(manifest["build_seconds"], float)
    assert 0 <= manifest["build_seconds"] < 60


def test_format_report(built: BuildResult) -> None:
    text = format_report(built.manifest)
    assert text.splitlines()[0] == "Source: movies_metadata.csv (13 rows)"
    assert (
        "  rule  3: drop rows with a null or invalid release_date: 11 in, 4 dropped; "
        "cells that did not parse: release_date 2"
    ) in text.splitlines()
    assert "Catalog: 7 movies, built in" in text
    entries = len(load_spanish_titles())
    assert (
        f"Spanish titles (spanish_titles.csv): 2 of {entries:,} curated entries matched a "
        f"film; {entries - 2:,} did not (no film of that title and year in this catalog):"
    ) in text.splitlines()
    assert "    Fight Club (1999), The Matrix (1999), Pulp Fiction (1994)," in text
    assert f"… and {entries - 2 - 30:,} more, all listed in manifest.json" in text


def test_spanish_titles_are_joined_and_the_unmatched_listed(built: BuildResult) -> None:
    # Of the small catalog, only Toy Story (1995) and Amélie (2001) are curated; Spirited Away
    # is there under its Japanese title, which the curated table does not key on.
    titles = load_spanish_titles()
    report = built.manifest["spanish_titles"]
    assert (report["file"], report["entries"], report["matched"]) == (
        "spanish_titles.csv",
        len(titles),
        2,
    )
    unmatched = [
        (t.title, t.year)
        for t in titles
        if (t.title, t.year) not in {("Toy Story", 1995), ("Amélie", 2001)}
    ]
    assert [(u["title"], u["year"]) for u in report["unmatched"]] == unmatched
    movies = load_catalog(built.build_dir.parent).movies.set_index("id")
    assert movies.loc[862, "es_es"] == "Toy Story" and movies.loc[194, "es_419"] == "Amélie"
    assert movies["es_es"].notna().sum() == 2 and pd.isna(movies.loc[129, "es_es"])


def test_load_catalog_round_trips_the_table(built: BuildResult, raw_files: RawFiles) -> None:
    loaded = load_catalog(built.build_dir.parent)
    assert loaded.build_dir == built.build_dir
    assert loaded.manifest == built.manifest
    movies = loaded.movies
    assert list(movies.columns) == CATALOG_COLUMNS
    assert movies["id"].tolist() == KEPT_IDS
    for column in ("id", "budget", "revenue", "release_year", "vote_count"):
        assert str(movies[column].dtype) == "int64", column
    assert movies["release_date"].dtype.kind == "M"

    toy = movies.loc[movies["id"] == 862].iloc[0]
    assert list(toy["genres"]) == ["Animation", "Comedy", "Family"]
    assert list(toy["production_country_codes"]) == ["US"]
    assert list(toy["keywords"]) == ["jealousy", "toy"]
    assert toy["release_date"] == pd.Timestamp("1995-10-30")
    assert toy["collection"] == "Toy Story Collection"
    chihiro = movies.loc[movies["id"] == 129].iloc[0]
    assert chihiro["title"] == "千と千尋の神隠し"
    assert list(chihiro["genres"]) == []

    in_memory, _ = add_spanish_titles(build_catalog(raw_files)[0])
    pd.testing.assert_frame_equal(_as_lists(movies), in_memory, check_dtype=False)


class _Boom(Exception):
    pass


def _failing_to_parquet(error: BaseException) -> Any:
    def to_parquet(self: pd.DataFrame, path: Path, *args: Any, **kwargs: Any) -> None:
        Path(path).write_bytes(b"PAR1 half a file")  # a partial file, then the failure
        raise error

    return to_parquet


@pytest.mark.parametrize("error", [OSError("No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_previous_catalog(
    built: BuildResult,
    raw_files: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
) -> None:
    data = tmp_path / "data"
    before_listing = _listing(data)
    before = load_catalog(data)
    parquet_sha = _sha256(built.build_dir / "catalog.parquet")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", _failing_to_parquet(error))
    with pytest.raises(type(error)):
        prepare(RawFiles(raw_files.movies, None, "--raw"), data, min_movies=1)
    monkeypatch.undo()

    assert _listing(data) == before_listing  # no temporary folder left behind
    assert _sha256(built.build_dir / "catalog.parquet") == parquet_sha
    after = load_catalog(data)
    assert after.build_dir == before.build_dir
    assert after.manifest == before.manifest
    pd.testing.assert_frame_equal(_as_lists(after.movies), _as_lists(before.movies))


def test_a_failure_while_publishing_the_pointer_keeps_the_old_build_and_no_leftovers(
    built: BuildResult,
    raw_files: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    before_listing = _listing(data)

    def replace(src: Any, dst: Any) -> None:
        raise _Boom("rename failed")

    monkeypatch.setattr(layout.os, "replace", replace)
    with pytest.raises(_Boom):
        prepare(raw_files, data, min_movies=1)
    monkeypatch.undo()

    assert _listing(data) == before_listing
    builds = [name for name in _listing(data) if name.startswith(("build-", ".build-"))]
    assert builds == [built.build_dir.name]
    assert load_catalog(data).build_dir == built.build_dir


def test_a_failed_first_build_leaves_nothing(
    raw_files: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    monkeypatch.setattr(pd.DataFrame, "to_parquet", _failing_to_parquet(OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        prepare(raw_files, data, min_movies=1)
    assert _listing(data) == [".lock"]
    with pytest.raises(CatalogError, match="pelibot prepare"):
        load_catalog(data)


def test_the_cli_reports_a_failed_write_without_a_traceback(
    built: BuildResult,
    raw_files: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    monkeypatch.setattr(pd.DataFrame, "to_parquet", _failing_to_parquet(OSError("disk full")))
    code = cli.main(["prepare", "--raw", str(raw_files.movies), "--out", str(data), "--force"])
    assert code == 1
    err = capsys.readouterr().err
    assert err == "pelibot prepare: could not build the catalog: disk full\n"
    assert layout.current_build_dir(data) == built.build_dir


def test_a_second_build_replaces_the_first(
    built: BuildResult,
    raw_files: RawFiles,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    second = prepare(RawFiles(raw_files.movies, None, "--raw"), data, min_movies=1)
    assert second.build_dir != built.build_dir
    assert not built.build_dir.exists()
    assert _listing(data) == sorted([".lock", "CURRENT", second.build_dir.name])
    loaded = load_catalog(data)
    assert loaded.build_dir == second.build_dir
    assert loaded.manifest["keywords_source"] is None
    assert [list(v) for v in loaded.movies["keywords"]] == [[]] * 7


def test_load_catalog_refuses_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"No movie catalog .* Run `pelibot prepare --out "):
        load_catalog(tmp_path / "nowhere")


def test_load_catalog_refuses_a_dangling_pointer(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("build-gone\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="pelibot prepare"):
        load_catalog(tmp_path)


def test_load_catalog_refuses_another_schema_version(built: BuildResult, tmp_path: Path) -> None:
    path = built.build_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(manifest | {"schema_version": 999}), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path / "data")
    message = str(caught.value)
    assert "schema version 999" in message
    assert f"needs {layout.SCHEMA_VERSION}" in message
    assert "Run `pelibot prepare --out" in message


def test_load_catalog_refuses_an_unreadable_manifest(built: BuildResult, tmp_path: Path) -> None:
    (built.build_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"no readable manifest.*pelibot prepare"):
        load_catalog(tmp_path / "data")


# The real-data fixture: 1,703 rows of the slice (tests/data/README.md).


def _expected_kept(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows the rules should keep, worked out with the csv module alone."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        if row["release_date"]:
            kept.append(row)
    return kept


def test_real_slice_manifest(real_data_dir: Path, real_slice_csv: Path) -> None:
    manifest = load_catalog(real_data_dir).manifest
    assert manifest["source"]["sha256"] == _sha256(real_slice_csv)
    assert manifest["source"]["size"] == real_slice_csv.stat().st_size
    by_rule = {r["rule"]: (r["rows_in"], r["rows_out"]) for r in manifest["rules"]}
    # the fixture's 1,703 rows: one id twice (105045), 4 rows without a release date
    assert by_rule["7a"] == (1703, 1703)
    assert by_rule["7b"] == (1703, 1702)
    assert by_rule["3"] == (1702, 1698)
    assert manifest["rows"] == 1698 == facts.films()


def test_real_slice_toy_story(real_data_dir: Path) -> None:
    movies = load_catalog(real_data_dir).movies
    toy = movies.loc[movies["id"] == 862]
    assert len(toy) == 1
    row = toy.iloc[0]
    assert row["title"] == "Toy Story"
    assert (row["budget"], row["revenue"]) == (30_000_000, 373_554_033)
    assert row["return"] == pytest.approx(12.4518011)
    assert row["release_date"] == pd.Timestamp("1995-10-30")
    assert row["release_year"] == 1995
    assert row["collection"] == "Toy Story Collection"
    assert list(row["genres"]) == ["Animation", "Comedy", "Family"]
    assert list(row["production_companies"]) == ["Pixar Animation Studios"]
    assert list(row["keywords"]) == [
        "jealousy",
        "toy",
        "boy",
        "friendship",
        "friends",
        "rivalry",
        "boy next door",
        "new toy",
        "toy comes to life",
    ]


def test_real_slice_matches_facts_computed_from_the_raw_file(
    real_data_dir: Path,
    real_slice_csv: Path,
) -> None:
    rows = read_rows(real_slice_csv)
    assert len(rows) == 1703
    ids = [row["id"] for row in rows]
    assert len(ids) - len(set(ids)) == 1
    assert sum(not row["release_date"] for row in rows) == 4
    kept = _expected_kept(rows)
    assert len(kept) == 1698

    movies = load_catalog(real_data_dir).movies
    assert sorted(movies["id"].tolist()) == sorted(int(row["id"]) for row in kept)
    assert int(movies["revenue"].sum()) == sum(int(row["revenue"]) for row in kept)
    assert int((movies["budget"] > 0).sum()) == sum(int(row["budget"]) > 0 for row in kept)
    in_1995 = sum(row["release_date"].startswith("1995-") for row in kept)
    assert int((movies["release_year"] == 1995).sum()) == in_1995
    toy_story = sum(
        "'name': 'Toy Story Collection'" in row["belongs_to_collection"] for row in kept
    )
    assert int((movies["collection"] == "Toy Story Collection").sum()) == toy_story == 2
    animation = sum(
        any(g["name"] == "Animation" for g in ast.literal_eval(row["genres"])) for row in kept
    )
    assert sum("Animation" in list(g) for g in movies["genres"]) == animation
