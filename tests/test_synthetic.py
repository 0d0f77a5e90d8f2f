"""The synthetic raw files: Kaggle format, known defects, realistic enough, deterministic."""

from __future__ import annotations

import ast
import csv
import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from benchmarks import synthetic
from data_prep import clean
from data_prep.pipeline import build_catalog, read_raw_csv
from data_prep.source import RawFiles

ROWS = 3000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, synthetic.SyntheticCounts]:
    out = tmp_path_factory.mktemp("synthetic")
    return out, synthetic.generate(ROWS, out, seed=11)


@pytest.fixture(scope="module")
def catalog(
    generated: tuple[Path, synthetic.SyntheticCounts],
) -> tuple[pd.DataFrame, list[clean.RuleReport]]:
    out, _ = generated
    return build_catalog(RawFiles(out / "movies_metadata.csv", out / "keywords.csv", "--raw"))


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in ("movies_metadata.csv", "keywords.csv"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def test_counts_at_the_kaggle_rates() -> None:
    assert synthetic.default_defects(45_466) == (3, 30, 84)
    assert synthetic.default_defects(45_000) == (3, 30, 83)
    assert synthetic.default_defects(100) == (1, 1, 1)


def test_the_file_has_the_raw_header_and_rows(
    generated: tuple[Path, synthetic.SyntheticCounts],
) -> None:
    out, counts = generated
    with (out / "movies_metadata.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == clean.RAW_COLUMNS
    assert len(rows) - 1 == counts.rows == ROWS
    widths = Counter(len(row) for row in rows[1:])
    # Each broken record is a 10-field stub followed by a 15-field row shifted 9 columns left.
    assert widths == {24: ROWS - 2 * counts.malformed, 10: counts.malformed, 15: counts.malformed}
    for number, row in enumerate(rows):
        if len(row) == 15:
            assert len(rows[number - 1]) == 10
            assert pd.Timestamp(row[5]).year in range(1900, 2018)  # id column holds a date
            assert row[2].startswith("/") and row[2].endswith(".jpg")  # budget holds a poster
    raw, skipped = read_raw_csv(out / "movies_metadata.csv")
    assert (raw.shape, skipped) == ((ROWS, 24), 0)


def test_nested_cells_are_python_literals_of_the_kaggle_shapes(
    generated: tuple[Path, synthetic.SyntheticCounts],
) -> None:
    out, _ = generated
    raw, _ = read_raw_csv(out / "movies_metadata.csv")
    raw = raw.loc[raw["release_date"].notna() & (raw.index % 7 == 0)]
    for cell in raw["genres"]:
        assert all(set(g) == {"id", "name"} for g in ast.literal_eval(cell))
    for cell in raw["production_companies"]:
        assert all(list(c) == ["name", "id"] for c in ast.literal_eval(cell))
    for cell in raw["production_countries"]:
        for country in ast.literal_eval(cell):
            assert list(country) == ["iso_3166_1", "name"]
            assert pycountry.countries.get(alpha_2=country["iso_3166_1"]) is not None
    for cell in raw["belongs_to_collection"].dropna():
        value = ast.literal_eval(cell)
        assert list(value) == ["id", "name", "poster_path", "backdrop_path"]


def test_the_rules_drop_exactly_the_generated_defects(
    generated: tuple[Path, synthetic.SyntheticCounts],
    catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    _, counts = generated
    movies, reports = catalog
    dropped = {r.rule: r.dropped for r in reports if r.dropped}
    assert synthetic.default_defects(ROWS) == (1, 2, 6)
    assert dropped == {"7a": 1, "7b": 2, "3": 1 + 6, "kw": counts.keyword_duplicates}
    assert dropped == counts.dropped_by_rule | {"kw": counts.keyword_duplicates}
    assert len(movies) == counts.expected_catalog_rows == ROWS - 10
    assert reports[-1].rows_in == counts.keyword_rows == ROWS - 1 - 2 + counts.keyword_duplicates
    assert all(not r.unparseable for r in reports)
    assert movies["id"].is_unique


def test_explicit_defect_counts(tmp_path: Path) -> None:
    counts = synthetic.generate(400, tmp_path, seed=3, malformed=4, duplicates=6, null_dates=5)
    assert counts.dropped_by_rule == {"7a": 4, "7b": 6, "3": 9}
    movies, reports = build_catalog(RawFiles(tmp_path / "movies_metadata.csv", None, "--raw"))
    assert {r.rule: r.dropped for r in reports if r.dropped} == {"7a": 4, "7b": 6, "3": 9}
    assert len(movies) == counts.expected_catalog_rows == 400 - 19


def test_too_few_rows_for_the_defects(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too few"):
        synthetic.generate(10, tmp_path, malformed=3, duplicates=3, null_dates=3)


def test_distributions_look_like_the_kaggle_file(
    catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    movies, _ = catalog
    assert 0.70 < (movies["budget"] == 0).mean() < 0.90
    assert 0.75 < (movies["revenue"] == 0).mean() < 0.92
    assert movies["release_year"].between(1900, 2017).all()
    assert movies["release_year"].median() > 1980
    in_collections = movies["collection"].value_counts()
    assert len(in_collections) >= 20
    assert (in_collections >= 2).all()
    companies = Counter(c for cell in movies["production_companies"] for c in cell)
    top, top_count = companies.most_common(1)[0]
    assert top == "Warner Bros."
    assert top_count > 0.05 * len(movies)
    assert len(companies) > 0.3 * len(movies)  # and a long tail of small ones
    codes = Counter(c for cell in movies["production_country_codes"] for c in cell)
    assert codes.most_common(1)[0][0] == "US"
    assert (movies["spoken_languages"].map(len) > 1).any()
    assert (movies["keywords"].map(len) == 0).mean() == pytest.approx(0.32, abs=0.05)


def test_titles_are_varied_accented_and_sometimes_shared(
    catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    movies, _ = catalog
    titles = movies["title"]
    assert titles.nunique() > 0.85 * len(movies)
    accented = titles[titles.str.contains("[À-ÿ]", regex=True)]
    assert len(accented) > 0.05 * len(movies)
    years = movies.groupby("title")["release_year"].nunique()
    assert (years > 1).sum() >= 20  # remakes: one title, several years
    assert (movies["original_title"] != movies["title"]).any()


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        synthetic.generate(300, tmp_path / name, seed=seed)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_command_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.synthetic",
            "--rows",
            "300",
            "--out",
            str(tmp_path / "cli"),
            "--seed",
            "5",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.startswith("Wrote 300 rows to ")
    synthetic.generate(300, tmp_path / "api", seed=5)
    assert _digest(tmp_path / "cli") == _digest(tmp_path / "api")
