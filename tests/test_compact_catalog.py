"""The bot loads the catalog compactly (Arrow list columns, compact lookup structures); it must
answer exactly as the plain pandas layout does."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd

from bot.charts import chart_png
from bot.render import to_json
from handlers.catalog import RUNTIME_COLUMNS, load_catalog
from handlers.service import MovieService
from handlers.stats import compute_stats

QUERIES = [
    "/mes enero",
    "/dia sábado",
    "/franquicia toy story",
    "/franquicia star",
    "/pais reino unido",
    "/pais corea",
    "/productora pixar",
    "/productora paramaunt studioz",
    "/retorno titanic",
    "/retorno titanic 1953",
    "/retorno toy stroy",
    "/recomendar toy story",
    "/recomendar heat",
    "/retorno zzzz qqq",
    "/productora warner",
]


def test_compact_and_plain_layouts_answer_alike(real_data_dir: Path) -> None:
    plain = load_catalog(real_data_dir, RUNTIME_COLUMNS)
    compact = load_catalog(real_data_dir, RUNTIME_COLUMNS, compact=True)
    assert isinstance(compact.movies["genres"].dtype, pd.ArrowDtype)
    assert not isinstance(plain.movies["genres"].dtype, pd.ArrowDtype)
    plain_stats, compact_stats = compute_stats(plain.movies), compute_stats(compact.movies)
    for field in fields(plain_stats):
        ours, theirs = getattr(plain_stats, field.name), getattr(compact_stats, field.name)
        if isinstance(ours, pd.DataFrame):
            pd.testing.assert_frame_equal(ours, theirs, check_index_type=False)
        else:
            assert ours == theirs, field.name
    one, other = MovieService(plain), MovieService(compact)
    for query in QUERIES:
        for lang in ("es", "en"):
            assert to_json(one.ask(query), lang) == to_json(other.ask(query), lang), query
    for query in ("/productora pixar", "/pais reino unido", "/franquicia toy story"):
        answer = one.ask(query)
        assert chart_png(plain.movies, plain_stats, answer) == chart_png(
            compact.movies, compact_stats, answer
        ), query
