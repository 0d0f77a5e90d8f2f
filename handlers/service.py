"""The questions pelibot answers, over a loaded catalog: the one entry point for every front end."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from handlers import answers as a
from handlers.calendar_names import month_index, weekday_index
from handlers.catalog import RUNTIME_COLUMNS, LoadedCatalog, load_catalog
from handlers.commands import command_name
from handlers.countries import country_index, display_name, spanish_name
from handlers.matching import ACCEPT_SCORE, Match, NameIndex
from handlers.recommender import Recommender
from handlers.stats import GroupStats, compute_stats
from handlers.text import clean_argument, fold

GENERIC_WORDS = {
    "franquicia": {"collection", "coleccion", "saga", "trilogy", "trilogia", "series",
                   "franchise", "the"},
    "productora": {"pictures", "picture", "studios", "studio", "films", "film", "productions",
                   "production", "producciones", "entertainment", "animation", "company",
                   "corporation", "corp", "inc", "ltd", "llc", "co", "gmbh", "group",
                   "international", "distribution", "media", "the"},
}  # fmt: skip
"""Words dropped from names to make aliases: "pixar" finds "Pixar Animation Studios"."""

V = TypeVar("V", int, str)

_YEAR_SUFFIX = re.compile(r"^(?P<title>.*?)[\s,.-]*\(?(?P<year>(?:18|19|20)\d\d)\)?$")


def entity_key(name: str) -> str:
    """A short stable key for a collection or company name (fits in callback data)."""
    return "~" + hashlib.blake2b(name.encode("utf-8"), digest_size=5).hexdigest()


def _aliases(name: str, generic: set[str]) -> list[str]:
    words = [w for w in fold(name).split() if w not in generic]
    alias = " ".join(words)
    return [name, alias] if alias else [name]


_ENTITY_KEY = re.compile(r"~[0-9a-f]{10}")


class _EntityKeys:
    """Collection and company names by ``entity_key``: two arrays, not a dict of tens of
    thousands of strings. The first name with a key wins, as with ``dict.setdefault``."""

    def __init__(self, names: list[str]) -> None:
        digests = np.fromiter((int(entity_key(n)[1:], 16) for n in names), np.uint64, len(names))
        self._order = np.argsort(digests, kind="stable")
        self._sorted = digests[self._order]
        self._names = names

    def get(self, key: str) -> str | None:
        if not _ENTITY_KEY.fullmatch(key):
            return None
        digest = np.uint64(int(key[1:], 16))
        at = int(np.searchsorted(self._sorted, digest))
        if at < len(self._sorted) and self._sorted[at] == digest:
            return self._names[int(self._order[at])]
        return None


@dataclass(frozen=True)
class _Movie:
    ref: a.MovieRef
    budget: int
    revenue: int
    ret: float


class _MovieTable:
    """Movies by id, kept as column arrays: no Python object per movie until one is asked for."""

    def __init__(self, movies: pd.DataFrame) -> None:
        self.index = pd.Index(movies["id"].to_numpy(np.int64))  # shared with the recommender
        self._titles = movies["title"].array  # a str made when asked, not one per movie
        # the catalog's own column arrays (views, not copies)
        self._columns = [movies[c].to_numpy(np.int64) for c in ("release_year", "budget",
                                                               "revenue")]
        self._returns = movies["return"].to_numpy(np.float64)

    def get(self, movie_id: int) -> _Movie | None:
        position = self.index.get_indexer([movie_id])[0]
        return None if position < 0 else self._at(int(position))

    def __getitem__(self, movie_id: int) -> _Movie:
        movie = self.get(movie_id)
        if movie is None:
            raise KeyError(movie_id)
        return movie

    def _at(self, position: int) -> _Movie:
        year, budget, revenue = (int(column[position]) for column in self._columns)
        ref = a.MovieRef(int(self.index[position]), str(self._titles[position]), year)
        return _Movie(ref, budget, revenue, float(self._returns[position]))


class MovieService:
    """Answers the seven commands from a catalog; every lookup structure is built at load."""

    def __init__(self, catalog: LoadedCatalog) -> None:
        self.catalog = catalog
        movies = catalog.movies
        self.stats = compute_stats(movies)
        years = movies["release_year"]
        self.year_range = (int(years.min()), int(years.max())) if len(years) else (0, 0)
        self._movies = _MovieTable(movies)
        ids = movies["id"].tolist()  # one int object per movie, shared by both tables below
        titles = (  # streamed, not a dict: fewer objects alive at once while loading
            (i, [str(t), str(o)] if isinstance(o, str) and o else [str(t)])
            for i, t, o in zip(ids, movies["title"], movies["original_title"], strict=True)
        )
        # vote counts as ints: most are small, and small ints are shared objects in Python
        votes = dict(zip(ids, movies["vote_count"].tolist(), strict=True))
        self._titles = NameIndex(titles, votes)
        self._collections = self._entity_index("franquicia", self.stats.collections)
        self._companies = self._entity_index("productora", self.stats.companies)
        self._countries = country_index(self.stats.country_names, self.stats.country_counts)
        self._keys = _EntityKeys([*self.stats.collections, *self.stats.companies])
        self.recommender = Recommender.load(catalog, self._movies.index)
        self._questions: dict[str, Callable[[str], a.Answer]] = {
            "mes": self.month, "dia": self.weekday, "franquicia": self.collection,
            "pais": self.country, "productora": self.company, "retorno": self.movie_return,
            "recomendar": self.recommend,
        }  # fmt: skip
        month_index(), weekday_index()  # build the cached name tables now, not on first use

    @classmethod
    def from_data_dir(cls, data_dir: Path) -> MovieService:
        """Load the catalog in ``data_dir`` (raises ``CatalogError`` when it is missing)."""
        return cls(load_catalog(data_dir, RUNTIME_COLUMNS, compact=True))

    @property
    def movies(self) -> pd.DataFrame:
        return self.catalog.movies

    @staticmethod
    def _entity_index(command: str, groups: dict[str, GroupStats]) -> NameIndex[str]:
        generic = GENERIC_WORDS[command]
        names = ((name, _aliases(name, generic)) for name in groups)  # streamed, as titles
        weights = {name: stats.count for name, stats in groups.items()}  # small ints: shared
        return NameIndex(names, weights)

    # -- entry points -------------------------------------------------------------------------

    def ask(self, text: str) -> a.Answer:
        """Answer a whole line such as ``"/mes enero"`` (the leading slash is optional)."""
        command, _, argument = clean_argument(text).partition(" ")
        return self.answer(command, argument)

    def answer(self, command: str, argument: str) -> a.Answer:
        """Answer ``command`` (Spanish or English name) for what the user typed after it."""
        name = command_name(command)
        if name is None:
            return a.UnknownCommandAnswer(clean_argument(command)[:40])
        text = clean_argument(argument)
        if not fold(text) and not text.startswith(("#", "~")):
            return a.UsageAnswer(name) if not text else a.NotFoundAnswer(name, text)
        return self._questions[name](text)

    def key_for(self, answer: a.Answer) -> str | None:
        """A short argument that answers the same again (for buttons)."""
        match answer:
            case a.MonthAnswer(month=month):
                return str(month)
            case a.WeekdayAnswer(weekday=weekday):
                return str(weekday + 1)
            case a.CollectionAnswer(collection=name) | a.CompanyAnswer(company=name):
                return entity_key(name)
            case a.CountryAnswer(iso=iso):
                return iso
            case a.ReturnAnswer(movie=movie) | a.RecommendAnswer(movie=movie):
                return movie.key
        return None

    # -- the seven questions ------------------------------------------------------------------

    def month(self, text: str) -> a.Answer:
        found = self._calendar(text, month_index(), lambda n: n if 1 <= n <= 12 else None)
        if found.value is not None:
            return a.MonthAnswer(found.value, self.stats.month_counts[found.value])
        return self._unsure("mes", text, found, _no_name, str)

    def weekday(self, text: str) -> a.Answer:
        # Numbers are ISO weekdays (Monday = 1); answers count from Monday = 0.
        found = self._calendar(text, weekday_index(), lambda n: n - 1 if 1 <= n <= 7 else None)
        if found.value is not None:
            return a.WeekdayAnswer(found.value, self.stats.weekday_counts[found.value])
        return self._unsure("dia", text, found, _no_name, lambda d: str(d + 1))

    def collection(self, text: str) -> a.Answer:
        found = self._entity(text, self._collections)
        if found.value is None:
            return self._unsure("franquicia", text, found, str, entity_key)
        stats = self.stats.collections[found.value]
        mean = stats.revenue_total / stats.count if stats.count else 0.0
        return a.CollectionAnswer(found.value, stats.count, stats.revenue_total, mean,
                                  stats.revenue_known)

    def company(self, text: str) -> a.Answer:
        found = self._entity(text, self._companies)
        if found.value is None:
            return self._unsure("productora", text, found, str, entity_key)
        stats = self.stats.companies[found.value]
        return a.CompanyAnswer(found.value, stats.count, stats.revenue_total, stats.revenue_known)

    def country(self, text: str) -> a.Answer:
        match = self._countries.lookup(text)
        if match.value is None:
            return self._unsure("pais", text, match, self._country_label, str)
        iso = match.value
        name = display_name(iso, self.stats.country_names)
        return a.CountryAnswer(name, iso, self.stats.country_counts.get(iso, 0),
                               country_es=spanish_name(iso, name))

    def movie_return(self, text: str) -> a.Answer:
        return self._about_title(text, "retorno", self._return_of)

    def recommend(self, text: str) -> a.Answer:
        return self._about_title(text, "recomendar", self._recommendations_for)

    @staticmethod
    def _return_of(movie: _Movie, alternatives: tuple[a.MovieRef, ...]) -> a.ReturnAnswer:
        ret = movie.ret if movie.budget > 0 and movie.revenue > 0 else None
        return a.ReturnAnswer(movie.ref, movie.budget, movie.revenue, ret, alternatives)

    def _recommendations_for(
        self, movie: _Movie, alternatives: tuple[a.MovieRef, ...]
    ) -> a.RecommendAnswer:
        picks = self.recommender.recommend(movie.ref.id, 5)
        return a.RecommendAnswer(movie.ref, picks, alternatives)

    # -- for inline mode ----------------------------------------------------------------------

    def search_movies(self, text: str, limit: int = 10) -> list[a.MovieRef]:
        """Movies whose title matches ``text``: exact matches first, then the closest ones."""
        text = clean_argument(text)
        if text.startswith("#") and (movie := self._by_key(text)):
            return [movie.ref]
        ids = list(self._titles.exact(text))
        scored = sorted(self._titles.fuzzy(fold(text)), key=lambda s: (-s.score, -s.weight))
        ids += [s.value for s in scored if s.value not in ids]
        return [self._movies[i].ref for i in ids[:limit]]

    def movie_card(self, movie_id: int) -> tuple[a.ReturnAnswer, a.RecommendAnswer] | None:
        movie = self._movies.get(movie_id)
        if movie is None:
            return None
        alternatives = self._same_title(movie)
        return self._return_of(movie, alternatives), self._recommendations_for(movie, alternatives)

    # -- resolution helpers -------------------------------------------------------------------

    @staticmethod
    def _calendar(
        text: str, index: NameIndex[int], from_number: Callable[[int], int | None]
    ) -> Match[int]:
        """A month or weekday by name, or by number (``from_number`` maps and validates it)."""
        stripped = text.strip()
        if stripped.isdecimal():  # not isdigit: "²" is a digit that int() refuses
            return Match(from_number(int(stripped)) if len(stripped) <= 2 else None)
        return index.lookup(text)

    def _country_label(self, iso: str) -> str:
        return display_name(iso, self.stats.country_names)

    def _entity(self, text: str, index: NameIndex[str]) -> Match[str]:
        if text.startswith("~"):
            name = self._keys.get(text.split()[0])
            return Match(name if name is not None and index.exact(name) else None)
        return index.lookup(text)

    @staticmethod
    def _unsure(
        command: str, text: str, match: Match[V], label: Callable[[V], str],
        key: Callable[[V], str],
    ) -> a.Answer:
        """Ask back: ambiguous when candidates are good, else not found with suggestions."""
        choices = tuple(a.Choice(key(v), v, label(v)) for v in match.candidates)
        if choices and match.best_score >= ACCEPT_SCORE:
            return a.AmbiguousAnswer(command, text, choices)
        return a.NotFoundAnswer(command, text, choices)

    def _by_key(self, text: str) -> _Movie | None:
        digits = text[1:].strip()
        usable = digits.isdecimal() and len(digits) <= 18  # fits an int64 movie id
        return self._movies.get(int(digits)) if usable else None

    def _same_title(self, movie: _Movie) -> tuple[a.MovieRef, ...]:
        others = [i for i in self._titles.exact(movie.ref.title) if i != movie.ref.id]
        refs = sorted((self._movies[i].ref for i in others), key=lambda r: r.year)
        return tuple(refs)

    def _about_title(
        self, text: str, command: str,
        answer: Callable[[_Movie, tuple[a.MovieRef, ...]], a.Answer],
    ) -> a.Answer:
        """``answer`` about the film ``text`` names (with the others of its title), or ask back."""
        found = self._title(text, command)
        return answer(found, self._same_title(found)) if isinstance(found, _Movie) else found

    def _title(self, text: str, command: str) -> _Movie | a.Answer:
        """Resolve a title, a title with its year, or a ``#id`` key; else the answer asking back."""
        if text.startswith("#"):
            return self._by_key(text) or a.NotFoundAnswer(command, text)
        if hits := self._titles.exact(text):
            return self._movies[hits[0]]
        year_match = _YEAR_SUFFIX.match(text)
        if year_match and fold(year_match["title"]):
            title, year = year_match["title"], int(year_match["year"])
            same = self._titles.exact(title) or list(self._titles.lookup(title).candidates)
            in_year = [i for i in same if self._movies[i].ref.year == year]
            if in_year:
                return self._movies[in_year[0]]
            if same:
                refs = sorted((self._movies[i].ref for i in same), key=lambda r: r.year)
                return a.AmbiguousAnswer(command, text, tuple(a.Choice(r.key, r.id, r.label)
                                                              for r in refs))
        match = self._titles.lookup(text)
        if match.value is not None:
            return self._movies[match.value]
        return self._unsure(command, text, match, self._movie_label, lambda i: f"#{i}")

    def _movie_label(self, movie_id: int) -> str:
        return self._movies[movie_id].ref.label


def _no_name(_: int) -> str:
    """Months and weekdays are named by the renderer, in the user's language."""
    return ""
