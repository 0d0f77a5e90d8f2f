"""``pelibot prepare`` never loses a good catalog: concurrent runs, files that parse into almost
nothing, absurd numbers, lines the CSV reader skips, and damaged files in the data directory."""

from __future__ import annotations

import csv
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bot import cli
from data_prep import clean, layout
from data_prep.pipeline import BuildRefused, BuildResult, build_catalog, prepare, read_raw_csv
from data_prep.source import RawFiles
from handlers.catalog import CatalogError, load_catalog
from tests.data import facts
from tests.factories import raw_movie, write_raw

ROOT = Path(__file__).resolve().parent.parent


def _movies(count: int, first_id: int = 1) -> list[dict[str, str]]:
    return [
        raw_movie(i, f"Movie {i}", f"{1950 + i % 60}-05-17")
        for i in range(first_id, first_id + count)
    ]


def _raw(path: Path, rows: list[dict[str, str]]) -> RawFiles:
    return RawFiles(write_raw(path, rows), None, "--raw")


def _write_lines(path: Path, lines: list[list[str]], encoding: str = "utf-8") -> Path:
    """Write records as given, whatever their number of fields."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(lines)
    return path


def _values(row: dict[str, str]) -> list[str]:
    return [row[column] for column in clean.RAW_COLUMNS]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def good_raw(tmp_path: Path) -> RawFiles:
    return _raw(tmp_path / "good.csv", _movies(150))


@pytest.fixture
def good_catalog(good_raw: RawFiles, tmp_path: Path) -> BuildResult:
    return prepare(good_raw, tmp_path / "data")


# 1. Two runs into the same folder.


class _Pause:
    """Holds the first caller of a hook until released; later callers pass straight through."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> None:
        if not self.reached.is_set():
            self.reached.set()
            assert self.release.wait(30), "never released"


def _pause_at(hook: str, pause: _Pause, monkeypatch: pytest.MonkeyPatch) -> None:
    """``writing``: after the first Parquet file is written into the new build's temporary
    folder; ``published``: right after ``CURRENT`` names the new build, before the clean-up."""
    if hook == "writing":
        to_parquet = pd.DataFrame.to_parquet

        def write_then_pause(self: pd.DataFrame, *args: Any, **kwargs: Any) -> Any:
            result = to_parquet(self, *args, **kwargs)
            pause()
            return result

        monkeypatch.setattr(pd.DataFrame, "to_parquet", write_then_pause)
    else:
        replace = layout.os.replace

        def replace_then_pause(src: Any, dst: Any) -> None:
            replace(src, dst)
            pause()

        monkeypatch.setattr(layout.os, "replace", replace_then_pause)


class _Run(threading.Thread):
    def __init__(self, work: Callable[[], BuildResult]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.result: BuildResult | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the test thread
            self.error = error


@pytest.mark.parametrize("hook", ["writing", "published"])
@pytest.mark.parametrize("wait", [0.0, 0.5])
def test_a_run_started_while_another_publishes_is_refused_and_the_first_build_survives(
    good_raw: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hook: str,
    wait: float,
) -> None:
    data = tmp_path / "data"
    pause = _Pause()
    _pause_at(hook, pause, monkeypatch)
    first = _Run(lambda: prepare(good_raw, data))
    first.start()
    assert pause.reached.wait(30)

    started = time.monotonic()
    second_error: Exception | None = None
    try:
        prepare(good_raw, data, wait=wait)
    except Exception as error:
        second_error = error
    waited = time.monotonic() - started
    pause.release.set()
    first.join(30)

    assert first.error is None, first.error
    assert first.result is not None
    loaded = load_catalog(data)
    assert loaded.build_dir == first.result.build_dir
    assert len(loaded.movies) == 150
    assert _listing(data) == [".lock", "CURRENT", first.result.build_dir.name]
    assert isinstance(second_error, layout.DataDirBusy)
    assert str(second_error).startswith(f"Another `pelibot prepare` is writing to {data}")
    assert wait <= waited < wait + 5


def test_a_second_run_waits_for_the_first_then_publishes_its_own_build(
    good_raw: RawFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    pause = _Pause()
    _pause_at("writing", pause, monkeypatch)
    first = _Run(lambda: prepare(good_raw, data))
    first.start()
    assert pause.reached.wait(30)
    second = _Run(lambda: prepare(good_raw, data, wait=30))
    second.start()
    time.sleep(0.5)
    assert second.is_alive()  # waiting for the lock
    pause.release.set()
    first.join(30)
    second.join(30)

    assert first.error is None and second.error is None, (first.error, second.error)
    assert first.result is not None and second.result is not None
    assert load_catalog(data).build_dir == second.result.build_dir
    assert _listing(data) == [".lock", "CURRENT", second.result.build_dir.name]


def test_the_cli_refuses_while_another_process_holds_the_lock(
    good_catalog: BuildResult,
    good_raw: RawFiles,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    before = _listing(data)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "handle = open(sys.argv[1], 'a')\n"
            "fcntl.flock(handle, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
            str(data / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        code = cli.main(["prepare", "--raw", str(good_raw.movies), "--out", str(data)])
    finally:
        holder.kill()
        holder.wait()
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"pelibot prepare: Another `pelibot prepare` is writing to {data}")
    assert "--wait" in err
    assert "Traceback" not in out + err
    assert _listing(data) == before
    assert load_catalog(data).build_dir == good_catalog.build_dir


def test_concurrent_cli_runs_leave_one_complete_catalog(good_raw: RawFiles, tmp_path: Path) -> None:
    data = tmp_path / "data"
    command = [
        sys.executable,
        "-m",
        "bot.cli",
        "prepare",
        "--raw",
        str(good_raw.movies),
        "--out",
        str(data),
        "--wait",
        "120",
    ]
    runs = [
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    loaded = load_catalog(data)
    assert len(loaded.movies) == 150
    assert _listing(data) == [".lock", "CURRENT", loaded.build_dir.name]
    written = {out.strip().splitlines()[-1] for out, _ in outputs}
    assert len(written) == 3  # three builds, each published in turn
    assert f"Written to {loaded.build_dir}" in written


def test_leftovers_of_a_run_that_died_are_removed(
    good_catalog: BuildResult,
    good_raw: RawFiles,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    dead = "build-20200101T000000-deadbeef"
    (data / f".{dead}.tmp").mkdir()
    (data / f".{dead}.tmp" / "catalog.parquet").write_bytes(b"PAR1 half")
    (data / dead).mkdir()  # renamed into place, never published
    (data / f".CURRENT.{dead}.tmp").write_text(dead + "\n", encoding="utf-8")
    second = prepare(good_raw, data)
    assert _listing(data) == [".lock", "CURRENT", second.build_dir.name]


# 2. A file that parses into (almost) nothing does not replace a good catalog.


BAD_FILES: dict[str, tuple[Callable[[Path], Path], int]] = {
    # kind: (writer, movies it yields)
    "header only": (lambda path: write_raw(path, []), 0),
    "one row repeated": (lambda path: write_raw(path, _movies(1, 7) * 3000), 1),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_yields_almost_no_movies_does_not_replace_the_catalog(
    good_catalog: BuildResult,
    tmp_path: Path,
    kind: str,
) -> None:
    data = tmp_path / "data"
    before = _listing(data)
    write, movies = BAD_FILES[kind]
    bad = write(tmp_path / "movies_metadata.csv")
    with pytest.raises(BuildRefused) as caught:
        prepare(RawFiles(bad, None, "--raw"), data)
    noun = "movie" if movies == 1 else "movies"
    assert str(caught.value) == (
        f"Not published: the new catalog has {movies} {noun}, fewer than the minimum of 100. "
        f"The catalog in {data} ({good_catalog.build_dir.name}, 150 movies) is kept. "
        "Check the raw file, or publish it anyway with `pelibot prepare --force`."
    )
    assert caught.value.manifest["rows"] == movies
    assert _listing(data) == before
    assert load_catalog(data).build_dir == good_catalog.build_dir


def test_a_first_build_that_is_too_small_publishes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refused = r"has 99 movies, fewer than the minimum of 100\. No catalog was published in "
    with pytest.raises(BuildRefused, match=refused):
        prepare(_raw(tmp_path / "raw.csv", _movies(99)), data)
    assert _listing(data) == [".lock"]
    assert (
        len(
            load_catalog(
                prepare(_raw(tmp_path / "raw.csv", _movies(100)), data).build_dir.parent
            ).movies
        )
        == 100
    )


@pytest.mark.parametrize(("new", "published"), [(149, False), (150, True)])
def test_a_build_with_fewer_than_half_the_current_movies_is_refused(
    tmp_path: Path,
    new: int,
    published: bool,
) -> None:
    data = tmp_path / "data"
    old = prepare(_raw(tmp_path / "old.csv", _movies(300)), data)
    files = _raw(tmp_path / "new.csv", _movies(new))
    if published:
        assert load_catalog(prepare(files, data).build_dir.parent).manifest["rows"] == new
        return
    with pytest.raises(BuildRefused) as caught:
        prepare(files, data)
    assert str(caught.value).startswith(
        f"Not published: the new catalog has {new} movies, fewer than half of the 300 in the "
        f"current one ({old.build_dir}), which is kept."
    )
    assert load_catalog(data).build_dir == old.build_dir


def test_force_publishes_a_small_build(good_catalog: BuildResult, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = prepare(_raw(tmp_path / "few.csv", _movies(3)), data, force=True)
    assert load_catalog(data).build_dir == result.build_dir
    assert _listing(data) == [".lock", "CURRENT", result.build_dir.name]


def test_the_cli_says_why_it_kept_the_old_catalog_and_force_overrides(
    good_catalog: BuildResult,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    bad = write_raw(tmp_path / "movies_metadata.csv", _movies(1, 7) * 500)
    code = cli.main(["prepare", "--raw", str(bad), "--out", str(data)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Source: movies_metadata.csv (500 rows)" in out
    assert "rule 7b: drop duplicate ids (keep the first): 500 in, 499 dropped" in out
    assert "Catalog: 1 movie, built in" in out
    assert err == (
        "pelibot prepare: Not published: the new catalog has 1 movie, fewer than the minimum "
        f"of 100. The catalog in {data} ({good_catalog.build_dir.name}, 150 movies) is kept. "
        "Check the raw file, or publish it anyway with `pelibot prepare --force`.\n"
    )
    assert load_catalog(data).build_dir == good_catalog.build_dir

    assert cli.main(["prepare", "--raw", str(bad), "--out", str(data), "--force"]) == 0
    assert len(load_catalog(data).movies) == 1


# 3. Absurd numbers: one bad cell never aborts a build.


MONEY = [  # cell, stored amount, counted as unparseable
    ("30000000", 30_000_000, False),
    ("2.5e7", 25_000_000, False),
    ("1000000000000", 10**12, False),
    ("", 0, False),
    ("1000000000001", 0, True),
    ("1e19", 0, True),
    ("1e30", 0, True),
    ("1e309", 0, True),
    ("inf", 0, True),
    ("-inf", 0, True),
    ("NaN", 0, True),
    ("-5", 0, True),
]


def test_absurd_money_is_unparseable_and_stored_as_unknown() -> None:
    cells = [cell for cell, _, _ in MONEY]
    raw = pd.DataFrame({"budget": cells, "revenue": list(reversed(cells))}, dtype="str")
    raw = raw.replace("", None)
    out, report = clean.numeric_money(raw)
    assert out["budget"].tolist() == [amount for _, amount, _ in MONEY]
    assert out["revenue"].tolist() == [amount for _, amount, _ in reversed(MONEY)]
    assert str(out["budget"].dtype) == str(out["revenue"].dtype) == "int64"
    bad = sum(counted for _, _, counted in MONEY)
    assert report.unparseable == {"budget": bad, "revenue": bad} == {"budget": 8, "revenue": 8}


IDS = [  # cell, kept as
    ("862", 862),
    ("862.0", 862),
    ("2147483647", 2147483647),
    ("2147483648", None),
    ("3000000000", None),
    ("1e30", None),
    ("inf", None),
    ("nan", None),
    ("0", None),
    ("-5", None),
    ("12.5", None),
    ("abc", None),
]


def test_a_non_integer_or_out_of_range_id_drops_only_its_row() -> None:
    raw = pd.DataFrame({"id": [cell for cell, _ in IDS], "title": "x"}, dtype="str")
    out, report = clean.drop_malformed_ids(raw)
    # "862.0" is the integer 862 and kept by rule 7a; rule 7b then drops it as a duplicate.
    expected = [862, 862, 2147483647]
    assert out["id"].tolist() == expected
    assert (report.rows_in, report.rows_out, report.dropped) == (12, 3, 9)


def test_one_absurd_cell_never_aborts_a_build(tmp_path: Path) -> None:
    rows = _movies(120)
    rows[0] |= {"budget": "inf", "revenue": "1e309"}
    rows[1] |= {"budget": "1e19", "revenue": "1e30"}
    rows[2] |= {"id": "3000000000"}
    rows[3] |= {"id": "1e30"}
    rows[4] |= {"vote_count": "inf", "popularity": "inf", "runtime": "-inf"}
    rows[5] |= {"vote_count": "1e30", "vote_average": "1e309"}
    rows[6] |= {"vote_count": "-3"}
    files = _raw(tmp_path / "movies_metadata.csv", rows)
    catalog, reports = build_catalog(files)

    assert len(catalog) == 118
    assert 3 not in catalog["id"].tolist() and 4 not in catalog["id"].tolist()
    by_rule = {report.rule: report for report in reports}
    assert by_rule["7a"].dropped == 2
    assert by_rule["2"].unparseable == {"budget": 2, "revenue": 2}
    assert by_rule["6"].unparseable == {
        "popularity": 1,
        "vote_average": 1,
        "runtime": 1,
        "vote_count": 3,
    }
    first, second, fifth, sixth, seventh = (
        catalog.loc[catalog["id"] == i].iloc[0] for i in (1, 2, 5, 6, 7)
    )
    assert (first["budget"], first["revenue"], first["return"]) == (0, 0, 0.0)
    assert (second["budget"], second["revenue"]) == (0, 0)
    assert fifth["vote_count"] == sixth["vote_count"] == seventh["vote_count"] == 0
    assert pd.isna(fifth["popularity"]) and pd.isna(fifth["runtime"])
    assert pd.isna(sixth["vote_average"])
    assert catalog.loc[catalog["id"] == 8, "vote_count"].item() == 10


# 4. Lines the CSV reader skips are counted; a file that is not UTF-8 says so.


def test_lines_the_csv_reader_skips_are_counted_in_the_manifest_and_the_report(
    tmp_path: Path,
) -> None:
    lines = [list(clean.RAW_COLUMNS), *(_values(row) for row in _movies(120))]
    lines[11] += ["one field too many"]
    lines[51] += ["two", "more"]
    movies = _write_lines(tmp_path / "movies_metadata.csv", lines)
    keywords = _write_lines(
        tmp_path / "keywords.csv",
        [
            ["id", "keywords"],
            ["1", "[{'id': 1, 'name': 'one'}]"],
            ["2", "[]", "extra"],
            ["3", "[{'id': 3, 'name': 'three'}]"],
        ],
    )
    result = prepare(RawFiles(movies, keywords, "--raw"), tmp_path / "data")

    assert result.manifest["skipped_lines"] == {"movies": 2, "keywords": 1}
    assert result.manifest["rows_raw"] == 118
    assert result.manifest["rows"] == 118
    ids = load_catalog(tmp_path / "data").movies["id"].tolist()
    assert ids == [i for i in range(1, 121) if i not in (11, 51)]
    from data_prep.pipeline import format_report

    assert (
        "  CSV lines skipped (more fields than the header): movies_metadata.csv 2, keywords.csv 1"
    ) in format_report(result.manifest).splitlines()


def test_a_first_row_with_extra_columns_is_skipped_instead_of_shifting_the_table(
    tmp_path: Path,
) -> None:
    lines = [list(clean.RAW_COLUMNS), *(_values(row) for row in _movies(150))]
    lines[1] += ["extra", "columns"]
    path = _write_lines(tmp_path / "movies_metadata.csv", lines)
    raw, skipped = read_raw_csv(path)
    assert skipped == 1
    assert list(raw.columns) == list(clean.RAW_COLUMNS)
    assert raw["id"].tolist() == [str(i) for i in range(2, 151)]
    assert raw["title"].tolist()[0] == "Movie 2"

    result = prepare(RawFiles(path, None, "--raw"), tmp_path / "data")
    assert (result.manifest["rows"], result.manifest["skipped_lines"]) == (149, {"movies": 1})


def test_the_reader_keeps_short_rows_and_counts_nothing_on_a_clean_file(tmp_path: Path) -> None:
    lines = [list(clean.RAW_COLUMNS), *(_values(row) for row in _movies(3))]
    lines[2] = lines[2][:10]  # a stub, as the Kaggle file has: padded, not skipped
    raw, skipped = read_raw_csv(_write_lines(tmp_path / "raw.csv", lines))
    assert skipped == 0
    assert raw["id"].tolist() == ["1", "2", "3"]
    assert raw.iloc[1, 10:].isna().all()


@pytest.mark.parametrize("which", ["movies", "keywords"])
def test_a_file_that_is_not_utf8_gets_a_message_that_says_how_to_convert_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    which: str,
) -> None:
    rows = _movies(120)
    rows[2]["title"] = "Amélie"
    keyword_lines = [["id", "keywords"], ["1", "[]"], ["2", "[{'id': 1, 'name': 'café'}]"]]
    latin1 = "latin-1" if which == "movies" else "utf-8"
    movies = _write_lines(
        tmp_path / "movies_metadata.csv",
        [list(clean.RAW_COLUMNS), *(_values(row) for row in rows)],
        latin1,
    )
    keywords = _write_lines(
        tmp_path / "keywords.csv", keyword_lines, "latin-1" if which == "keywords" else "utf-8"
    )
    bad = movies if which == "movies" else keywords
    line = 4 if which == "movies" else 3
    converted = bad.with_name(f"{bad.stem}-utf8.csv")
    expected = (
        f"{bad} is not UTF-8 text (line {line} holds the byte 0xe9). Convert it first, "
        f"e.g. `iconv -f latin1 -t utf-8 {bad} > {converted}`."
    )
    with pytest.raises(ValueError) as caught:
        prepare(RawFiles(movies, keywords, "--raw"), tmp_path / "data")
    assert str(caught.value) == expected

    code = cli.main(
        [
            "prepare",
            "--raw",
            str(movies),
            "--keywords",
            str(keywords),
            "--out",
            str(tmp_path / "data"),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err == f"pelibot prepare: could not build the catalog: {expected}\n"


def test_a_utf16_file_is_told_to_convert_from_utf16(tmp_path: Path) -> None:
    path = tmp_path / "movies_metadata.csv"
    path.write_bytes("id,title\n1,Amélie\n".encode("utf-16"))
    with pytest.raises(ValueError, match=r"line 1 holds the byte 0xff\). .* `iconv -f utf-16 "):
        read_raw_csv(path)


# 5. Damaged files get a message, not a traceback.


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "",
            "{path} is empty (0 bytes). If it sits in a container's volume, it is the "
            "placeholder Docker leaves there for a one-file mount (-v FILE:{path}): remove it "
            "and mount the folder of the raw files instead (-v /path/to/raw:/data/raw:ro; with "
            "compose, put the files in ./data/raw/). Otherwise copy the real file over it.",
        ),
        ("\n\n", "{path} is empty (no header line)"),
        (
            "userId,movieId,rating,timestamp,a,b,c\n1,31,2.5,1260759144,1,2,3\n",
            "the raw file {path} lacks the columns adult, belongs_to_collection, budget, genres, "
            "homepage and 19 more (its header: userId, movieId, rating, timestamp, a, b, …)",
        ),
    ],
)
def test_an_empty_or_foreign_file_is_named_in_the_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    expected: str,
) -> None:
    path = tmp_path / "movies_metadata.csv"
    path.write_text(content, encoding="utf-8")
    assert cli.main(["prepare", "--raw", str(path), "--out", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert err == f"pelibot prepare: could not build the catalog: {expected.format(path=path)}\n"


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        (["movie_id", "tags"], "id, keywords (its header: movie_id, tags)"),
        (["id", "tags"], "keywords (its header: id, tags)"),
    ],
)
def test_a_keywords_file_without_its_columns_gets_a_clear_message(
    good_raw: RawFiles,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    header: list[str],
    missing: str,
) -> None:
    keywords = _write_lines(tmp_path / "keywords.csv", [header, ["1", "[]"]])
    with pytest.raises(ValueError) as caught:
        prepare(RawFiles(good_raw.movies, keywords, "--raw"), tmp_path / "data")
    expected = f"the keywords file {keywords} lacks the columns {missing}"
    assert str(caught.value) == expected
    code = cli.main(
        [
            "prepare",
            "--raw",
            str(good_raw.movies),
            "--keywords",
            str(keywords),
            "--out",
            str(tmp_path / "data"),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err == f"pelibot prepare: could not build the catalog: {expected}\n"


def test_a_pointer_that_is_not_utf8_reads_as_no_catalog_and_a_new_build_replaces_it(
    good_catalog: BuildResult,
    good_raw: RawFiles,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    (data / "CURRENT").write_bytes(b"build-\xff\xfe\n")
    assert layout.current_build_dir(data) is None
    with pytest.raises(CatalogError, match=r"No movie catalog .* Run `pelibot prepare"):
        load_catalog(data)
    assert cli.main(["ask", "--data", str(data), "/mes enero"]) == 1
    assert capsys.readouterr().err.startswith(f"pelibot ask: No movie catalog in {data}/.")

    result = prepare(good_raw, data)
    assert load_catalog(data).build_dir == result.build_dir


@pytest.mark.parametrize("text", ["[]", "42", "null", '"manifest"', "[1, 2]"])
def test_a_manifest_that_is_not_a_json_object_is_refused_cleanly(
    good_catalog: BuildResult,
    good_raw: RawFiles,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
) -> None:
    data = tmp_path / "data"
    (good_catalog.build_dir / "manifest.json").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"no readable manifest.*pelibot prepare"):
        load_catalog(data)
    assert cli.main(["report", "--data", str(data), "--out", str(tmp_path / "report")]) == 1
    assert "no readable manifest" in capsys.readouterr().err

    result = prepare(good_raw, data)  # the damaged build is replaced, its size unknown
    assert load_catalog(data).build_dir == result.build_dir


# The real slice: nothing skipped, nothing absurd.


def test_real_slice_skips_no_lines(real_data_dir: Path) -> None:
    manifest = load_catalog(real_data_dir).manifest
    assert manifest["skipped_lines"] == {"movies": 0, "keywords": 0}
    assert manifest["rows"] == facts.films()  # the fixture less a repeated id and 4 undated
