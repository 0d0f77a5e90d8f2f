"""How many questions about the catalog are answered right, against counts worked out
independently from the raw Kaggle file (pandas and ``ast.literal_eval``, not the project's
cleaning or reader).

    python -m benchmarks.eval_queries --raw ../shared/data/raw/movies_metadata_first4627.csv \
        --data DIR

``DIR`` is a catalog built from the same raw file (``pelibot prepare --raw …``). Each question
is asked as a person would type it; a count must equal the independent one, and every film of a
list must pass the question's filters by the raw data.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from handlers import answers as a
from handlers.router import router_for
from handlers.service import MovieService

Raw = pd.DataFrame
Check = Callable[[Raw], pd.Series]


def load_raw(path: Path) -> Raw:
    """The raw file: valid integer ids, first of each, a parseable release date."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    ids = pd.to_numeric(raw["id"], errors="coerce")
    raw = raw[ids.notna()].assign(id=ids.dropna().astype("int64"))
    raw = raw.drop_duplicates("id")
    raw["date"] = pd.to_datetime(raw["release_date"], errors="coerce", format="%Y-%m-%d")
    raw = raw[raw["date"].notna()].copy()
    raw["year"] = raw["date"].dt.year
    raw["genre_names"] = raw["genres"].map(lambda c: {g["name"] for g in _cells(c)})
    raw["countries"] = raw["production_countries"].map(
        lambda c: {x["iso_3166_1"] for x in _cells(c)}
    )
    raw["minutes"] = pd.to_numeric(raw["runtime"], errors="coerce")
    raw["rating"] = pd.to_numeric(raw["vote_average"], errors="coerce")
    return raw


def _cells(cell: str) -> list[dict[str, str]]:
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return []
    return value if isinstance(value, list) else []


def genre(name: str) -> Check:
    return lambda r: r["genre_names"].map(lambda g: name in g)


def years(first: int, last: int) -> Check:
    return lambda r: r["year"].between(first, last)


def country(iso: str) -> Check:
    return lambda r: r["countries"].map(lambda c: iso in c)


def month(number: int) -> Check:
    return lambda r: r["date"].dt.month == number


def weekday(number: int) -> Check:
    return lambda r: r["date"].dt.day_of_week == number


def language(code: str) -> Check:
    return lambda r: r["original_language"] == code


def runtime_max(minutes: int) -> Check:
    return lambda r: (r["minutes"] > 0) & (r["minutes"] <= minutes)


def rating_above(value: float) -> Check:
    return lambda r: (pd.to_numeric(r["vote_count"], errors="coerce") > 0) & (r["rating"] > value)


QUESTIONS: list[tuple[str, list[Check]]] = [
    ("¿cuántas películas de terror se estrenaron en los 80?", [genre("Horror"), years(1980, 1989)]),
    ("how many horror movies came out in the 80s?", [genre("Horror"), years(1980, 1989)]),
    ("¿cuántas películas se estrenaron en mayo entre 1995 y 1997?", [month(5), years(1995, 1997)]),
    ("¿cuántas películas se produjeron en Francia en 1995?", [country("FR"), years(1995, 1995)]),
    ("cuántas películas se estrenaron un viernes de 1995", [weekday(4), years(1995, 1995)]),
    (
        "cuantas peliculas de ciencia ficcion se estrenaron en diciembre",
        [genre("Science Fiction"), month(12)],
    ),
    ("cuantas comedias francesas hay", [genre("Comedy"), country("FR")]),
    ("how many comedies were released in 1995?", [genre("Comedy"), years(1995, 1995)]),
    ("cuántas películas hay en español", [language("es")]),
    ("how many japanese movies from the 90s", [country("JP"), years(1990, 1999)]),
    ("cuántos westerns antes de 1960", [genre("Western"), years(1800, 1959)]),
    ("cuantas pelis de accion de los 90 hay", [genre("Action"), years(1990, 1999)]),
    ("número de documentales", [genre("Documentary")]),
    ("cuántas películas de animación de los 90", [genre("Animation"), years(1990, 1999)]),
    ("cuantas peliculas italianas de los 60", [country("IT"), years(1960, 1969)]),
    ("how many war movies after 1990", [genre("War"), years(1991, 2100)]),
    ("cuantas pelis de terror cortas hay", [genre("Horror"), runtime_max(90)]),
    ("cuántas comedias con más de 7", [genre("Comedy"), rating_above(7)]),
    ("¿cuántas películas británicas de los 70?", [country("GB"), years(1970, 1979)]),
    (
        "cuantos dramas se estrenaron en enero de 1996",
        [genre("Drama"), month(1), years(1996, 1996)],
    ),
    ("how many thrillers came out on a sunday", [genre("Thriller"), weekday(6)]),
    ("cuántas pelis de misterio en los 40", [genre("Mystery"), years(1940, 1949)]),
    ("cuántas películas familiares de 1998", [genre("Family"), years(1998, 1998)]),
    (
        "cuantas peliculas romanticas en ingles de los 50",
        [genre("Romance"), language("en"), years(1950, 1959)],
    ),
]
LISTS: list[tuple[str, list[Check]]] = [
    ("mejores películas de terror de los 80", [genre("Horror"), years(1980, 1989)]),
    ("top comedias de los 90", [genre("Comedy"), years(1990, 1999)]),
    ("las más taquilleras de 1997", [years(1997, 1997)]),
    ("qué películas salieron en diciembre de 1995", [month(12), years(1995, 1995)]),
    ("peliculas francesas de los 60", [country("FR"), years(1960, 1969)]),
    (
        "pelis de ciencia ficcion de los 70 en ingles",
        [genre("Science Fiction"), years(1970, 1979), language("en")],
    ),
    ("best crime movies between 1970 and 1979", [genre("Crime"), years(1970, 1979)]),
    ("las peores de 2000", [years(2000, 2000)]),
    ("westerns largos", [genre("Western")]),
    ("documentales japoneses", [genre("Documentary"), country("JP")]),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args(argv)
    raw = load_raw(args.raw)
    router = router_for(MovieService.from_data_dir(args.data))
    right = 0
    for text, checks in QUESTIONS:
        mask = pd.Series(True, index=raw.index)
        for check in checks:
            mask &= check(raw)
        expected = int(mask.sum())
        answer = router.answer(text)
        got = answer.count if isinstance(answer, a.SearchAnswer) else None
        ok = got == expected
        right += ok
        print(f"{'ok ' if ok else 'NO '} {expected:6d} {got!s:>6}  {text}")
    by_id = raw.set_index("id")
    lists_ok = 0
    for text, checks in LISTS:
        answer = router.answer(text)
        films = answer.films if isinstance(answer, a.SearchAnswer) else ()
        rows = by_id.loc[[f.movie.id for f in films]]
        mask = pd.Series(True, index=raw.index)
        for check in checks:
            mask &= check(raw)
        total = answer.count if isinstance(answer, a.SearchAnswer) else None
        inside = all(bool(check(rows).all()) for check in checks) and total == int(mask.sum())
        lists_ok += inside
        print(f"{'ok ' if inside else 'NO '} {len(films):6d} films  {text}")
    print(
        f"counts right: {right} of {len(QUESTIONS)}; lists within their filters: "
        f"{lists_ok} of {len(LISTS)}"
    )
    return 0 if right == len(QUESTIONS) and lists_ok == len(LISTS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
