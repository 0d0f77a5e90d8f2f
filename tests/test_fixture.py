"""The committed real-data fixture (tests/data/): raw Kaggle format, and what its script writes."""

from __future__ import annotations

import gzip
from pathlib import Path

from data_prep.clean import RAW_COLUMNS
from data_prep.curated import load_spanish_titles
from tests import names_table
from tests.data import KEYWORDS, MOVIES, facts, read_rows
from tests.data.make_fixture import WHOLE_COMPANY, company_families, make_fixture, read_records


def test_fixture_has_the_raw_columns_and_keywords_only_of_its_films() -> None:
    header = gzip.decompress(MOVIES.read_bytes()).split(b"\n", 1)[0].decode()
    assert header.split(",") == list(RAW_COLUMNS)
    movie_ids = {row["id"] for row in read_rows(MOVIES)}
    keyword_ids = {row["id"] for row in read_rows(KEYWORDS)}
    assert keyword_ids <= movie_ids
    assert 1_500 <= len(movie_ids) <= 2_000


def test_records_keep_their_exact_bytes() -> None:
    data = b'id,overview\r\n1,"two\nlines"\n2,"a ""quote"", comma"\n3,\n'
    header, records = read_records(data)
    assert header == b"id,overview\r\n"
    assert [r.raw for r in records] == [b'1,"two\nlines"\n', b'2,"a ""quote"", comma"\n', b"3,\n"]
    assert [r.fields["overview"] for r in records] == ["two\nlines", 'a "quote", comma', ""]


def test_the_committed_fixture_is_what_the_script_writes(
    full_slice_csv: Path, full_keywords_csv: Path, tmp_path: Path
) -> None:
    """Rows verbatim from the shared files, the files up to date with the script, and the
    slice's facts the fixture promises to keep."""
    assert full_keywords_csv.parent == full_slice_csv.parent
    counts = make_fixture(full_slice_csv.parent, tmp_path)
    for committed in (MOVIES, KEYWORDS):
        written = gzip.decompress((tmp_path / committed.name).read_bytes())
        assert written == gzip.decompress(committed.read_bytes()), committed.name
    assert (counts["movie rows"], counts["movie ids"]) == (1703, 1702)
    # and it keeps what the tests rely on (checked here, where the slice is at hand)
    _keeps_the_order_of_studios_by_films(full_slice_csv)
    _keeps_every_film_of_a_spanish_title(full_slice_csv)


def test_fixture_stays_small() -> None:
    assert MOVIES.stat().st_size + KEYWORDS.stat().st_size < 700_000


def test_fixture_holds_the_films_the_tests_name() -> None:
    rows = read_rows(MOVIES)
    ids = {int(row["id"]) for row in rows}
    named = {v for _, v in names_table.TITLES + names_table.ASKED_BACK if isinstance(v, int)}
    assert named <= ids
    by_title = {(row["title"], row["release_date"][:4]) for row in rows}
    assert {"Angela's Ashes", "Modern Times", "Alien³", "Friday"} <= {t for t, _ in by_title}


def _keeps_the_order_of_studios_by_films(full_slice_csv: Path) -> None:
    """Within each studio's family of spellings, more films in the slice is more in the fixture;
    a studio of at most WHOLE_COMPANY films has all of them."""
    in_slice, kept = facts.company_films(full_slice_csv), facts.company_films(MOVIES)
    families = company_families(in_slice)
    assert {
        "Lionsgate",
        "Studio Canal",
        "Columbia Pictures Corporation",
        "20th Century Fox",
        "Fox Searchlight Pictures",
    } <= set().union(*families.values())
    for family in families.values():
        for big in family:
            assert all(
                kept[big] > kept[small] for small in family if in_slice[big] > in_slice[small]
            ), big
            if in_slice[big] <= WHOLE_COMPANY:
                assert kept[big] == in_slice[big], big
    pairs = [
        ("Lions Gate Films", "Lionsgate"),
        ("StudioCanal", "Studio Canal"),
        ("Columbia Pictures", "Columbia Pictures Corporation"),
        ("Walt Disney Pictures", "Walt Disney Productions"),
    ]
    for big, small in pairs:
        assert in_slice[big] > in_slice[small] and kept[big] > kept[small] > 0


def _keeps_every_film_of_a_spanish_title(full_slice_csv: Path) -> None:
    curated = {(t.title, str(t.year)) for t in load_spanish_titles()}

    def matched(path: Path) -> set[str]:
        return {
            r["id"] for r in facts.kept_rows(path) if (r["title"], r["release_date"][:4]) in curated
        }

    assert len(matched(full_slice_csv)) == 546
    assert matched(full_slice_csv) == matched(MOVIES)
