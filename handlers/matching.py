"""Turning what people type into one known name — or into a few candidates to ask back about.

``NameIndex`` matches text against a fixed set of values (collections, companies, movies…), each
with a full name and optional aliases (the name without "Collection", an original title…).
Resolution goes from strict to loose: exact full name, exact alias, then rapidfuzz. A match is
accepted only when it is clearly the best; otherwise the best few come back as candidates.

Fuzzy search stays fast on tens of thousands of names by scoring with the (slower, more
forgiving) ``WRatio`` only a short list: names sharing every typed word, plus the best names by
the cheap ``QRatio`` over the whole set.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from handlers.text import fold, fold_glued, key_variants

V = TypeVar("V", bound=Hashable)

ACCEPT_SCORE = 86.0
"""A fuzzy match below this is never taken as fact."""
SUGGEST_SCORE = 60.0
"""Candidates below this are not scored further."""
PLAUSIBLE_SCORE = 75.0
"""Candidates below this are not offered back: "Quest for Fire" (original title "La guerre du
feu") scores 68 for "la guerra de las galaxias", "Leon: The Professional" 60 for "el rey leon"."""
MARGIN = 4.0
"""A rival within this many points of the best makes the match unclear…"""
DOMINANCE = 8.0
"""…unless the best is this many times heavier (e.g. has 8× the movies or votes)."""
SHORTLIST = 400
"""How many names at most are scored with WRatio for one query."""
MIN_FUZZY_QUERY = 2
"""A single typed character matches too much to guess from."""
MIN_FUZZY_KEY = 4
"""Shorter names (codes, abbreviations) only match exactly: fuzzily they match everything."""


_SUBTITLE = re.compile(r"^(?P<head>.+?)\s*(?::|\s[-–]\s)\s*\S")
_INITIALISM = re.compile(r"^(?P<head>(?:[A-Za-z]\.){2,})\s")


@dataclass(frozen=True)
class Match(Generic[V]):
    """The outcome of a lookup: ``value`` when sure, and the ranked ``candidates``."""

    value: V | None
    candidates: tuple[V, ...] = ()
    exact: bool = False  # found by an exact name or alias, not fuzzily
    best_score: float = 0.0


@dataclass(frozen=True)
class Scored(Generic[V]):
    value: V
    score: float
    weight: float


class NameIndex(Generic[V]):
    """Forgiving lookup of values by name.

    ``names`` maps each value to its names: the first is its full name, the rest aliases.
    ``weights`` (e.g. number of movies, votes) break ties and let a far more prominent candidate
    win over a near-equal rival ("paramount" → Paramount Pictures, not Paramount Vantage).
    ``short`` names ("Terminator 2" for "Terminator 2: Judgment Day") only match exactly, when
    no full name or alias does, and answer only when one value has them. ``curated`` aliases
    (hand-checked everyday names: "fox" → Twentieth Century Fox Film Corporation) beat other
    aliases, and a full name unless that one is at least as heavy.
    """

    def __init__(
        self,
        names: Mapping[V, Iterable[str]] | Iterable[tuple[V, Iterable[str]]],
        weights: Mapping[V, float] | None = None,
        short: Mapping[V, Iterable[str]] | None = None,
        curated: Mapping[V, Iterable[str]] | None = None,
    ) -> None:
        """``names`` may be streamed as (value, names) pairs: fewer objects alive at load."""
        self._weights: Mapping[V, float] = weights or {}
        self._short = _keyed(short or {})
        self._curated = _keyed(curated or {})
        # Built directly as compact, long-lived objects (tuples, shared between the tiers where
        # they can be; positions in int arrays rather than lists of Python ints), with no
        # temporary lists: tens of MB less resident memory on 45,000 titles.
        # A key that reaches one value (most do) holds the value itself, not a 1-tuple.
        key_values: dict[str, V | tuple[V, ...]] = {}  # every value a key reaches, in order
        self._alias: dict[str, V | tuple[V, ...]] = {}  # those it reaches through an alias
        for value, value_names in names.items() if isinstance(names, Mapping) else names:
            if isinstance(value, tuple):
                raise TypeError("NameIndex values cannot be tuples")
            for position, name in enumerate(value_names):
                for key in key_variants(name):
                    if not key or value in _values(key_values.get(key, ())):
                        continue
                    key_values[key] = _added(key_values.get(key), value)
                    if position:
                        self._alias[key] = _added(self._alias.get(key), value)
        self._full: dict[str, V | tuple[V, ...]] = {}  # those it reaches through a full name
        for key, values in key_values.items():
            via_alias = self._alias.get(key)
            if via_alias is None:
                self._full[key] = values  # the same object, not a copy
            elif len(_values(via_alias)) == len(_values(values)):
                self._alias[key] = values
            else:
                rest = tuple(v for v in _values(values) if v not in _values(via_alias))
                self._full[key] = rest[0] if len(rest) == 1 else rest
        self._keys: list[str] = [k for k in key_values if len(k) >= MIN_FUZZY_KEY]
        self._key_values: list[V | tuple[V, ...]] = [key_values[k] for k in self._keys]
        del key_values
        self._tokens: dict[str, array[int]] = {}
        for position, key in enumerate(self._keys):
            for token in set(key.split()):
                postings = self._tokens.get(token)
                if postings is None:
                    postings = self._tokens[token] = array("i")
                postings.append(position)

    def weight(self, value: V) -> float:
        return float(self._weights.get(value, 0.0))

    def has_word(self, word: str) -> bool:
        """Whether a name (of ``MIN_FUZZY_KEY`` characters or more) has the folded ``word``."""
        return word in self._tokens

    def words(self) -> list[str]:
        """Every word of those names: a cheap check before a fuzzy lookup is worth its cost."""
        return list(self._tokens)

    def _ranked(self, values: Iterable[V]) -> list[V]:
        return sorted(set(values), key=lambda v: (-self.weight(v), str(v)))

    def exact(self, text: str) -> list[V]:
        """Values whose full name or alias (not short name) folds to ``text``, the preferred first.

        A full-name hit beats alias hits unless an alias hit is far heavier: "paramount" is
        Paramount Pictures (an alias, hundreds of movies) rather than a tiny company that is
        called just "Paramount"; "warner bros" stays Warner Bros., not Warner Bros. Pictures.
        """
        for key in _query_keys(text):
            if hits := self._exact(key, with_short=False)[0]:
                return hits
        return []

    def fully_named(self, text: str) -> list[V]:
        """Values whose full name, not an alias, folds to ``text``: "the coppola company", not
        "coppola"."""
        for key in _query_keys(text):
            if hits := self._ranked(_values(self._full.get(key, ()))):
                return hits
        return []

    def _exact(self, key: str, with_short: bool = True) -> tuple[list[V], bool]:
        """Ranked exact hits and whether the first one is clearly the answer."""
        full = self._ranked(_values(self._full.get(key, ())))
        alias = [v for v in self._ranked(_values(self._alias.get(key, ()))) if v not in full]
        curated = self._ranked(self._curated.get(key, ()))
        if curated and (not full or self.weight(curated[0]) > self.weight(full[0])):
            others = [v for v in (*full, *alias) if v != curated[0]]
            return [curated[0], *others], True
        if with_short and not full and not alias:
            hits = self._ranked(self._short.get(key, ()))
            return hits, len(hits) == 1
        if full and alias and self._dominates(alias[0], full[0]):
            return [alias[0], *full, *alias[1:]], True
        tier = full or alias
        clear = len(tier) == 1 or (len(tier) > 1 and self._dominates(tier[0], tier[1]))
        return full + alias, clear

    def _dominates(self, heavy: V, light: V) -> bool:
        return self.weight(heavy) >= DOMINANCE * max(self.weight(light), 1.0)

    def lookup(self, text: str, limit: int = 5) -> Match[V]:
        """Resolve ``text`` to one value, or return up to ``limit`` candidates."""
        keys = _query_keys(text)
        for key in keys:
            hits, clear = self._exact(key)
            if hits:
                return Match(hits[0] if clear else None, tuple(hits[:limit]), True, 100.0)
        # One fuzzy pass, with punctuation glued when there was some: names carry that variant
        # too, and "e t" would match any name with two short words.
        key = keys[-1] if keys else ""
        if len(key) < MIN_FUZZY_QUERY:
            return Match(None)
        return self._decide(self.fuzzy(key), limit)

    def fuzzy(self, key: str) -> list[Scored[V]]:
        """Fuzzy candidates for a folded ``key``, one entry per value with its best score."""
        shortlist = set(self._sharing_words(key))
        cheap = process.extract(
            key,
            self._keys,
            scorer=fuzz.QRatio,
            processor=None,
            limit=40,
            score_cutoff=SUGGEST_SCORE - 20,
        )
        shortlist.update(position for _, _, position in cheap)
        words = key.split()
        numbers = {w for w in words if w.isdecimal()}
        best: dict[V, float] = {}
        for position in shortlist:
            name = self._keys[position]
            score = fuzz.WRatio(key, name, score_cutoff=SUGGEST_SCORE)
            if score:
                name_words = name.split()
                score *= _coverage(words, name_words)
                if not numbers.issubset(name_words):
                    # "terminator 3" is not Terminator 2, nor "titanic 1950" Titanic (1997)
                    score = min(score, ACCEPT_SCORE - 1)
            if score >= SUGGEST_SCORE:
                for value in _values(self._key_values[position]):
                    best[value] = max(best.get(value, 0.0), score)
        return [Scored(v, s, self.weight(v)) for v, s in best.items()]

    def containing(self, text: str) -> list[V]:
        """Values with a name that holds every word of ``text`` (heaviest first, capped)."""
        values = {v for p in self._sharing_words(fold(text)) for v in _values(self._key_values[p])}
        return self._ranked(values)

    def _sharing_words(self, key: str) -> list[int]:
        """Positions of names that contain every typed word (heaviest first, capped)."""
        postings = sorted((self._tokens.get(t, array("i")) for t in set(key.split())), key=len)
        if not postings or not postings[0]:
            return []
        common = set(postings[0]).intersection(*postings[1:])
        if len(common) <= SHORTLIST:
            return list(common)
        heaviest = sorted(
            common,
            key=lambda p: max(self.weight(v) for v in _values(self._key_values[p])),
            reverse=True,
        )
        return heaviest[:SHORTLIST]

    def _decide(self, scored: list[Scored[V]], limit: int) -> Match[V]:
        if not scored:
            return Match(None)
        ranked = sorted(scored, key=lambda s: (-s.score, -s.weight, str(s.value)))
        top = ranked[0]
        candidates = tuple(s.value for s in ranked[:limit] if s.score >= PLAUSIBLE_SCORE)
        if top.score < ACCEPT_SCORE:
            return Match(None, candidates, best_score=top.score)
        rivals = [
            s
            for s in ranked[1:]
            if s.score > top.score - MARGIN and s.weight * DOMINANCE >= top.weight
        ]
        if rivals:
            return Match(None, candidates, best_score=top.score)
        return Match(top.value, candidates, best_score=top.score)


def _values(entry: V | tuple[V, ...]) -> tuple[V, ...]:
    """The values of a stored entry: a bare value (the usual case) or a tuple of them."""
    return entry if isinstance(entry, tuple) else (entry,)


def _added(entry: V | tuple[V, ...] | None, value: V) -> V | tuple[V, ...]:
    return value if entry is None else (*_values(entry), value)


def _keyed(names: Mapping[V, Iterable[str]]) -> dict[str, tuple[V, ...]]:
    """Folded key (every variant) → the values with such a name."""
    keyed: dict[str, tuple[V, ...]] = {}
    for value, value_names in names.items():
        for key in {k for name in value_names for k in key_variants(name)}:
            keyed[key] = (*keyed.get(key, ()), value)
    return keyed


def _query_keys(text: str) -> list[str]:
    """What is looked up for a typed text: its fold, then with punctuation glued ("e.t." → "et")."""
    folded, glued = fold(text), fold_glued(text)
    return [key for key in dict.fromkeys((folded, glued)) if key]


def title_aliases(title: str) -> list[str]:
    """Shorter names people use for a title: the part before a subtitle ("Terminator 2" of
    "Terminator 2: Judgment Day", "2001" of "2001: A Space Odyssey") and a leading
    initialism ("E.T." of "E.T. the Extra-Terrestrial")."""
    if ":" not in title and " - " not in title and " – " not in title and title[1:2] != ".":
        return []  # the usual case, without running the patterns
    heads = [m["head"] for pattern in (_SUBTITLE, _INITIALISM) if (m := pattern.match(title))]
    whole = fold(title)
    return [head for head in heads if (key := fold(head)) and key != whole]


def _coverage(words: list[str], name_words: list[str]) -> float:
    """Weigh a fuzzy score by the share of typed words found in the name (as prefix or typo).

    WRatio scores 90 for any one shared word when the lengths differ enough, so on its own it
    would take "el rey leon" for "Leon: The Professional". A typo is one edit in a word of four
    letters or more ("juny" → "june"), or closer than "toy" is to "story" (ratio 75): "stroy" →
    "story" is 80.
    """
    found = sum(
        1
        for word in words
        if any(name_word.startswith(word) for name_word in name_words)
        or (
            len(word) >= MIN_FUZZY_KEY
            and any(Levenshtein.distance(word, n, score_cutoff=1) <= 1 for n in name_words)
        )
        or process.extractOne(word, name_words, scorer=fuzz.ratio, score_cutoff=76) is not None
    )
    return 0.5 + 0.5 * found / len(words)
