"""Directors and cast of the catalog's films, and finding a person by what is typed.

Read from the build's people files (``data_prep/people.py``: worked out once by ``pelibot
prepare``), when the build has them: ``PeopleIndex.load`` returns None otherwise, and
``MovieService.people`` is then None. Both files are memory-mapped: a person's films and a film's
people are a binary search and a slice away, and only the pages a question touches are read
(about 150,000 people at full size). The name index is built at load from a plain read of the
names, so that building it leaves the mapped pages on disk; it holds hashes, not strings.

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
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
from rapidfuzz import fuzz, process

from data_prep import layout
from data_prep.credits import ROLES
from data_prep.people import FILMS_SCHEMA, PERSONS_SCHEMA
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

CAST_ON_CARD = 4
"""Cast members a film card names."""
PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du", "st", "dos"}
)
"""Words that belong to the surname after them: "de niro", "van damme", "del toro"."""
_KEY = re.compile(r"@(\d{1,10})")
_PARTICLE = re.compile(rf"\b({'|'.join(sorted(PARTICLES))}) (?=\w)")
_NAME_FIELDS = [PERSONS_SCHEMA.get_field_index(name) for name in ("name", "weight")]


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
    """The people of a build: credits by person and by film, and a name index."""

    def __init__(
        self, persons: pa.RecordBatch, films: pa.RecordBatch, names: pa.RecordBatch | None = None
    ) -> None:
        """``persons`` and ``films`` are the build's tables (``data_prep.people``), kept as they
        are: memory-mapped when ``load`` read them. The name index is built from ``names`` (the
        ``name`` and ``weight`` columns read apart, not mapped), else from ``persons``."""
        self._person_ids = _numbers(persons.column("person_id"))
        self._names = persons.column("name")
        self._p_start, self._p_movie = _list_arrays(persons.column("movie_ids"))
        self._p_role = _list_arrays(persons.column("roles"))[1]
        self._film_ids = _numbers(films.column("movie_id"))
        self._m_start, self._m_person = _list_arrays(films.column("people"))
        self._m_role = _list_arrays(films.column("roles"))[1]
        plain = persons if names is None else names
        # touched whole by the name index, and read for every ranking: a copy of its own
        self._weights = _numbers(plain.column("weight")).copy()
        self._index = _PersonNames(_strings(plain.column("name")), self._weights)

    @classmethod
    def load(cls, build_dir: Path) -> PeopleIndex | None:
        """The people of a build, memory-mapped; None when it has none (built without
        ``credits.csv``) or its files cannot be read."""
        persons_path = build_dir / layout.PEOPLE_FILE
        films_path = build_dir / layout.FILM_PEOPLE_FILE
        if not (persons_path.is_file() and films_path.is_file()):
            return None
        try:
            persons = _mapped(persons_path, PERSONS_SCHEMA)
            films = _mapped(films_path, FILMS_SCHEMA)
            options = pa.ipc.IpcReadOptions(included_fields=_NAME_FIELDS)
            with pa.OSFile(str(persons_path)) as source:  # read, not mapped: see the class
                names = _one_batch(pa.ipc.open_file(source, options=options))
            return cls(persons, films, names)
        except (OSError, ValueError, pa.ArrowException):
            return None

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
        """Movie ids of the films where the person has ``role`` (director, cast; writers are
        not served, so their films are none), best-known (most voted) first."""
        at = self._position(person_id)
        if at is None:
            return []
        rows = slice(int(self._p_start[at]), int(self._p_start[at + 1]))
        return self._p_movie[rows][self._p_role[rows] == ROLES.index(role)].tolist()

    def _of_movie(self, movie_id: int, role: str) -> list[PersonRef]:
        if not 0 < movie_id < 2**31:
            return []
        at = int(np.searchsorted(self._film_ids, np.int32(movie_id)))
        if at == len(self._film_ids) or self._film_ids[at] != movie_id:
            return []
        rows = slice(int(self._m_start[at]), int(self._m_start[at + 1]))
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
        if named := self._namesakes_in(text, role):  # "/director david king": of all the
            return named  # David Kings, the one who directed
        fits = [c for c in found.candidates if self.films_of(c, role)]
        if found.value is not None and found.value in fits:
            return Match(found.value, tuple(fits[:5]), found.exact, found.best_score)
        if fits and found.exact:
            return self._first_if_clear(fits, found.best_score)
        if found.value is not None:  # the one person meant, who has no such films: say so
            return Match(found.value, (found.value,), found.exact, found.best_score)
        shown = fits or list(found.candidates)  # "/actor coen": the Coens, who say they direct
        return Match(None, tuple(shown[:5]), found.exact, found.best_score)

    def _namesakes_in(self, text: str, role: str) -> Match[int] | None:
        """Of the people whose full name is ``text``, those with films in ``role``: the one,
        or the best-known when far better known, else the candidates; None when no one of
        that name has such films (or no one has that name)."""
        fits = [p for p in self.full_name(text) if self.films_of(p, role)]
        return self._first_if_clear(fits, 100.0) if fits else None

    def _first_if_clear(self, fits: list[int], score: float) -> Match[int]:
        """An exact match among ``fits`` (best-known first): the first when it is the only one
        or far better known than the next, else all of them as candidates."""
        clear = len(fits) == 1 or self.weight(fits[0]) >= DOMINANCE * max(self.weight(fits[1]), 1.0)
        return Match(fits[0] if clear else None, tuple(fits[:5]), True, score)


def _mapped(path: Path, schema: pa.Schema) -> pa.RecordBatch:
    """The table in the Arrow file at ``path``, memory-mapped (nothing is read yet); ValueError
    when it is not of ``schema``."""
    reader = pa.ipc.open_file(pa.memory_map(str(path)))
    if not reader.schema.equals(schema):
        raise ValueError(f"{path} is not a table of {schema.names}")
    return _one_batch(reader)


def _one_batch(reader: pa.ipc.RecordBatchFileReader) -> pa.RecordBatch:
    """A file's table as one record batch: its own when written as one (no copy)."""
    batches = reader.read_all().combine_chunks().to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=reader.schema)


def _numbers(array: pa.Array) -> np.ndarray:
    """A column without nulls as NumPy, over the same memory."""
    return array.to_numpy(zero_copy_only=True)


def _list_arrays(column: pa.ListArray) -> tuple[np.ndarray, np.ndarray]:
    """A list column as (offsets, values): row ``i``'s items are ``values[offsets[i]:offsets[i +
    1]]``."""
    return _numbers(column.offsets), _numbers(column.values)


def _strings(column: pa.StringArray, step: int = 8192) -> Iterator[str]:
    """The strings of an Arrow column, a slice at a time: no list of them all at once."""
    for start in range(0, len(column), step):
        yield from column.slice(start, step).to_pylist()


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
    """A name folded as typed: "Peter O'Toole" → "peter o toole", "peter otoole"; a particle
    glued to its surname too: "Robert De Niro" → "robert deniro"."""
    folded = fold(name)
    glued = _PARTICLE.sub(r"\1", folded)
    return [key for key in dict.fromkeys((folded, fold_glued(name), glued)) if key]


class _PersonNames:
    """Person positions by name, compactly: 64-bit hashes of every folded way a name is typed
    (full name; surname, with its particle) in sorted NumPy arrays, and the folded words of all
    full names for typos: each typed word they lack is replaced by its closest ones (rapidfuzz)
    and the names so spelled are looked up exactly. No Python string per name is kept.

    The hashes are Python's own, computed in this process; two keys sharing one is a 2⁻⁶⁴
    chance per pair.
    """

    def __init__(self, names: Iterable[str], weights: np.ndarray) -> None:
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
