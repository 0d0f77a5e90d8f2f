"""The questions pelibot answers, over a loaded catalog: the one entry point for every front end."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from data_prep.curated import load_company_aliases
from data_prep.layout import SPANISH_TITLE_COLUMNS
from handlers import answers as a
from handlers.calendar_names import month_index, weekday_index
from handlers.catalog import RUNTIME_COLUMNS, LoadedCatalog, load_catalog
from handlers.commands import Argument, command_name
from handlers.commands import command as command_entry
from handlers.compare import compare_parts, winner_of
from handlers.countries import country_index, display_name, spanish_name
from handlers.doubtful import doubtful_fields
from handlers.films import FilmTable, Synopses
from handlers.matching import (
    ACCEPT_SCORE,
    DOMINANCE,
    PLAUSIBLE_SCORE,
    Match,
    NameIndex,
    title_aliases,
)
from handlers.people import CAST_ON_CARD, PeopleIndex
from handlers.query import Query
from handlers.reader import QueryReader
from handlers.recommender import Recommender
from handlers.search import Searcher
from handlers.stats import GroupStats, compute_stats
from handlers.text import clean_argument, fold, key_variants

GENERIC_WORDS = {
    "franquicia": {
        "collection",
        "coleccion",
        "saga",
        "trilogy",
        "trilogia",
        "series",
        "franchise",
        "the",
    },
    "productora": {
        "pictures",
        "picture",
        "studios",
        "studio",
        "films",
        "film",
        "productions",
        "production",
        "producciones",
        "entertainment",
        "animation",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "co",
        "gmbh",
        "group",
        "international",
        "distribution",
        "media",
        "the",
    },
}
"""Words dropped from names to make aliases: "pixar" finds "Pixar Animation Studios"."""
FILTERED_COMMANDS: dict[str, Argument] = {
    "mes": "month",
    "dia": "weekday",
    "pais": "country",
    "productora": "company",
    "franquicia": "collection",
}
"""Commands whose argument may carry more filters, and the filter their own name sets."""
MOVIE_NIGHT = 4
"""Films a movie-night poll offers."""
RELATIVES = 3
"""Other companies named like the one answered, mentioned beside it ("también: …")."""
RECOMMENDATIONS = 5
"""Films a recommendation answer shows (of the neighbours ``pelibot prepare`` stores)."""

V = TypeVar("V", int, str)

_YEAR_SUFFIX = re.compile(
    r"^(?P<title>.*?)[\s,.-]*(?:\s(?:de|del|en|from|of|in)\s+)?\(?(?P<year>(?:18|19|20)\d\d)\)?$",
    re.IGNORECASE,
)
"""A title and its year: "titanic 1953", "Titanic (1953)", "titanic, 1953", "titanic de 1953"."""
_MONTH_YEAR = re.compile(  # no nested repetition: "enero,,,,,,,,,,,,,,,,,,,,,,,,x" fails fast
    r"^(?P<month>.*?)[\s,./-]*(?:(?:de|del|of|in)[\s,./-]+)?(?P<year>\d{4})$", re.IGNORECASE
)
_YEAR_MONTH = re.compile(r"^(?P<year>\d{4})[\s./-]+(?P<month>\d{1,2})$")


def command_argument(name: str) -> Argument:
    """The kind of argument a command takes."""
    return command_entry(name).argument


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


class _ColumnWeights(Mapping[int, int]):
    """Weights by movie id read from a catalog column: no dict of tens of thousands of ints."""

    def __init__(self, index: pd.Index, values: np.ndarray) -> None:
        self._index = index  # the movie table's, its hash table shared
        self._values = values

    def __getitem__(self, movie_id: int) -> int:
        return int(self._values[self._index.get_loc(movie_id)])

    def __iter__(self) -> Iterator[int]:
        return iter(self._index.tolist())

    def __len__(self) -> int:
        return len(self._index)


class _GroupWeights(Mapping[str, int]):
    """Films per collection or company, read from the statistics: no second dict of them."""

    def __init__(self, groups: Mapping[str, GroupStats]) -> None:
        self._groups = groups

    def __getitem__(self, name: str) -> int:
        return self._groups[name].count

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


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
        # cells read when asked: no Python str per movie, and no copy of the catalog's columns
        self._titles = movies["title"].array
        self._columns = [
            movies[c].to_numpy(np.int64) for c in ("release_year", "budget", "revenue")
        ]
        self._returns = movies["return"].to_numpy(np.float64)
        self._spanish = [movies[c].array for c in SPANISH_TITLE_COLUMNS if c in movies.columns]

    def get(self, movie_id: int, typed: str = "", latin: bool = False) -> _Movie | None:
        """The movie; its Spanish title is the one ``typed`` when it was one of them, else
        Spain's (Latin America's when ``latin``)."""
        position = self.index.get_indexer([movie_id])[0]
        return None if position < 0 else self._at(int(position), typed, latin)

    def is_latin(self, movie: a.MovieRef) -> bool:
        """Does ``movie`` carry its Latin American title, different from Spain's?"""
        position = self.index.get_indexer([movie.id])[0]
        names = self._spanish_names(int(position)) if position >= 0 else []
        return len(names) == 2 and movie.title_es == names[1] != names[0]

    def __getitem__(self, movie_id: int) -> _Movie:
        movie = self.get(movie_id)
        if movie is None:
            raise KeyError(movie_id)
        return movie

    def _at(self, position: int, typed: str = "", latin: bool = False) -> _Movie:
        year, budget, revenue = (int(column[position]) for column in self._columns)
        title = str(self._titles[position])
        ref = a.MovieRef(
            int(self.index[position]),
            title,
            year,
            self._spanish_title(position, title, typed, latin),
        )
        return _Movie(ref, budget, revenue, float(self._returns[position]))

    def _spanish_names(self, position: int) -> list[str]:
        """[Spain's, Latin America's] titles, as far as they are known."""
        return [n for column in self._spanish if isinstance(n := column[position], str) and n]

    def _spanish_title(self, position: int, title: str, typed: str, latin: bool) -> str:
        """The Spanish title typed, else Spain's (Latin America's when ``latin``); "" when it
        is the original title anyway ("Titanic")."""
        names = self._spanish_names(position)
        if not names:
            return ""
        key = f" {fold(typed)} "
        preferred = names[-1] if latin else names[0]
        said = (n for n in names if any(f" {v} " in key for v in key_variants(n)))
        chosen = next(said, preferred)
        return "" if fold(chosen) == fold(title) else chosen


class MovieService:
    """Answers the seven commands from a catalog; every lookup structure is built at load."""

    def __init__(self, catalog: LoadedCatalog) -> None:
        self.catalog = catalog
        movies = catalog.movies
        self.stats = compute_stats(movies)
        years = movies["release_year"]
        self.year_range = (int(years.min()), int(years.max())) if len(years) else (0, 0)
        self._movies = _MovieTable(movies)
        title_columns = [
            movies[c].array
            for c in ("title", "original_title", *SPANISH_TITLE_COLUMNS)
            if c in movies.columns
        ]
        ids = movies["id"].tolist()  # one int object per movie, shared by the maps below
        short: dict[int, list[str]] = {}  # "Terminator 2" of "Terminator 2: Judgment Day"
        for movie_id, *names in zip(ids, *title_columns, strict=True):
            if heads := [head for name in _title_names(*names) for head in title_aliases(name)]:
                short[movie_id] = heads
        titles = (  # streamed, not a dict: fewer objects alive at once while loading
            (movie_id, _title_names(*names))
            for movie_id, *names in zip(ids, *title_columns, strict=True)
        )
        votes = _ColumnWeights(self._movies.index, movies["vote_count"].to_numpy(np.int64))
        self._titles = NameIndex(titles, votes, short)
        del ids, title_columns, short
        self._collections = self._entity_index(
            "franquicia", self.stats.collections, extra=_spanish_member_titles(movies)
        )
        self._company_aliases: dict[str, list[str]] = {}
        for alias in load_company_aliases():
            if alias.company in self.stats.companies:
                self._company_aliases.setdefault(alias.company, []).append(alias.alias)
        self._companies = self._entity_index(
            "productora", self.stats.companies, self._company_aliases
        )
        self._countries = country_index(self.stats.country_names, self.stats.country_counts)
        self._keys = _EntityKeys([*self.stats.collections, *self.stats.companies])
        self.recommender = Recommender.load(catalog, self._movies.index, RECOMMENDATIONS)
        self._film_facts = FilmTable(movies, self._movies.index)
        self._synopses = Synopses(catalog.build_dir, self._movies.index)
        self.searcher = Searcher(movies)
        self.reader = QueryReader(self)
        self._questions: dict[str, Callable[[str], a.Answer]] = {
            "mes": self.month,
            "dia": self.weekday,
            "franquicia": self.collection,
            "pais": self.country,
            "productora": self.company,
            "retorno": self.movie_return,
            "recomendar": self.recommend,
            "pelicula": self.film,
            "buscar": self.search,
            "sinopsis": lambda text: self._film_focus(text, "sinopsis"),
            "trailer": lambda text: self._film_focus(text, "trailer"),
            "donde": lambda text: self._film_focus(text, "donde"),
            "comparar": self.compare,
        }
        self._by_kind: dict[str, NameIndex[Any]] = {
            "month": month_index(),
            "weekday": weekday_index(),  # built now, not on first use
            "collection": self._collections,
            "company": self._companies,
            "country": self._countries,
            "title": self._titles,
        }
        self._votes = movies["vote_count"].to_numpy(np.int64)
        self.people: PeopleIndex | None = PeopleIndex.load(catalog.build_dir)
        """Directors and cast (``handlers.people``); None when the build has no credits."""
        self._questions["director"] = self.director
        self._questions["actor"] = self.actor
        if self.people is not None:
            self.searcher.person_rows = self._person_rows

    @classmethod
    def from_data_dir(cls, data_dir: Path) -> MovieService:
        """Load the catalog in ``data_dir`` (raises ``CatalogError`` when it is missing)."""
        return cls(load_catalog(data_dir, RUNTIME_COLUMNS, compact=True))

    @property
    def movies(self) -> pd.DataFrame:
        return self.catalog.movies

    @staticmethod
    def _entity_index(
        command: str,
        groups: dict[str, GroupStats],
        curated: Mapping[str, list[str]] | None = None,
        extra: Mapping[str, list[str]] | None = None,
    ) -> NameIndex[str]:
        generic = GENERIC_WORDS[command]
        more = extra or {}
        names = ((name, [*_aliases(name, generic), *more.get(name, ())]) for name in groups)
        return NameIndex(names, _GroupWeights(groups), curated=curated)

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
        if not fold(text) and not text.startswith(("#", "~", "?")):
            return a.UsageAnswer(name) if not text else a.NotFoundAnswer(name, text)
        if text.startswith("?"):  # a query's key, from a button: any command shows it
            return self.search(text)
        if name in FILTERED_COMMANDS and (narrowed := self._narrowed(name, text)) is not None:
            return narrowed
        answer = self._questions[name](text)
        if isinstance(answer, a.NotFoundAnswer) and command_argument(name) == "title":
            return replace(answer, years=self.year_range)  # "the catalog ends in 2017"
        return answer

    def _narrowed(self, command: str, text: str) -> a.Answer | None:
        """``/mes mayo 1995-1997``, ``/pais francia 1995``, ``/productora paramount 90s``: the
        command's own name with more filters is counted by the query executor (a month with
        one year stays ``/mes``'s own answer)."""
        if text.startswith(("~", "#", "?")) or not any(ch.isdigit() for ch in text):
            return None
        if self.exact(FILTERED_COMMANDS[command], text):  # "fox 2000", "Pikachu Project 2001"
            return None
        read = self.reader.read(text, explicit=True)
        query = read.query
        filters = query.filters
        own = FILTERED_COMMANDS[command]
        if own not in filters or len(filters) < 2 or query.ignored:
            return None
        one_year = query.year_from is not None and query.year_from == query.year_to
        if command == "mes" and set(filters) == {"month", "year_from", "year_to"} and one_year:
            return None
        return self.run_query(replace(query, intent="count"))

    # -- queries: filters, lists, bests, picks -------------------------------------------------

    def search(self, text: str) -> a.Answer:
        """``/buscar``: a query in words (``terror 80s``) or by its key (``?g11,y1980-1989``)."""
        if text.startswith("?"):
            query = Query.from_key(text, self._keys.get)
            return self.run_query(query) if query else a.NotFoundAnswer("buscar", text)
        read = self.reader.read(text, explicit=True)
        if not read.is_query:
            return a.NotFoundAnswer("buscar", text)
        return self.run_query(read.query)

    def speaks_latin(self, answer: a.Answer) -> bool:
        """Whether ``answer`` names its film by its Latin American title (one was typed)."""
        shown = _first_ref(answer)
        return shown is not None and self._movies.is_latin(shown)

    def in_latin(self, answer: a.Answer) -> a.Answer:
        """``answer`` with Latin America's titles wherever a film has one (a chat where people
        typed them: "Duro de matar" rather than Spain's "La jungla de cristal")."""
        return _with_refs(answer, self._latin_ref)

    def _latin_ref(self, ref: a.MovieRef) -> a.MovieRef:
        movie = self._movies.get(ref.id, latin=True)
        return movie.ref if movie is not None else ref

    def query_from_key(self, key: str) -> Query | None:
        """The query a key stands for (None when stale or forged)."""
        return Query.from_key(key, self._keys.get)

    def query_key(self, query: Query) -> str:
        """The compact key that answers ``query`` again."""
        return query.key(entity_key)

    def _person_rows(self, person_id: int, role: str) -> np.ndarray:
        """The catalog rows of a person's films in ``role``."""
        people = self.people
        ids = people.films_of(person_id, role) if people is not None else []
        rows = self._movies.index.get_indexer(pd.Index(ids, dtype=np.int64))
        return rows[rows >= 0].astype(np.int32)

    def main_role(self, person_id: int) -> str:
        """What a person mostly is: "director" when they directed at least as many films as
        they played in (Tarantino), else "cast" (Tom Hanks)."""
        people = self.people
        if people is None:
            return "cast"
        directed = len(people.films_of(person_id, "director"))
        return (
            "director"
            if directed and directed >= len(people.films_of(person_id, "cast"))
            else "cast"
        )

    def run_query(self, query: Query) -> a.Answer:
        """The answer to ``query``: a count, a page of films, or one film picked."""
        if query.person is not None and query.role is None:
            query = replace(query, role=self.main_role(query.person))  # type: ignore[arg-type]
        key = self.query_key(query)
        person = self.people.person(query.person) if self.people and query.person else None
        names = a.QueryNames(
            self._country_label(query.country) if query.country else "",
            person.name if person else "",
        )
        if query.intent == "vote":
            count, rows = self.searcher.picks(query, MOVIE_NIGHT)
            films = tuple(self._listed(row) for row in rows)
            return a.VoteAnswer(query, count, films, key, names)
        if query.intent == "pick":
            count, row = self.searcher.pick(query)
            film = None
            if row is not None:
                movie = self._movies.get(int(self.searcher.ids[row]))
                film = self._film_of(movie, self._same_title(movie)) if movie else None
            return a.PickAnswer(query, count, film, key, names)
        like = tuple(ref for i in query.like if (ref := self.movie_ref(i)) is not None)
        if query.intent == "count":
            count = self.searcher.count(query)
            return a.SearchAnswer(query, count, count, (), key, names, like)
        result = self.searcher.run(query)
        films = tuple(self._listed(int(row)) for row in result.rows)
        return a.SearchAnswer(query, result.count, result.ranked, films, key, names, like)

    def _listed(self, row: int) -> a.ListedFilm:
        s = self.searcher
        movie = self._movies[int(s.ids[row])]
        votes = int(s.votes[row])
        runtime = float(s.runtime[row])
        return a.ListedFilm(
            movie.ref,
            round(float(s.average[row]), 1) if votes else None,
            votes,
            movie.revenue,
            movie.budget,
            movie.ret if movie.budget > 0 and movie.revenue > 0 else None,
            round(runtime) if runtime > 0 else None,
            float(s.weighted[row]),
        )

    def films_query(self, answer: a.Answer) -> Query | None:
        """The query listing the films an answer counts (its "🎞️ Ver películas")."""
        match answer:
            case a.MonthAnswer(month=month, year=year):
                return Query(month=month, year_from=year, year_to=year)
            case a.WeekdayAnswer(weekday=weekday):
                return Query(weekday=weekday)
            case a.CountryAnswer(iso=iso):
                return Query(country=iso)
            case a.CompanyAnswer(company=name):
                return Query(company=name)
            case a.CollectionAnswer(collection=name):
                return Query(collection=name, order="oldest")
            case a.SearchAnswer(query=query) if query.intent == "count":
                return replace(query, intent="list")
        return None

    def key_for(self, answer: a.Answer) -> str | None:
        """A short argument that answers the same again (for buttons)."""
        match answer:
            case a.MonthAnswer(month=month, year=year):
                return f"{month} {year}" if year else str(month)
            case a.WeekdayAnswer(weekday=weekday):
                return str(weekday + 1)
            case a.CollectionAnswer(collection=name) | a.CompanyAnswer(company=name):
                return entity_key(name)
            case a.CountryAnswer(iso=iso):
                return iso
            case a.ReturnAnswer(movie=movie) | a.RecommendAnswer(movie=movie):
                return movie.key
            case a.FilmAnswer(movie=movie):
                return movie.key
            case a.SearchAnswer(key=key) | a.PickAnswer(key=key):
                return key
            case a.PersonAnswer(person=person):
                return person.key
        return None

    # -- the seven questions ------------------------------------------------------------------

    def month(self, text: str) -> a.Answer:
        month_text, year = _split_year(text)
        found = self._calendar(month_text, month_index(), lambda n: n if 1 <= n <= 12 else None)
        if found.value is None:
            return self._unsure("mes", text, found, _no_name, str)
        if year is None:
            count = self.stats.month_counts[found.value]
        else:
            count = self.stats.year_month_counts.get((year, found.value), 0)
        return a.MonthAnswer(found.value, count, year=year, years=self.year_range)

    def weekday(self, text: str) -> a.Answer:
        # Numbers are ISO weekdays (Monday = 1); answers count from Monday = 0.
        found = self._calendar(text, weekday_index(), lambda n: n - 1 if 1 <= n <= 7 else None)
        if found.value is not None:
            return a.WeekdayAnswer(
                found.value, self.stats.weekday_counts[found.value], years=self.year_range
            )
        return self._unsure("dia", text, found, _no_name, lambda d: str(d + 1))

    def collection(self, text: str) -> a.Answer:
        found = self._entity(text, self._collections)
        if found.value is None:
            return self._unsure(
                "franquicia",
                text,
                found,
                str,
                entity_key,
                count=lambda name: self.stats.collections[name].count,
            )
        stats = self.stats.collections[found.value]
        mean = stats.revenue_total / stats.count if stats.count else 0.0
        return a.CollectionAnswer(
            found.value,
            stats.count,
            stats.revenue_total,
            mean,
            stats.revenue_known,
            doubtful=stats.doubtful,
            films=self._films_in_order(Query(collection=found.value), typed=text),
            name_es=self.saga_name_es(found.value, text),
        )

    def saga_name_es(self, collection: str, typed: str = "") -> str:
        """A saga's Spanish name: "Saga Regreso al futuro" (its first film's Spanish title, the
        one typed when it was: "Saga Volver al futuro"), else its name without "Collection"."""
        first = self._films_in_order(Query(collection=collection), limit=1, typed=typed)
        if first and first[0].title_es:
            return f"Saga {first[0].title_es}"
        words = [w for w in collection.split() if fold(w) not in GENERIC_WORDS["franquicia"]]
        return f"Saga {' '.join(words) or collection}"

    def _films_in_order(
        self, query: Query, limit: int = 40, typed: str = ""
    ) -> tuple[a.MovieRef, ...]:
        """The films that pass ``query``, in release order (a saga's films); Latin America's
        titles when ``typed`` was one of them ("volver al futuro")."""
        rows = np.flatnonzero(self.searcher.mask(query))
        rows = rows[np.argsort(self.searcher.day[rows], kind="stable")][:limit]
        refs = [self._movies.get(int(self.searcher.ids[r]), typed) for r in rows]
        latin = any(m is not None and self._movies.is_latin(m.ref) for m in refs)
        if latin:
            refs = [self._movies.get(int(self.searcher.ids[r]), typed, latin=True) for r in rows]
        return tuple(m.ref for m in refs if m is not None)

    def company(self, text: str) -> a.Answer:
        found = self._weighed(text, self._entity(text, self._companies))
        if found.value is None:
            return self._unsure("productora", text, found, str, entity_key, count=self._films_of)
        stats = self.stats.companies[found.value]
        relatives = tuple(self._company_choice(v) for v in self._relatives(text, found.value))
        return a.CompanyAnswer(
            found.value,
            stats.count,
            stats.revenue_total,
            stats.revenue_known,
            doubtful=stats.doubtful,
            relatives=relatives,
        )

    def _relatives(self, text: str, company: str) -> list[str]:
        """The biggest other companies (2+ films) named like ``company`` or like what was typed:
        their name starts with the typed words, the company's short name or one of its curated
        aliases ("fox" → Fox Searchlight Pictures, Fox 2000 Pictures, 20th Century Fox). A
        company called exactly what was typed comes first, whatever its size."""
        typed = fold(text)
        short = _aliases(company, GENERIC_WORDS["productora"])[1:]
        prefixes = {fold(p) for p in (typed, *short, *self._company_aliases.get(company, ()))}
        found = {
            other
            for prefix in prefixes
            if prefix
            for other in self._companies.containing(prefix)
            if other != company
            and (self._films_of(other) > 1 or fold(other) == typed)
            and (fold(other) + " ").startswith(prefix + " ")
        }
        return sorted(found, key=lambda v: (fold(v) != typed, -self._films_of(v), v))[:RELATIVES]

    def _films_of(self, company: str) -> int:
        return self.stats.companies[company].count

    def _company_choice(self, company: str) -> a.Choice:
        return a.Choice(entity_key(company), company, company, self._films_of(company))

    def _weighed(self, text: str, found: Match[str]) -> Match[str]:
        """Several companies carry the typed name: weigh them with the others whose name holds
        every typed word, by films; the biggest answers only when it clearly dominates."""
        if found.value is not None or not found.exact or text.startswith("~"):
            return found
        pool = sorted(
            {*found.candidates, *self._companies.containing(text)},
            key=lambda v: (-self._films_of(v), v),
        )
        if len(pool) == 1 or self._films_of(pool[0]) >= DOMINANCE * self._films_of(pool[1]):
            return Match(pool[0], tuple(pool[:5]), True, 100.0)
        return Match(None, tuple(pool[:5]), True, 100.0)

    def country(self, text: str) -> a.Answer:
        match = self._countries.lookup(text)
        if match.value is None:
            return self._unsure("pais", text, match, self._country_label, str)
        iso = match.value
        name = display_name(iso, self.stats.country_names)
        return a.CountryAnswer(
            name, iso, self.stats.country_counts.get(iso, 0), country_es=spanish_name(iso, name)
        )

    def movie_return(self, text: str) -> a.Answer:
        return self._about_title(text, "retorno", self._return_of)

    def recommend(self, text: str) -> a.Answer:
        return self._about_title(text, "recomendar", self._recommendations_for)

    def film(self, text: str) -> a.Answer:
        """The film's card."""
        return self._about_title(text, "pelicula", self._film_of)

    @staticmethod
    def _return_of(movie: _Movie, alternatives: tuple[a.MovieRef, ...]) -> a.ReturnAnswer:
        ret = movie.ret if movie.budget > 0 and movie.revenue > 0 else None
        return a.ReturnAnswer(
            movie.ref,
            movie.budget,
            movie.revenue,
            ret,
            alternatives,
            doubtful=doubtful_fields(movie.budget, movie.revenue),
        )

    def _recommendations_for(
        self, movie: _Movie, alternatives: tuple[a.MovieRef, ...]
    ) -> a.RecommendAnswer:
        latin = self._movies.is_latin(movie.ref)  # "volver al futuro" → "Volver al futuro II"
        picks = tuple(
            replace(pick, movie=found.ref)
            if (found := self._movies.get(pick.movie.id, latin=latin))
            else pick
            for pick in self.recommender.recommend(movie.ref.id, RECOMMENDATIONS)
        )  # with their Spanish titles
        return a.RecommendAnswer(movie.ref, picks, alternatives)

    def _film_of(self, movie: _Movie, alternatives: tuple[a.MovieRef, ...]) -> a.FilmAnswer:
        money = self._return_of(movie, alternatives)
        facts = self._film_facts.get(movie.ref.id)
        assert facts is not None  # both tables come from the same catalog
        overview, tagline = self._synopses.get(movie.ref.id)
        people = self.people
        return a.FilmAnswer(
            movie.ref,
            facts.genres,
            facts.runtime,
            facts.vote_average,
            facts.vote_count,
            money.budget,
            money.revenue,
            money.ret,
            facts.collection,
            facts.poster_path,
            facts.imdb_id,
            alternatives,
            money.doubtful,
            overview=overview,
            tagline=tagline,
            collection_es=(
                self.saga_name_es(facts.collection).removeprefix("Saga ")
                if facts.collection
                else ""
            ),
            directors=tuple(people.directors_of(movie.ref.id)) if people else (),
            cast=tuple(people.cast_of(movie.ref.id, CAST_ON_CARD)) if people else (),
        )

    def _film_focus(self, text: str, focus: str) -> a.Answer:
        """The film's card, about one thing asked: its synopsis, its trailer, where to watch it."""

        def answer(movie: _Movie, alternatives: tuple[a.MovieRef, ...]) -> a.Answer:
            return replace(self._film_of(movie, alternatives), focus=focus)

        return self._about_title(text, focus, answer)

    # -- comparisons ----------------------------------------------------------------------------

    def compare(self, text: str) -> a.Answer:
        """Two films or more side by side, and the winner by the measure asked (box office when
        none is): "titanic vs jurassic park", "¿cuál es más larga, heat o alien?"."""
        by, names = compare_parts(text)
        films: list[a.FilmAnswer] = []
        missing: list[str] = []
        for name in names:
            found = self._title(name, "comparar")
            if isinstance(found, _Movie):
                films.append(self._film_of(found, ()))
            else:
                missing.append(name)
        if not films and not missing:
            return a.UsageAnswer("comparar")
        return a.CompareAnswer(tuple(films), by, winner_of(films, by), tuple(missing))

    def splits_into_films(self, text: str) -> bool:
        """Whether ``text`` names two films or more, each for sure (for reading plain words)."""
        _, names = compare_parts(text)
        return len(names) > 1 and all(
            isinstance(self._title(name, "comparar"), _Movie) for name in names
        )

    # -- for reading plain words (handlers.router) ---------------------------------------------

    def exact(self, kind: Argument, text: str) -> list[Any]:
        """Values whose name or alias is exactly ``text`` (folded), the preferred first."""
        if kind == "person":  # person ids, by full name or surname; none without credits
            return self.people.exact(text) if self.people is not None else []
        return self._by_kind[kind].exact(text)

    def fully_named(self, kind: Argument, text: str) -> list[Any]:
        """Values whose full name (not an alias) is exactly ``text`` (folded)."""
        return [] if kind == "person" else self._by_kind[kind].fully_named(text)

    def match(self, kind: Argument, text: str) -> Match[Any]:
        """How ``text`` matches the names of ``kind``, as the questions resolve it: ``value``
        when sure, else ranked candidates (movie ids, names, ISO codes, months, weekdays)."""
        match kind:
            case "month":
                return self._calendar(text, month_index(), lambda n: n if 1 <= n <= 12 else None)
            case "weekday":
                return self._calendar(
                    text, weekday_index(), lambda n: n - 1 if 1 <= n <= 7 else None
                )
            case "collection" | "company":
                return self._entity(text, self._by_kind[kind])
            case "country":
                return self._countries.lookup(text)
            case "person":
                return self.people.lookup(text) if self.people is not None else Match(None)
        if hits := self._titles.exact(text):
            return Match(hits[0], tuple(hits[:5]), True, 100.0)
        if (dated := _YEAR_SUFFIX.match(text)) and fold(dated["title"]):
            found = self._title(text, "pelicula")  # "titanic 1997", "titanik 1997"
            if isinstance(found, _Movie):  # exact only when the title is: not "la de titanic"
                if found.ref.id in self._titles.exact(dated["title"]):
                    return Match(found.ref.id, (found.ref.id,), True, 100.0)
                score = self._titles.lookup(dated["title"]).best_score
                return Match(found.ref.id, (found.ref.id,), False, score)
        return self._titles.lookup(text)

    def has_word(self, kind: Argument, word: str) -> bool:
        """Whether some name of ``kind`` has the folded ``word`` ("crescent" in a company)."""
        return self._by_kind[kind].has_word(word)

    def words(self, kind: Argument) -> list[str]:
        """Every folded word in the names of ``kind``."""
        return self._by_kind[kind].words()

    def prominent(self, kind: Argument, text: str, limit: int = 5) -> list[Any]:
        """Values whose name contains ``text`` (or a close spelling), the weightiest first (most
        films, most votes): what someone typing just "fox" most likely means."""
        scored = self._by_kind[kind].fuzzy(fold(text))
        good = [s for s in scored if s.score >= ACCEPT_SCORE]
        return [s.value for s in sorted(good, key=lambda s: (-s.weight, str(s.value)))[:limit]]

    # -- for inline mode ----------------------------------------------------------------------

    def search_movies(self, text: str, limit: int = 10) -> list[a.MovieRef]:
        """Movies whose title matches ``text``: exact matches first, then the closest ones."""
        text = clean_argument(text)
        if text.startswith("#") and (movie := self._by_key(text)):
            return [movie.ref]
        ids = [*self._titles.exact(text), *self._titles.lookup(text, limit).candidates]
        scored = sorted(self._titles.fuzzy(fold(text)), key=lambda s: (-s.score, -s.weight))
        ids += [s.value for s in scored if s.score >= PLAUSIBLE_SCORE]
        ids = list(dict.fromkeys(ids))
        return [self._movies[i].ref for i in ids[:limit]]

    def movie_card(self, movie_id: int) -> tuple[a.ReturnAnswer, a.RecommendAnswer] | None:
        movie = self._movies.get(movie_id)
        if movie is None:
            return None
        alternatives = self._same_title(movie)
        return self._return_of(movie, alternatives), self._recommendations_for(movie, alternatives)

    def movie_ref(self, movie_id: int) -> a.MovieRef | None:
        movie = self._movies.get(movie_id)
        return None if movie is None else movie.ref

    def film_card(self, movie_id: int) -> a.FilmAnswer | None:
        movie = self._movies.get(movie_id)
        return None if movie is None else self._film_of(movie, self._same_title(movie))

    # -- resolution helpers -------------------------------------------------------------------

    @staticmethod
    def _calendar(
        text: str, index: NameIndex[int], from_number: Callable[[int], int | None]
    ) -> Match[int]:
        """A month or weekday by name, or by number (``from_number`` maps and validates it)."""
        stripped = text.strip()
        if stripped.isdecimal():
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
        command: str,
        text: str,
        match: Match[V],
        label: Callable[[V], str],
        key: Callable[[V], str],
        count: Callable[[V], int] | None = None,
        movie: Callable[[V], a.MovieRef] | None = None,
    ) -> a.Answer:
        """Ask back: ambiguous when candidates are good, else not found with suggestions.

        Candidates with a ``count`` (films of a collection or company) come biggest first."""
        values = list(match.candidates)
        if count is not None:
            values.sort(key=lambda v: -count(v))
        choices = tuple(
            a.Choice(key(v), v, label(v), count(v) if count else None, movie(v) if movie else None)
            for v in values
        )
        if choices and match.best_score >= ACCEPT_SCORE:
            return a.AmbiguousAnswer(command, text, choices)
        return a.NotFoundAnswer(command, text, choices)

    def _by_key(self, text: str) -> _Movie | None:
        """``#597``; ``#562 duro de matar`` also says how the film was typed (its title then
        is the one typed: Latin America's, Spain's)."""
        digits, _, typed = text[1:].strip().partition(" ")
        return self._movies.get(int(digits), typed) if digits.isdecimal() else None

    def _same_title(self, movie: _Movie) -> tuple[a.MovieRef, ...]:
        others = [i for i in self._titles.exact(movie.ref.title) if i != movie.ref.id]
        refs = sorted((self._movies[i].ref for i in others), key=lambda r: r.year)
        return tuple(refs)

    def _about_title(
        self,
        text: str,
        command: str,
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
            return self._typed(self._spelled_so(hits, text), text)
        year_match = _YEAR_SUFFIX.match(text)
        if year_match and fold(year_match["title"]):
            title, year = year_match["title"], int(year_match["year"])
            same = self._titles.exact(title) or list(self._titles.lookup(title).candidates)
            in_year = [i for i in same if self._movies[i].ref.year == year]
            if in_year:
                return self._typed(in_year[0], title)
            if same:
                refs = sorted((self._typed(i, title).ref for i in same), key=lambda r: r.year)
                return a.AmbiguousAnswer(
                    command, text, tuple(a.Choice(r.key, r.id, r.label, movie=r) for r in refs)
                )
        match = self._titles.lookup(text)
        if match.value is not None:
            return self._typed(match.value, text)
        return self._unsure(
            command,
            text,
            match,
            self._movie_label,
            lambda i: f"#{i}",
            movie=lambda i: self._typed(i, text).ref,
        )

    def _spelled_so(self, hits: list[int], text: str) -> int:
        """Of films a title names exactly, the first spelled as typed: "paris angel 2" is the
        film called so, not "Paris Angel: Part II" (whose key says "2" too)."""
        typed = fold(text)
        spelled = (h for h in hits if fold(self._movies[h].ref.title) == typed)
        return next(spelled, hits[0])

    def _typed(self, movie_id: int, typed: str) -> _Movie:
        movie = self._movies.get(movie_id, typed)
        if movie is None:
            raise KeyError(movie_id)
        return movie

    def _movie_label(self, movie_id: int) -> str:
        return self._movies[movie_id].ref.label

    # -- people: directors and cast -----------------------------------------------------------

    def director(self, text: str) -> a.Answer:
        """A director's films, best-known first, with their return (``get_director``)."""
        return self._person_answer(text, "director", "director")

    def actor(self, text: str) -> a.Answer:
        """An actor's films, best-known first, with their return (``get_actor``)."""
        return self._person_answer(text, "actor", "cast")

    def _person_answer(self, text: str, command: str, role: str) -> a.Answer:
        people = self.people
        if people is None:
            return a.NoDataAnswer(command, text)
        found = people.lookup(text, role)
        person = people.person(found.value) if found.value is not None else None
        if person is None:

            def label(person_id: int) -> str:
                ref = people.person(person_id)
                return ref.name if ref else str(person_id)

            return self._unsure(command, text, found, label, lambda i: f"@{i}")
        films = []
        ids = people.films_of(person.id, role)
        for position in self._movies.index.get_indexer(pd.Index(ids)).tolist():
            movie = self._movies._at(position)  # one lookup for all the films
            known = movie.budget > 0 and movie.revenue > 0
            ret = movie.ret if known else None
            votes = int(self._votes[position])
            films.append(a.PersonFilm(movie.ref, movie.budget, movie.revenue, ret, votes))
        total = float(sum(movie.ret or 0.0 for movie in films))
        return a.PersonAnswer(
            person,
            tuple(films),
            return_total=total,
            return_mean=total / len(films) if films else 0.0,
            return_known=sum(f.ret is not None for f in films),
            revenue_total=sum(f.revenue for f in films),
            command=command,
            doubtful=sum(bool(doubtful_fields(f.budget, f.revenue)) for f in films),
        )


def _first_ref(answer: object) -> a.MovieRef | None:
    """The first film an answer names (its own, for a card or money)."""
    for name in ("movie", "film"):
        value = getattr(answer, name, None)
        if isinstance(value, a.MovieRef):
            return value
        if value is not None and isinstance(getattr(value, "movie", None), a.MovieRef):
            return value.movie
    return None


def _with_refs(value: Any, change: Callable[[a.MovieRef], a.MovieRef]) -> Any:
    """``value`` (an answer, and what it holds) with every ``MovieRef`` changed."""
    if isinstance(value, a.MovieRef):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_with_refs(v, change) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: new
            for f in fields(value)
            if (new := _with_refs(old := getattr(value, f.name), change)) is not old
        }
        return replace(value, **changes) if changes else value
    return value


def _title_names(title: object, *others: object) -> list[str]:
    """A film's names for matching: its title first, then its other titles."""
    return [str(title), *(o for o in others if isinstance(o, str) and o)]


def _spanish_member_titles(movies: pd.DataFrame) -> dict[str, list[str]]:
    """Collection → the Spanish titles of its films: "/franquicia el padrino" is The Godfather
    Collection."""
    columns = [movies[c] for c in SPANISH_TITLE_COLUMNS if c in movies.columns]
    titles: dict[str, list[str]] = {}
    if not columns or "collection" not in movies.columns:
        return titles
    curated = movies["collection"].notna() & columns[0].notna()
    for collection, *names in zip(
        movies.loc[curated, "collection"], *(c[curated] for c in columns), strict=True
    ):
        titles.setdefault(str(collection), []).extend(n for n in names if isinstance(n, str))
    return titles


def _split_year(text: str) -> tuple[str, int | None]:
    """``"diciembre 2000"``, ``"diciembre de 2000"``, ``"2000-12"`` → (month text, year)."""
    if match := _YEAR_MONTH.match(text.strip()):
        return match["month"], int(match["year"])
    match = _MONTH_YEAR.match(text.strip())
    if match and fold(match["month"]):
        return match["month"], int(match["year"])
    return text, None


def _no_name(_: int) -> str:
    """Months and weekdays are named by the renderer, in the user's language."""
    return ""
