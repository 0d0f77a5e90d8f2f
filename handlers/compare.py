"""Comparisons: which films a message sets side by side, by what measure, and who wins.

"titanic vs jurassic park", "¿qué recaudó más, titanic o jurassic park?", "¿cuál es más larga,
heat o alien?": the measure comes from the table ``MEASURES`` (box office when none is said),
the films from the words between the separators ``vs``, ``o``, ``y``, ``,``….
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handlers import answers as a
from handlers.text import fold

MEASURES: tuple[tuple[str, str], ...] = (
    ("revenue", "recaudo mas|recaudaron mas|gano mas|mas taquillera|taquillera|mas recaudacion"
     "|mas dinero|mas exitosa|earned more|grossed more|made more|more money|box office"
     "|highest grossing|recaudacion|taquilla|gross"),
    ("budget", "mas cara|costo mas|costo|mas presupuesto|presupuesto|more expensive|cost more"
     "|budget|mas costosa"),
    ("return", "mas rentable|rentable|retorno|more profitable|profitable|roi"),
    ("runtime", "mas larga|dura mas|duro mas|larga|longer|longest|duracion|runtime"),
    ("shortest", "mas corta|dura menos|corta|shorter|shortest"),
    ("rating", "mejor valorada|mejor puntuada|mejor nota|mas valorada|mejor|better rated|better"
     "|higher rated|best rated|rating|nota|valoracion|puntuacion"),
    ("votes", "mas votada|mas popular|mas famosa|more popular|more votes|popular|famosa"),
    ("oldest", "mas antigua|mas vieja|antes|primero|older|oldest|first|came out first"),
    ("newest", "mas nueva|mas reciente|reciente|newer|newest|more recent"),
)  # fmt: skip
"""What a comparison measures, and the words that say it."""

CUES = frozenset({"vs", "versus", "contra", "compara", "comparar", "comparame", "compare"})
"""Words that make any message a comparison."""
SEPARATORS = re.compile(r"\s+(?:vs|versus|contra|o|or|y|and|e|u)\s+|\s*,\s*")
_QUESTION = frozenset(
    [
        "que",
        "cual",
        "cuál",
        "quien",
        "which",
        "what",
        "who",
        "is",
        "es",
        "fue",
        "was",
        "la",
        "el",
        "las",
        "los",
        "the",
        "entre",
        "between",
        "de",
        "pelicula",
        "peli",
        "movie",
        "film",
        "peliculas",
        "pelis",
        "movies",
        "films",
        "compara",
        "comparar",
        "comparame",
        "compare",
        "dime",
        "tell",
        "me",
        "mas",
        "more",
    ]
)
"""Words around the films' names that are not part of them."""


def _phrases() -> list[tuple[str, str]]:
    rows = [(p, m) for m, phrases in MEASURES for p in phrases.split("|")]
    return sorted(rows, key=lambda row: -len(row[0]))


_MEASURE_PHRASES = _phrases()


def measure(text: str) -> str | None:
    """The measure a folded message asks for, None when it says none."""
    padded = f" {text} "
    return next((m for p, m in _MEASURE_PHRASES if f" {p} " in padded), None)


def compare_parts(text: str) -> tuple[str, list[str]]:
    """(measure, the names of the films) in a message: "titanic vs jurassic park" → ("revenue",
    ["titanic", "jurassic park"])."""
    folded = fold(text)
    by = measure(folded) or "revenue"
    padded = f" {folded} "
    for phrase, _ in _MEASURE_PHRASES:  # the measure's words are not part of the names
        padded = padded.replace(f" {phrase} ", " , ")
    names = []
    for part in SEPARATORS.split(padded.strip()):
        words = part.split()
        while words and words[0] in _QUESTION:
            words = words[1:]
        while words and words[-1] in _QUESTION:
            words = words[:-1]
        if words:
            names.append(" ".join(words))
    return by, names


def is_comparison(text: str) -> bool:
    """Whether a folded message asks to compare: a cue word, or a measure and a separator."""
    words = set(text.split())
    if words & CUES:
        return True
    return measure(text) is not None and bool(words & {"o", "or", "y", "and", "vs"})


def _value(film: a.FilmAnswer, by: str) -> float | None:
    values: dict[str, float | None] = {
        "revenue": film.revenue or None if "revenue" not in film.doubtful else None,
        "budget": film.budget or None if "budget" not in film.doubtful else None,
        "return": film.ret if not film.doubtful else None,
        "runtime": film.runtime,
        "shortest": -film.runtime if film.runtime else None,
        "rating": film.vote_average,
        "votes": film.vote_count or None,
        "oldest": -film.movie.year,
        "newest": film.movie.year,
    }
    return values[by]


def measured(film: a.FilmAnswer, by: str) -> float | None:
    """The figure ``film`` is compared by (None when unknown), as shown."""
    value = _value(film, by)
    if value is None:
        return None
    return abs(value) if by in ("shortest", "oldest") else value


def winner_of(films: Sequence[a.FilmAnswer], by: str) -> int | None:
    """The film with the highest measure; None when fewer than two are known, or a tie."""
    known = [(v, f.movie.id) for f in films if (v := _value(f, by)) is not None]
    if len(known) < 2:
        return None
    known.sort(reverse=True)
    return None if known[0][0] == known[1][0] else known[0][1]
