"""Directors, cast and writers of the catalog's films, and finding a person by what is typed.

Built at load from the build's ``people.parquet`` (``data_prep/credits.py``), when the build has
one: ``PeopleIndex.load`` returns None otherwise, and ``MovieService.people`` is then None. The
credits are kept as NumPy columns sorted two ways (by person, by film), so a person's films or a
film's people are a binary search away, with no Python object per credit.

For reading plain words (``handlers.router``):

* ``lookup(text, role)`` → ``Match`` of person ids: forgiving like every name (accents, case,
  typos, the surname alone: "kubrick", "de niro", "inarritu"); two people who fit about equally
  ("coen") come back as candidates, the best-known first;
* ``films_of(person_id, role)`` → movie ids, best-known first;
* ``directors_of(movie_id)``, ``cast_of(movie_id)`` → ``PersonRef``s in credit order;
* ``person(person_id)`` → ``PersonRef`` (its ``key``, ``@<id>``, answers exactly).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from data_prep import layout
from handlers.answers import PersonRef
from handlers.matching import DOMINANCE, Match, NameIndex
from handlers.text import fold

ROLES = ("director", "cast", "writer")
"""The ``role`` values of the people table, in the order of its category codes."""
CAST_ON_CARD = 4
"""Cast members a film card names."""
PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du", "st", "dos"}
)
"""Words that belong to the surname after them: "de niro", "van damme", "del toro"."""
_KEY = re.compile(r"@(\d{1,10})")


def surname_aliases(name: str) -> list[str]:
    """The names a person is asked for by: "Robert De Niro" → ["De Niro", "Niro"], "Alejandro
    González Iñárritu" → ["González Iñárritu", "Iñárritu"], "Stanley Kubrick" → ["Kubrick"]."""
    words = name.split()
    if len(words) < 2:
        return []
    aliases = [words[-1]]
    if len(words) >= 3 or fold(words[-2]) in PARTICLES:
        aliases.insert(0, " ".join(words[-2:]))
    return aliases


class PeopleIndex:
    """The people table of a build: credits by person and by film, and a name index."""

    def __init__(self, people: pd.DataFrame, movie_index: pd.Index, votes: np.ndarray) -> None:
        """``people`` is the build's table; ``movie_index`` the catalog's movie ids (the service's
        own) and ``votes`` their vote counts, in the same order. Credits of films not in the
        catalog are dropped."""
        movies = people["movie_id"].to_numpy(np.int64)
        positions = movie_index.get_indexer(pd.Index(movies))
        keep = positions >= 0
        movie_pos = positions[keep].astype(np.int32)
        person_ids = people["person_id"].to_numpy(np.int64)[keep]
        roles = _role_codes(people["role"])[keep]
        order = people["order"].to_numpy(np.int16)[keep]
        names = people["name"].to_numpy(object)[keep]
        self._movie_ids = movie_index
        self._votes = votes
        # persons: sorted ids, one name each (the first spelling met)
        self._person_ids, first, person_pos = np.unique(
            person_ids, return_index=True, return_inverse=True
        )
        self._names: list[str] = [str(n) for n in names[first]]
        film_votes = votes[movie_pos].astype(np.float64)
        self._weights = np.bincount(person_pos, weights=film_votes, minlength=len(first))
        # credits by person (role, then best-known film first) and by film (role, then order)
        by_person = np.lexsort((-film_votes, roles, person_pos))
        self._p_person = person_pos[by_person].astype(np.int32)
        self._p_role = roles[by_person]
        self._p_movie = movie_pos[by_person]
        by_movie = np.lexsort((order, roles, movie_pos))
        self._m_movie = movie_pos[by_movie]
        self._m_role = roles[by_movie]
        self._m_person = person_pos[by_movie].astype(np.int32)
        self._index: NameIndex[int] = NameIndex(self._names_of(), _Weights(self))

    @classmethod
    def load(cls, build_dir: Path, movie_index: pd.Index, votes: np.ndarray) -> PeopleIndex | None:
        """The people of a build, or None when it has no people table (built without
        ``credits.csv``) or the table cannot be read."""
        path = build_dir / layout.PEOPLE_FILE
        if not path.is_file():
            return None
        try:
            table = pq.ParquetFile(path, memory_map=True).read()
        except (OSError, ValueError, pa.ArrowException):
            return None
        return cls(table.to_pandas(), movie_index, votes)

    def _names_of(self) -> Iterator[tuple[int, list[str]]]:
        for person_id, name in zip(self._person_ids.tolist(), self._names, strict=True):
            yield person_id, [name, *surname_aliases(name)]

    def __len__(self) -> int:
        return len(self._person_ids)

    def _position(self, person_id: int) -> int | None:
        at = int(np.searchsorted(self._person_ids, person_id))
        if at < len(self._person_ids) and self._person_ids[at] == person_id:
            return at
        return None

    def person(self, person_id: int) -> PersonRef | None:
        """The person with this id, or None."""
        at = self._position(person_id)
        return None if at is None else PersonRef(person_id, self._names[at])

    def weight(self, person_id: int) -> float:
        """How well-known a person is: the votes of all their films."""
        at = self._position(person_id)
        return 0.0 if at is None else float(self._weights[at])

    def films_of(self, person_id: int, role: str) -> list[int]:
        """Movie ids of the films where the person has ``role`` (director, cast, writer),
        best-known (most voted) first."""
        at = self._position(person_id)
        if at is None:
            return []
        lo, hi = np.searchsorted(self._p_person, [at, at + 1])
        code = ROLES.index(role)
        rows = slice(int(lo), int(hi))
        chosen = self._p_movie[rows][self._p_role[rows] == code]
        return [int(m) for m in self._movie_ids[chosen]]

    def _of_movie(self, movie_id: int, role: str) -> list[PersonRef]:
        position = self._movie_ids.get_indexer(pd.Index([movie_id]))[0]
        if position < 0:
            return []
        lo, hi = np.searchsorted(self._m_movie, [position, position + 1])
        rows = slice(int(lo), int(hi))
        chosen = self._m_person[rows][self._m_role[rows] == ROLES.index(role)]
        return [PersonRef(int(self._person_ids[p]), self._names[p]) for p in chosen]

    def directors_of(self, movie_id: int) -> list[PersonRef]:
        """The film's directors, in the order of its credits."""
        return self._of_movie(movie_id, "director")

    def cast_of(self, movie_id: int, limit: int = CAST_ON_CARD) -> list[PersonRef]:
        """The film's top-billed cast, by billing order."""
        return self._of_movie(movie_id, "cast")[:limit]

    def lookup(self, text: str, role: str | None = None) -> Match[int]:
        """The person ``text`` names (a name, a surname, a typo, or the key ``@<id>``): ``value``
        when sure, else ranked candidates (best-known first). With ``role``, people without
        films in that role give way to those with: "/director coen" is Joel or Ethan Coen."""
        if key := _KEY.fullmatch(text.strip()):
            person_id = int(key[1])
            return Match(person_id if self._position(person_id) is not None else None)
        found = self._index.lookup(text, limit=10)
        if role is None:
            return _first(found, 5)
        fits = [c for c in found.candidates if self.films_of(c, role)]
        if found.value is not None and found.value in fits:
            return Match(found.value, tuple(fits[:5]), found.exact, found.best_score)
        if fits and found.exact:
            clear = len(fits) == 1 or self.weight(fits[0]) >= DOMINANCE * max(
                self.weight(fits[1]), 1.0
            )
            if clear:
                return Match(fits[0], tuple(fits[:5]), True, found.best_score)
        if found.value is not None:  # the one person meant, who has no such films: say so
            return Match(found.value, (found.value,), found.exact, found.best_score)
        return Match(None, tuple(fits[:5]), found.exact, found.best_score)


class _Weights(Mapping[int, float]):
    """Person id → weight, read from the index's arrays (no dict of 100,000 floats)."""

    def __init__(self, people: PeopleIndex) -> None:
        self._people = people

    def __getitem__(self, person_id: int) -> float:
        at = self._people._position(person_id)
        if at is None:
            raise KeyError(person_id)
        return float(self._people._weights[at])

    def __iter__(self) -> Iterator[int]:
        return iter(self._people._person_ids.tolist())

    def __len__(self) -> int:
        return len(self._people)


def _first(found: Match[int], limit: int) -> Match[int]:
    return Match(found.value, found.candidates[:limit], found.exact, found.best_score)


def _role_codes(column: pd.Series) -> np.ndarray:
    """The role column as codes of ``ROLES``, whatever its dtype in the file."""
    if isinstance(column.dtype, pd.CategoricalDtype) and list(column.cat.categories) == list(ROLES):
        return column.cat.codes.to_numpy(np.int8)
    mapping = {role: code for code, role in enumerate(ROLES)}
    return column.astype("str").map(mapping).fillna(-1).to_numpy(np.int8)
