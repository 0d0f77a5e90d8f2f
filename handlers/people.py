"""Directors, cast and writers of the catalog's films, and finding a person by what is typed.

Built at load from the build's ``people.parquet`` (``data_prep/credits.py``), when the build has
one: ``PeopleIndex.load`` returns None otherwise, and ``MovieService.people`` is then None. The
credits are kept as NumPy columns sorted two ways (by person, by film), so a person's films or a
film's people are a binary search away; names stay in one Arrow array, and the name index holds
hashes, not strings (about 150,000 people at full size).

For reading plain words (``handlers.router``):

* ``lookup(text, role)`` → ``Match`` of person ids: forgiving like every name (accents, case,
  typos, the surname alone: "kubrick", "de niro", "inarritu"); two people who fit about equally
  ("coen") come back as candidates, the best-known first;
* ``films_of(person_id, role)`` → movie ids, best-known first;
* ``directors_of(movie_id)``, ``cast_of(movie_id)`` → ``PersonRef``s in credit order;
* ``person(person_id)`` → ``PersonRef`` (its ``key``, ``@<id>``, answers exactly);
* ``words`` → every folded word of a name (a cheap check before a lookup is worth it).
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from rapidfuzz import fuzz, process

from data_prep import layout
from handlers.answers import PersonRef
from handlers.matching import (
    ACCEPT_SCORE,
    DOMINANCE,
    MARGIN,
    MIN_FUZZY_QUERY,
    PLAUSIBLE_SCORE,
    Match,
)
from handlers.text import fold, fold_glued

ROLES = ("director", "cast", "writer")
"""The ``role`` values of the people table, in the order of its category codes."""
LOADED_ROLES = ("director", "cast")
"""The roles kept in memory (``films_of`` of another role is empty)."""
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

    def __init__(
        self, people: pd.DataFrame | pa.Table, movie_index: pd.Index, votes: np.ndarray
    ) -> None:
        """``people`` is the build's table (a DataFrame, or the Arrow table as read: names then
        stay in Arrow, not one Python string per credit); ``movie_index`` the catalog's movie
        ids (the service's own) and ``votes`` their vote counts, in the same order. Credits of
        films not in the catalog are dropped."""
        table = people if isinstance(people, pa.Table) else pa.Table.from_pandas(people)
        # the rows kept: films of the catalog, and not writers (no answer uses them yet: a
        # quarter of the people); picked by position, so the names are never copied whole
        positions = movie_index.get_indexer(pd.Index(_numbers(table, "movie_id")))
        roles = _role_codes(table.column("role"))
        rows = np.flatnonzero(
            (positions >= 0) & np.isin(roles, [ROLES.index(r) for r in LOADED_ROLES])
        )
        movie_pos = positions[rows].astype(np.int32)
        del positions
        roles = roles[rows]
        self._movie_ids = movie_index
        # persons: sorted ids, one name each (the first spelling met), kept in Arrow
        person_ids, first, person_pos = np.unique(
            _numbers(table, "person_id")[rows], return_index=True, return_inverse=True
        )
        self._person_ids = person_ids.astype(np.int32)
        person_pos = person_pos.astype(np.int32)
        self._names = table.column("name").take(pa.array(rows[first])).combine_chunks()
        order = _numbers(table, "order")[rows]
        del table, rows, first, person_ids
        film_votes = votes[movie_pos].astype(np.float32)
        self._weights = np.bincount(
            person_pos, weights=film_votes, minlength=len(self._names)
        ).astype(np.float32)
        # credits by person (role, then best-known film first) and by film (role, then order),
        # each with the offsets of a person's or a film's rows (CSR)
        by_person = np.lexsort((-film_votes, roles, person_pos))
        self._p_start = _offsets(person_pos, len(self._names))
        self._p_role = roles[by_person]
        small = np.uint16 if len(movie_index) <= 2**16 else np.int32  # as the recommender
        self._p_movie = movie_pos[by_person].astype(small)
        del by_person, film_votes
        by_movie = np.lexsort((order, roles, movie_pos))
        self._m_start = _offsets(movie_pos, len(movie_index))
        self._m_role = roles[by_movie]
        self._m_person = person_pos[by_movie]
        del by_movie, order
        self._index = _PersonNames(self._names.to_pylist(), self._weights)

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
        return cls(table, movie_index, votes)

    def __len__(self) -> int:
        return len(self._person_ids)

    @property
    def words(self) -> list[str]:
        """Every folded word of the people's full names."""
        return self._index.words

    def _position(self, person_id: int) -> int | None:
        if not 0 < person_id < 2**31:
            return None
        at = int(np.searchsorted(self._person_ids, np.int32(person_id)))
        if at < len(self._person_ids) and self._person_ids[at] == person_id:
            return at
        return None

    def _name(self, at: int) -> str:
        return str(self._names[at].as_py())

    def person(self, person_id: int) -> PersonRef | None:
        """The person with this id, or None."""
        at = self._position(person_id)
        return None if at is None else PersonRef(person_id, self._name(at))

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
        rows = slice(int(self._p_start[at]), int(self._p_start[at + 1]))
        chosen = self._p_movie[rows][self._p_role[rows] == ROLES.index(role)]
        return [int(m) for m in self._movie_ids[chosen]]

    def _of_movie(self, movie_id: int, role: str) -> list[PersonRef]:
        position = self._movie_ids.get_indexer(pd.Index([movie_id]))[0]
        if position < 0:
            return []
        rows = slice(int(self._m_start[position]), int(self._m_start[position + 1]))
        chosen = self._m_person[rows][self._m_role[rows] == ROLES.index(role)]
        return [PersonRef(int(self._person_ids[p]), self._name(int(p))) for p in chosen]

    def directors_of(self, movie_id: int) -> list[PersonRef]:
        """The film's directors, in the order of its credits."""
        return self._of_movie(movie_id, "director")

    def cast_of(self, movie_id: int, limit: int = CAST_ON_CARD) -> list[PersonRef]:
        """The film's top-billed cast, by billing order."""
        return self._of_movie(movie_id, "cast")[:limit]

    def exact(self, text: str) -> list[int]:
        """Ids of the people whose full name, else whose surname, is exactly ``text`` (folded),
        the best-known first: "coen" → [Joel Coen, Ethan Coen]."""
        return [int(self._person_ids[p]) for p in self._index.exact(text)]

    def full_name(self, text: str) -> list[int]:
        """Ids of the people whose full name is exactly ``text`` (folded), the best-known
        first: "frances mcdormand", never a surname alone."""
        return [int(self._person_ids[p]) for p in self._index.full_name(text)]

    def lookup(self, text: str, role: str | None = None) -> Match[int]:
        """The person ``text`` names (a name, a surname, a typo, or the key ``@<id>``): ``value``
        when sure, else ranked candidates (best-known first). With ``role``, people without
        films in that role give way to those with: "/director coen" is Joel or Ethan Coen."""
        if key := _KEY.fullmatch(text.strip()):
            person_id = int(key[1])
            return Match(person_id if self._position(person_id) is not None else None)
        at = self._index.lookup(text, limit=10)
        ids = self._person_ids
        found = Match(
            None if at.value is None else int(ids[at.value]),
            tuple(int(ids[c]) for c in at.candidates),
            at.exact,
            at.best_score,
        )
        if role is None:
            return Match(found.value, found.candidates[:5], found.exact, found.best_score)
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


def _offsets(groups: np.ndarray, count: int) -> np.ndarray:
    """Where each group's rows start once sorted by group, and the end: ``count + 1`` values."""
    starts = np.zeros(count + 1, dtype=np.int32)
    np.cumsum(np.bincount(groups, minlength=count), out=starts[1:])
    return starts


def _numbers(table: pa.Table, name: str) -> np.ndarray:
    """An integer column as NumPy, in its own width (int32 ids, int16 orders)."""
    return np.asarray(table.column(name).to_numpy())


def _role_codes(column: pa.ChunkedArray) -> np.ndarray:
    """The role column as codes of ``ROLES``, whatever its type in the file."""
    values = column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column
    codes = pc.index_in(values, value_set=pa.array(ROLES))
    return np.asarray(codes.fill_null(-1).to_numpy(), dtype=np.int8)


TYPO_PEOPLE = 40_000
"""Typos are forgiven in the names of this many best-known people (their films' votes); the
others are found by their exact name or surname. Words of 150,000 names would cost megabytes
for people nobody misspells."""


def _best_known(weights: np.ndarray, count: int) -> np.ndarray:
    """Which positions are among the ``count`` weightiest."""
    if len(weights) <= count:
        return np.ones(len(weights), bool)
    threshold = np.partition(weights, len(weights) - count)[len(weights) - count]
    return weights >= threshold


def _name_keys(name: str) -> list[str]:
    """A name folded as typed: "Peter O'Toole" → "peter o toole", "peter otoole"."""
    return [key for key in dict.fromkeys((fold(name), fold_glued(name))) if key]


class _PersonNames:
    """Person positions by name, compactly: 64-bit hashes of every folded way a name is typed
    (full name; surname, with its particle) in sorted NumPy arrays, and the folded words of all
    full names for typos: each typed word they lack is replaced by its closest ones (rapidfuzz)
    and the names so spelled are looked up exactly. No Python string per name is kept.

    The hashes are Python's own, computed in this process; two keys sharing one is a 2⁻⁶⁴
    chance per pair.
    """

    def __init__(self, names: list[str], weights: np.ndarray) -> None:
        # compact buffers while building: no Python int per key
        hashes, owners, alias = array("q"), array("i"), bytearray()
        words: set[str] = set()
        known = _best_known(weights, TYPO_PEOPLE)
        for position, name in enumerate(names):
            for key in _name_keys(name):
                hashes.append(hash(key))
                owners.append(position)
                alias.append(0)
                if known[position]:
                    words.update(key.split())
            for surname in surname_aliases(name):
                for key in _name_keys(surname):
                    hashes.append(hash(key))
                    owners.append(position)
                    alias.append(1)
        keys = np.frombuffer(hashes, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._hashes = keys[order]
        self._owners = np.frombuffer(owners, dtype=np.int32)[order]
        self._alias = np.frombuffer(alias, dtype=np.bool_)[order]
        self._weights = weights
        self.words = sorted(words)  # searched by bisection: no second set of them

    def _hits(self, key: str) -> tuple[list[int], list[int]]:
        """Positions whose full name, and those whose surname, is ``key``."""
        digest = np.int64(hash(key))
        lo = int(np.searchsorted(self._hashes, digest, side="left"))
        hi = int(np.searchsorted(self._hashes, digest, side="right"))
        owners, alias = self._owners[lo:hi], self._alias[lo:hi]
        full = list(dict.fromkeys(int(o) for o in owners[~alias]))
        surname = [o for o in dict.fromkeys(int(o) for o in owners[alias]) if o not in full]
        return full, surname

    def _ranked(self, positions: list[int]) -> list[int]:
        return sorted(positions, key=lambda p: (-self._weights[p], p))

    def _clear(self, ranked: list[int]) -> bool:
        return len(ranked) == 1 or (
            len(ranked) > 1
            and self._weights[ranked[0]] >= DOMINANCE * max(self._weights[ranked[1]], 1.0)
        )

    def exact(self, text: str) -> list[int]:
        """Positions whose full name, else whose surname, is ``text``, the weightiest first."""
        for key in _name_keys(text):
            full, surname = self._hits(key)
            if full or surname:
                return self._ranked(full) or self._ranked(surname)
        return []

    def full_name(self, text: str) -> list[int]:
        """Positions whose full name is ``text``, the weightiest first."""
        return self._ranked(
            list(dict.fromkeys(p for key in _name_keys(text) for p in self._hits(key)[0]))
        )

    def lookup(self, text: str, limit: int = 5) -> Match[int]:
        """The person (position) ``text`` names: exact full name, then surname, then typos."""
        keys = _name_keys(text)
        for key in keys:
            full, surname = self._hits(key)
            if full or surname:
                ranked = self._ranked(full) or self._ranked(surname)
                rest = self._ranked(surname) if full else []
                value = ranked[0] if self._clear(ranked) else None
                return Match(value, tuple([*ranked, *rest][:limit]), True, 100.0)
        if not keys or len(keys[0]) < MIN_FUZZY_QUERY:
            return Match(None)
        return self._typos(keys[0], limit)

    def _typos(self, key: str, limit: int) -> Match[int]:
        """Names spelled with the closest known words: "tom hnaks" → Tom Hanks."""
        options: list[list[tuple[str, float]]] = []
        for word in key.split()[:4]:
            at = bisect_left(self.words, word)
            if at < len(self.words) and self.words[at] == word:
                options.append([(word, 100.0)])
                continue
            close = process.extract(
                word, self.words, scorer=fuzz.ratio, limit=3, score_cutoff=PLAUSIBLE_SCORE
            )
            options.append([(w, float(score)) for w, score, _ in close])
        scores: dict[int, float] = {}
        if options and all(options):
            for combination in itertools.islice(itertools.product(*options), 27):
                score = sum(s for _, s in combination) / len(combination)
                full, surname = self._hits(" ".join(w for w, _ in combination))
                for position in full or surname:
                    scores[position] = max(scores.get(position, 0.0), score)
        if not scores:
            return Match(None)
        ranked = sorted(scores, key=lambda p: (-scores[p], -self._weights[p], p))
        best = scores[ranked[0]]
        candidates = tuple(p for p in ranked[:limit] if scores[p] >= PLAUSIBLE_SCORE)
        rivals = [
            p
            for p in ranked[1:]
            if scores[p] > best - MARGIN
            and self._weights[p] * DOMINANCE >= self._weights[ranked[0]]
        ]
        value = ranked[0] if best >= ACCEPT_SCORE and not rivals else None
        return Match(value, candidates, False, best)
