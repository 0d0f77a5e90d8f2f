"""The committed real-data fixture (tests/data/): raw Kaggle format, and what its script writes."""

from __future__ import annotations

import gzip
from pathlib import Path

from data_prep.clean import RAW_COLUMNS
from tests.data import KEYWORDS, MOVIES, read_rows
from tests.data.make_fixture import make_fixture, read_records


def test_fixture_has_the_raw_columns_and_keywords_only_of_its_films() -> None:
    header = gzip.decompress(MOVIES.read_bytes()).split(b"\n", 1)[0].decode()
    assert header.split(",") == list(RAW_COLUMNS)
    movie_ids = {row["id"] for row in read_rows(MOVIES)}
    keyword_ids = {row["id"] for row in read_rows(KEYWORDS)}
    assert keyword_ids <= movie_ids
    assert 600 <= len(movie_ids) <= 900


def test_records_keep_their_exact_bytes() -> None:
    data = b'id,overview\r\n1,"two\nlines"\n2,"a ""quote"", comma"\n3,\n'
    header, records = read_records(data)
    assert header == b"id,overview\r\n"
    assert [r.raw for r in records] == [b'1,"two\nlines"\n', b'2,"a ""quote"", comma"\n', b"3,\n"]
    assert [r.fields["overview"] for r in records] == ["two\nlines", 'a "quote", comma', ""]


def test_the_committed_fixture_is_what_the_script_writes(
    full_slice_csv: Path, full_keywords_csv: Path, tmp_path: Path
) -> None:
    """Rows verbatim from the shared files, and the files up to date with the script."""
    assert full_keywords_csv.parent == full_slice_csv.parent
    counts = make_fixture(full_slice_csv.parent, tmp_path)
    for committed in (MOVIES, KEYWORDS):
        written = gzip.decompress((tmp_path / committed.name).read_bytes())
        assert written == gzip.decompress(committed.read_bytes()), committed.name
    assert (counts["movie rows"], counts["movie ids"]) == (737, 736)


def test_fixture_stays_small() -> None:
    assert MOVIES.stat().st_size + KEYWORDS.stat().st_size < 500_000
