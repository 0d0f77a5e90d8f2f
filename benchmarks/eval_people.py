"""How well the bot answers about people (who directed a film, who is in it, an actor's or a
director's films), against answers worked out independently from the raw Kaggle files: pandas
and ``ast.literal_eval`` over ``movies_metadata.csv`` and ``credits.csv``, never the project's
own reading of them.

    python -m benchmarks.eval_people [--raw-dir DIR] [--seed N] [--limit N] [--data DIR] [--json]

``--raw-dir`` holds ``movies_metadata.csv`` and ``credits.csv`` (either may be gzipped, and a
``keywords.csv`` is used when there): the built-in sample by default, or a folder written by
``python -m benchmarks.synthetic``. The catalog is built from it with ``pelibot prepare`` in a
temporary folder (or ``--data``: one already built from the same files) and loaded as the bot
loads it. Each question is typed as people type it and answered as ``pelibot ask`` answers it,
in a fresh conversation; the answer object is judged right, wrong, asked back (did you mean,
which one) or an honest miss. Wrong answers about another film, person or thing are counted
apart: there must be none. Directors are the crew whose job is "Director", the cast the first 10
billed by ``order``, and the first row of a repeated id wins, as documented for the catalog.
Exit status 1 when any answer is confidently wrong.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from unidecode import unidecode

import data_prep
from bot.console import Conversation
from handlers import answers as a
from handlers.service import MovieService

SAMPLE_DIR = Path(data_prep.__file__).resolve().parent / "sample"
TOP_CAST = 10
"""Cast members the catalog keeps per film, by billing order (README, "Directors and cast")."""
CAST_SHOWN = 3
"""A card naming fewer cast members than this (or than the film has) is short of its cast."""
TYPO_MIN_LETTERS = 7
"""Surnames at least this long get one typo in the "one typo" variant."""
NOT_SURNAMES = frozenset({"jr", "sr", "ii", "iii", "iv"})

KINDS = {
    "directors": "directors of a film",
    "cast": "cast of a film",
    "actor": "films of an actor",
    "director": "films of a director",
}
FILM_TEMPLATES = {
    "directors": (
        "¿quién dirigió {}?",
        "quien dirigio {}",
        "who directed {}",
        "director de {}",
        "¿Quién es el director de {}?",
        "¿quién dirigió la película {}?",
        "who was the director of {}",
        "{} director",
        "me dices quien dirigio {}",
        "kien dirigio {}",
    ),
    "cast": (
        "¿quién sale en {}?",
        "reparto de {}",
        "who is in {}",
        "cast of {}",
        "¿Qué actores salen en {}?",
        "elenco de {}",
        "protagonistas de {}",
        "who starred in {}",
        "{} cast",
        "quien sale en la peli {}",
    ),
}
PERSON_TEMPLATES: dict[str, tuple[tuple[str, bool], ...]] = {
    # (template, whether it says the role: the others are only asked of people with one role)
    "actor": (
        ("películas de {}", False),
        ("pelis con {}", True),
        ("en qué películas sale {}", True),
        ("movies with {}", True),
        ("/actor {}", True),
        ("¿En cuántas películas ha actuado {}?", True),
        ("How many films has {} appeared in?", True),
        ("filmografía de {}", False),
        ("movies starring {}", True),
        ("what films has {} been in", True),
        ("películas donde sale {}", True),
        ("{} movies", False),
    ),
    "director": (
        ("películas dirigidas por {}", True),
        ("¿cuántas películas dirigió {}?", True),
        ("/director {}", True),
        ("films by {}", False),
        ("¿Qué películas ha dirigido {}?", True),
        ("What movies did {} direct?", True),
        ("movies directed by {}", True),
        ("pelis de {}", False),
    ),
}
ROLE_OF = {"actor": "cast", "director": "director"}
TITLE_VARIANTS = ("as typed", "lower case", "no accents")
NAME_VARIANTS = ("as typed", "lower case", "no accents", "surname only", "one typo")
NAMESAKE = "namesake, role said"
"""A name someone else has too, asked with the role only one of them has."""
VERDICTS = ("right", "wrong", "asked back", "honest miss")
ASKED_BACK = (a.AmbiguousAnswer, a.ClarifyAnswer)
MISSES = (
    a.NotUnderstoodAnswer,
    a.NoDataAnswer,
    a.UsageAnswer,
    a.UnknownCommandAnswer,
    a.NotFoundAnswer,
)


# -- folding, independently of handlers.text --------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no accents, words of letters and digits only: "O'Toole" → "o toole"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).split())


def plain(text: str) -> str:
    """As typed without accents: lower case, punctuation kept ("peter o'toole")."""
    return unidecode(text).lower()


# -- the truth, from the raw files ------------------------------------------------------------


@dataclass
class Truth:
    """Directors and top-billed cast per catalog film, and each person's films by role."""

    directors: dict[int, list[int]] = field(default_factory=dict)
    cast: dict[int, list[int]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    films: dict[str, dict[int, set[int]]] = field(
        default_factory=lambda: {"director": {}, "cast": {}}
    )
    unreadable: Counter[str] = field(default_factory=Counter)

    def roles_of(self, person: int) -> set[str]:
        return {role for role, films in self.films.items() if films.get(person)}


def optional_file(folder: Path, stem: str) -> Path | None:
    """``folder/stem.csv`` or ``folder/stem.csv.gz``, when there is one."""
    for suffix in (".csv", ".csv.gz"):
        if (folder / f"{stem}{suffix}").is_file():
            return folder / f"{stem}{suffix}"
    return None


def raw_file(folder: Path, stem: str) -> Path:
    """``folder/stem.csv`` or ``folder/stem.csv.gz``; exits when there is neither."""
    path = optional_file(folder, stem)
    if path is None:
        raise SystemExit(f"{folder} has no {stem}.csv (nor {stem}.csv.gz)")
    return path


def _ids(column: pd.Series) -> pd.Series:
    """Integer ids, NaN where the text is none."""
    return pd.to_numeric(column.str.strip().str.removesuffix(".0"), errors="coerce")


def raw_movie_ids(path: Path) -> set[int]:
    """The integer ids of the raw movies file."""
    raw = pd.read_csv(path, usecols=["id"], dtype=str, keep_default_na=False)
    return {int(i) for i in _ids(raw["id"]).dropna()}


def _items(cell: str) -> list[dict[str, Any]] | None:
    """A credits cell as its list of dicts; None when it is not one."""
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return None
    return value


def _person(item: dict[str, Any]) -> tuple[int, str] | None:
    person, name = item.get("id"), item.get("name")
    if not isinstance(person, int) or not 0 < person < 2**31:
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return person, name.strip()


def _unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(ids))


def top_cast(items: list[dict[str, Any]], names: dict[int, str]) -> list[int]:
    """The first ``TOP_CAST`` billed, by ``order``; records the names met."""
    billed = []
    for position, item in enumerate(items):
        person = _person(item)
        if person is not None:
            order = item.get("order")
            billed.append((order if isinstance(order, int) else position, person))
    billed.sort(key=lambda credit: credit[0])
    for _, (person_id, name) in billed[:TOP_CAST]:
        names.setdefault(person_id, name)
    return _unique(person_id for _, (person_id, _) in billed[:TOP_CAST])


def directors(items: list[dict[str, Any]], names: dict[int, str]) -> list[int]:
    """The crew whose job is "Director", in the cell's order; records the names met."""
    found = []
    for item in items:
        person = _person(item)
        if person is not None and item.get("job") == "Director":
            names.setdefault(*person)
            found.append(person[0])
    return _unique(found)


def read_truth(path: Path, catalog: set[int]) -> Truth:
    """Directors and cast of the catalog's films, by the first row of each id."""
    raw = pd.read_csv(path, usecols=["cast", "crew", "id"], dtype=str, keep_default_na=False)
    raw = raw.assign(id=_ids(raw["id"])).dropna(subset=["id"])
    raw = raw.drop_duplicates("id", keep="first")
    raw = raw[raw["id"].isin(catalog)]
    truth = Truth()
    for cast_cell, crew_cell, movie in zip(raw["cast"], raw["crew"], raw["id"], strict=True):
        movie_id = int(movie)
        cast_items, crew_items = _items(cast_cell.strip()), _items(crew_cell.strip())
        if cast_items is None:
            truth.unreadable["cast"] += 1
        else:
            truth.cast[movie_id] = top_cast(cast_items, truth.names)
        if crew_items is None:
            truth.unreadable["crew"] += 1
        else:
            truth.directors[movie_id] = directors(crew_items, truth.names)
    for role, table in (("cast", truth.cast), ("director", truth.directors)):
        for movie_id, people in table.items():
            for person in people:
                truth.films[role].setdefault(person, set()).add(movie_id)
    return truth


# -- the catalog: its films and titles ---------------------------------------------------------


@dataclass(frozen=True)
class Film:
    id: int
    title: str
    year: int


def build(raw_dir: Path, out: Path) -> str:
    """Build the catalog of ``raw_dir`` into ``out`` with ``pelibot prepare``; its people line."""
    command = [sys.executable, "-m", "bot.cli", "prepare", "--out", str(out), "--force"]
    command += ["--raw", str(raw_file(raw_dir, "movies_metadata"))]
    command += ["--credits", str(raw_file(raw_dir, "credits"))]
    keywords = optional_file(raw_dir, "keywords")
    if keywords is not None:
        command += ["--keywords", str(keywords)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PELIBOT_")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pelibot prepare failed:\n{done.stdout}{done.stderr}")
    lines = [line.strip() for line in done.stdout.splitlines()]
    return next((line for line in lines if line.startswith("People")), "")


def catalog_films(data: Path) -> tuple[dict[int, Film], dict[str, set[int]]]:
    """The built catalog's films, and the films each folded name stands for (title, original
    title and Spanish titles)."""
    build_dir = data / (data / "CURRENT").read_text(encoding="utf-8").strip()
    table = pd.read_parquet(build_dir / "catalog.parquet")
    films = {
        int(i): Film(int(i), str(t), int(y))
        for i, t, y in zip(table["id"], table["title"], table["release_year"], strict=True)
    }
    named: dict[str, set[int]] = {}
    for column in ("title", "original_title", "es_es", "es_419"):
        if column not in table.columns:
            continue
        for movie_id, name in zip(table["id"], table[column], strict=True):
            if isinstance(name, str) and fold(name):
                named.setdefault(fold(name), set()).add(int(movie_id))
    return films, named


# -- questions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    variant: str
    subject: int  # the film (film kinds) or the person (person kinds)
    expected: tuple[int, ...]  # directors, billed cast, or the person's films


@dataclass
class Skipped:
    """Why films and people were not asked about."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str, count: int = 1) -> None:
        if count:
            self.counts[reason] += count


def film_label(film: Film, films: dict[int, Film], named: dict[str, set[int]]) -> str | None:
    """The title to type: alone when it names one film, with the year when several share it
    (None when some share the year too)."""
    sharing = named.get(fold(film.title), {film.id})
    if sharing == {film.id}:
        return film.title
    if [i for i in sharing if i in films and films[i].year == film.year] == [film.id]:
        return f"{film.title} {film.year}"
    return None


def title_variant(title: str, variant: str) -> str:
    if variant == "lower case":
        return title.lower()
    if variant == "no accents":
        return plain(title)
    return title


def film_questions(
    kind: str,
    truth: Truth,
    films: dict[int, Film],
    named: dict[str, set[int]],
    rng: random.Random,
    limit: int,
    skipped: Skipped,
) -> list[Question]:
    """Questions about the people of ``limit`` films: some with two directors, some asked with
    their year, the rest drawn at random."""
    table = truth.directors if kind == "directors" else truth.cast
    labels: dict[int, str] = {}
    for movie_id in sorted(table):
        label = film_label(films[movie_id], films, named)
        if label is None:
            skipped.add(f"{KINDS[kind]}: films sharing title and year with another")
        elif table[movie_id]:
            labels[movie_id] = label
        else:
            what = "no director" if kind == "directors" else "no cast"
            skipped.add(f"{KINDS[kind]}: films with {what} in their credits")
    dated = [i for i, label in labels.items() if label != films[i].title]
    pairs = [i for i in labels if len(table[i]) > 1]
    chosen = _draw(rng, [pairs, dated, list(labels)], limit)
    templates = FILM_TEMPLATES[kind]
    questions = []
    for n, movie_id in enumerate(chosen):
        variant = TITLE_VARIANTS[(n + n // len(templates)) % len(TITLE_VARIANTS)]
        text = templates[n % len(templates)].format(title_variant(labels[movie_id], variant))
        questions.append(Question(kind, text, variant, movie_id, tuple(table[movie_id])))
    return questions


def _draw(rng: random.Random, pools: list[list[int]], limit: int) -> list[int]:
    """Up to ``limit`` distinct items: a quarter from each pool but the last, then the last."""
    chosen: list[int] = []
    for n, pool in enumerate(pools):
        share = limit if n == len(pools) - 1 else max(1, limit // 4)
        rest = [i for i in pool if i not in chosen]
        chosen += rng.sample(rest, min(share, limit - len(chosen), len(rest)))
    return chosen


@dataclass
class NameBook:
    """Who goes by which folded name and surname, among the people the catalog keeps."""

    full: dict[str, set[int]]
    surnames: dict[str, set[int]]
    words: set[str]

    @classmethod
    def of(cls, names: dict[int, str]) -> NameBook:
        full: dict[str, set[int]] = {}
        surnames: dict[str, set[int]] = {}
        words: set[str] = set()
        for person, name in names.items():
            folded = fold(name)
            full.setdefault(folded, set()).add(person)
            words.update(folded.split())
            if (surname := last_name(name)) is not None:
                surnames.setdefault(fold(surname), set()).add(person)
        return cls(full, surnames, words)

    def unique_name(self, person: int, name: str) -> bool:
        return self.full.get(fold(name)) == {person}

    def unique_surname(self, person: int, name: str) -> str | None:
        """The person's surname, when no one else has it (as a surname or whole name)."""
        surname = last_name(name)
        if surname is None:
            return None
        key = fold(surname)
        return surname if self.surnames.get(key) == {person} and key not in self.full else None


def last_name(name: str) -> str | None:
    words = name.split()
    if len(words) < 2 or fold(words[-1]) in NOT_SURNAMES or len(fold(words[-1])) < 3:
        return None
    return words[-1]


def typo(name: str, book: NameBook, rng: random.Random) -> str | None:
    """The name without accents, its surname mistyped once (a letter swapped, dropped or
    changed), when the surname is long and the typo is no one's name word."""
    surname = last_name(name)
    word = fold(surname) if surname else ""
    if not word.isalpha() or len(word) < TYPO_MIN_LETTERS:
        return None
    for _ in range(20):
        at = rng.randrange(1, len(word) - 2)
        how = rng.choice(("swap", "drop", "change"))
        if how == "swap" and word[at] != word[at + 1]:
            wrong = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif how == "drop" and word[at] not in (word[at - 1], word[at + 1]):
            wrong = word[:at] + word[at + 1 :]
        elif how == "change":
            letter = rng.choice([c for c in "aeioulnrst" if c != word[at]])
            wrong = word[:at] + letter + word[at + 1 :]
        else:
            continue
        if wrong not in book.words:
            return " ".join([*plain(name).split()[:-1], wrong])
    return None


def name_variant(
    name: str, person: int, variant: str, book: NameBook, rng: random.Random
) -> str | None:
    """How ``name`` is typed in ``variant``; None when the variant does not apply."""
    match variant:
        case "lower case":
            return name.lower()
        case "no accents":
            return plain(name)
        case "surname only":
            return book.unique_surname(person, name)
        case "one typo":
            return typo(name, book, rng)
    return name


def special(name: str) -> bool:
    """A name with accents or other letters beyond ASCII, or an apostrophe."""
    return not name.isascii() or "'" in name


def pick_people(
    role: str, truth: Truth, book: NameBook, rng: random.Random, limit: int, skipped: Skipped
) -> list[int]:
    """Up to ``limit`` people with films in ``role`` and a name of their own: the most
    prolific, some with 2-3 films, some with accents or apostrophes, the rest at random."""
    films = truth.films[role]
    people = sorted(films)
    own = [p for p in people if book.unique_name(p, truth.names[p])]
    skipped.add(f"{KINDS[_kind_of(role)]}: people sharing their name", len(people) - len(own))
    busiest = sorted(own, key=lambda p: (-len(films[p]), p))[: max(1, limit // 4)]
    few = [p for p in own if 2 <= len(films[p]) <= 3]
    odd = [p for p in own if special(truth.names[p])]
    return _draw(rng, [busiest, few, odd, own], limit)


def _kind_of(role: str) -> str:
    return "actor" if role == "cast" else "director"


def _template(templates: tuple[tuple[str, bool], ...], n: int, one_role: bool) -> str:
    """The ``n``-th template in turn, skipping those that do not say the role for a person
    with films in both roles."""
    for k in range(len(templates)):
        template, says_role = templates[(n + k) % len(templates)]
        if says_role or one_role:
            return template
    return templates[n % len(templates)][0]


def person_questions(
    kind: str, truth: Truth, book: NameBook, rng: random.Random, limit: int, skipped: Skipped
) -> list[Question]:
    """Questions about the films of ``limit`` people, templates and variants in turn (a variant
    that does not fit the name gives way to the next)."""
    role = ROLE_OF[kind]
    templates = PERSON_TEMPLATES[kind]
    questions = []
    for n, person in enumerate(pick_people(role, truth, book, rng, limit, skipped)):
        name = truth.names[person]
        template = _template(templates, n, truth.roles_of(person) == {role})
        first = (n + n // len(templates)) % len(NAME_VARIANTS)
        for k in range(len(NAME_VARIANTS)):
            variant = NAME_VARIANTS[(first + k) % len(NAME_VARIANTS)]
            typed = name_variant(name, person, variant, book, rng)
            if typed is not None:
                break
        expected = tuple(sorted(truth.films[role][person]))
        questions.append(Question(kind, template.format(typed), variant, person, expected))
    said = [t for t, says_role in templates if says_role]
    for n, person in enumerate(role_namesakes(role, truth, book, rng, max(1, limit // 5))):
        expected = tuple(sorted(truth.films[role][person]))
        text = said[n % len(said)].format(truth.names[person])
        questions.append(Question(kind, text, NAMESAKE, person, expected))
    return questions


def role_namesakes(
    role: str, truth: Truth, book: NameBook, rng: random.Random, limit: int
) -> list[int]:
    """Up to ``limit`` people whose full name others have too, but who are the only one of
    that name with films in ``role``: asked with the role, the name says who."""
    films = truth.films[role]
    fitting = [
        p
        for p in sorted(films)
        if not book.unique_name(p, truth.names[p])
        and sum(bool(films.get(q)) for q in book.full[fold(truth.names[p])]) == 1
    ]
    return rng.sample(fitting, min(limit, len(fitting)))


# -- judging the answers ----------------------------------------------------------------------


@dataclass
class Outcome:
    question: Question
    verdict: str
    wrong_subject: bool = False  # a confident answer about another film, person or thing
    got: str = ""
    note: str = ""


@dataclass
class Run:
    """One evaluation: what it says first, its outcomes, what it did not ask, the truth."""

    header: list[str]
    outcomes: list[Outcome]
    skipped: Skipped
    truth: Truth


def describe(answer: a.Answer) -> str:
    """What an answer says, in one line."""
    match answer:
        case a.FilmAnswer(movie=movie, directors=directors, cast=cast):
            people = ", ".join(p.name for p in directors) or "none"
            billed = ", ".join(p.name for p in cast) or "none"
            return f"card of {movie.label} #{movie.id}; directors: {people}; cast: {billed}"
        case a.PersonAnswer(person=person, command=command):
            return f"/{command} {person.name} @{person.id}: {answer.count} film(s)"
        case a.SearchAnswer(query=query, count=count, key=key):
            return f"search {key}: {count} films (person {query.person}, role {query.role})"
        case a.ClarifyAnswer(readings=readings):
            return "asks which: " + " | ".join(f"{r.command} {r.choice.key}" for r in readings)
        case a.AmbiguousAnswer(choices=choices):
            return "asks which: " + " | ".join(f"{c.key} {c.name}" for c in choices)
        case a.NotFoundAnswer(suggestions=suggestions):
            return "not found; suggests: " + " | ".join(f"{c.key} {c.name}" for c in suggestions)
        case a.NotUnderstoodAnswer(kind=kind, missing=missing):
            return f"not understood ({kind}; missing {missing!r})"
    return f"{type(answer).__name__} (command {getattr(answer, 'command', '')!r})"


def expectation(question: Question, truth: Truth) -> str:
    """What the answer should say, in one line."""
    if question.kind in FILM_TEMPLATES:
        people = ", ".join(f"{truth.names[p]} @{p}" for p in question.expected)
        return f"film #{question.subject}: {people}"
    name = truth.names[question.subject]
    films = ", ".join(f"#{i}" for i in question.expected[:12])
    more = " …" if len(question.expected) > 12 else ""
    count = len(question.expected)
    return f"{name} @{question.subject}: {count} film{'' if count == 1 else 's'} ({films}{more})"


def offered_keys(answer: a.Answer) -> set[str]:
    """The keys an asking-back answer offers."""
    match answer:
        case a.ClarifyAnswer(readings=readings):
            return {r.choice.key.split()[0] for r in readings if r.choice.key}
        case a.AmbiguousAnswer(choices=choices) | a.NotFoundAnswer(suggestions=choices):
            return {c.key for c in choices}
    return set()


def judge(question: Question, answer: a.Answer) -> Outcome:
    """Right, wrong, asked back or an honest miss."""
    got = describe(answer)
    asked_back = isinstance(answer, ASKED_BACK) or (
        isinstance(answer, a.NotFoundAnswer) and answer.suggestions
    )
    if asked_back:
        key = ("#" if question.kind in FILM_TEMPLATES else "@") + str(question.subject)
        note = "offers the one meant" if key in offered_keys(answer) else "does not offer it"
        return Outcome(question, "asked back", got=got, note=note)
    if isinstance(answer, MISSES):
        return Outcome(question, "honest miss", got=got)
    if not about_subject(question, answer):
        return Outcome(question, "wrong", True, got, other_subject(question, answer))
    if question.kind in FILM_TEMPLATES:
        return _judge_film(question, answer, got)
    return _judge_person(question, answer, got)


def about_subject(question: Question, answer: a.Answer) -> bool:
    """Whether a confident answer is about the film or person asked about."""
    if question.kind in FILM_TEMPLATES:
        return a.film_of(answer) == question.subject
    match answer:
        case a.PersonAnswer(person=person):
            return person.id == question.subject
        case a.SearchAnswer(query=query):
            return query.person == question.subject
    return False


def other_subject(question: Question, answer: a.Answer) -> str:
    """What a confident answer about something else is about."""
    if isinstance(answer, a.PersonAnswer):
        return "another person" if question.kind in ROLE_OF else "a person, not the film"
    if a.film_of(answer) is not None:
        return "another film" if question.kind in FILM_TEMPLATES else "a film, not the person"
    if isinstance(answer, a.SearchAnswer) and answer.query.person is not None:
        return "another person's films"
    return f"a /{answer.command or type(answer).__name__} answer about something else"


def _judge_film(question: Question, answer: a.Answer, got: str) -> Outcome:
    if not isinstance(answer, a.FilmAnswer):
        return Outcome(question, "wrong", False, got, "not the film's card")
    if question.kind == "directors":
        if {p.id for p in answer.directors} == set(question.expected):
            return Outcome(question, "right", got=got)
        return Outcome(question, "wrong", False, got, "other directors")
    billed = [p.id for p in answer.cast]
    shown = min(CAST_SHOWN, len(question.expected))
    if billed and billed == list(question.expected[: len(billed)]) and len(billed) >= shown:
        return Outcome(question, "right", got=got)
    return Outcome(question, "wrong", False, got, "not the top-billed cast")


def _judge_person(question: Question, answer: a.Answer, got: str) -> Outcome:
    expected = set(question.expected)
    role = ROLE_OF[question.kind]
    if isinstance(answer, a.PersonAnswer):
        if answer.command != question.kind:
            return Outcome(question, "wrong", False, got, f"answered as /{answer.command}")
        return _same_films(question, {f.movie.id for f in answer.films}, expected, got)
    assert isinstance(answer, a.SearchAnswer)  # about_subject lets no other kind through
    if answer.query.role not in (None, role):
        return Outcome(question, "wrong", False, got, f"asked as {answer.query.role}")
    listed = {f.movie.id for f in answer.films}
    if answer.count == len(expected) and listed <= expected:
        return Outcome(question, "right", got=got)
    return Outcome(question, "wrong", False, got, f"counted {answer.count}")


def _same_films(question: Question, ids: set[int], expected: set[int], got: str) -> Outcome:
    if ids == expected:
        return Outcome(question, "right", got=got)
    missing, extra = sorted(expected - ids), sorted(ids - expected)
    note = f"missing {missing[:8]}, extra {extra[:8]}"
    return Outcome(question, "wrong", False, got, note)


def ask_all(service: MovieService, questions: list[Question]) -> list[Outcome]:
    """Each question in a fresh conversation, as ``pelibot ask`` answers it."""
    return [judge(q, Conversation(service).answer(q.text)) for q in questions]


# -- the report -------------------------------------------------------------------------------


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    counts = Counter(o.verdict for o in outcomes)
    row = {"asked": len(outcomes), **{v: counts[v] for v in VERDICTS}}
    row["wrong subject"] = sum(o.wrong_subject for o in outcomes)
    return row


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    by_kind = {
        label: tally([o for o in outcomes if o.question.kind == kind])
        for kind, label in KINDS.items()
    }
    by_variant = {
        v: tally([o for o in outcomes if o.question.variant == v])
        for v in (*NAME_VARIANTS, NAMESAKE)
    }
    return {"kinds": by_kind, "variants": by_variant, "total": tally(outcomes)}


COLUMNS = ("asked", "right", "wrong", "wrong subject", "asked back", "honest miss")
LEGEND = (
    "wrong: a confident answer that is wrong; wrong subject: of those, the ones about another "
    "film, person, country, company or saga; asked back: did you mean, which one"
)


def table(title: str, rows: dict[str, dict[str, int]]) -> list[str]:
    width = max(len(title), *(len(name) for name in rows))
    lines = [f"{title:<{width}}  " + "  ".join(COLUMNS)]
    for name, row in rows.items():
        cells = "  ".join(f"{row[c]:>{len(c)}}" for c in COLUMNS)
        lines.append(f"{name:<{width}}  {cells}")
    return lines


def report(run: Run) -> list[str]:
    """The tables, the skipped, and every answer that was not right."""
    outcomes, skipped, truth = run.outcomes, run.skipped, run.truth
    result = summary(outcomes)
    lines = [*run.header, ""]
    lines += [*table("question", {**result["kinds"], "total": result["total"]}), ""]
    lines += [*table("typed", result["variants"]), LEGEND, ""]
    for label, row in result["kinds"].items():
        lines.append(f"{label}: {row['right']}/{row['asked']} right")
    total = result["total"]
    lines.append(
        f"total: {total['right']}/{total['asked']} right; confident wrong answers: "
        f"{total['wrong']}, about a wrong film, person or other subject: {total['wrong subject']}"
    )
    if skipped.counts:
        lines += ["", "not asked:"]
        lines += [f"  {reason}: {count}" for reason, count in sorted(skipped.counts.items())]
    failures = [o for o in outcomes if o.verdict != "right"]
    if failures:
        lines += ["", f"not right ({len(failures)}):"]
    for o in failures:
        flag = " [WRONG SUBJECT]" if o.wrong_subject else ""
        lines += [
            f"- {o.verdict}{flag}: {o.question.text!r} ({KINDS[o.question.kind]}, "
            f"{o.question.variant}){': ' + o.note if o.note else ''}",
            f"    expected: {expectation(o.question, truth)}",
            f"    got:      {o.got}",
        ]
    return lines


def as_json(run: Run) -> dict[str, Any]:
    return {
        "header": run.header,
        **summary(run.outcomes),
        "skipped": dict(run.skipped.counts),
        "failures": [
            {
                **asdict(o.question),
                "verdict": o.verdict,
                "wrong_subject": o.wrong_subject,
                "note": o.note,
                "expected_text": expectation(o.question, run.truth),
                "got": o.got,
            }
            for o in run.outcomes
            if o.verdict != "right"
        ],
    }


# -- running ----------------------------------------------------------------------------------


def questions_for(
    truth: Truth, films: dict[int, Film], named: dict[str, set[int]], seed: int, limit: int
) -> tuple[list[Question], Skipped]:
    skipped = Skipped()
    book = NameBook.of(truth.names)
    questions = []
    for n, kind in enumerate(KINDS):
        rng = random.Random(seed * 1009 + n)
        if kind in FILM_TEMPLATES:
            questions += film_questions(kind, truth, films, named, rng, limit, skipped)
        else:
            questions += person_questions(kind, truth, book, rng, limit, skipped)
    return questions, skipped


def evaluate(raw_dir: Path, data: Path, seed: int, limit: int, people_line: str) -> Run:
    """Questions asked of the catalog in ``data``, judged against the raw files."""
    started = time.perf_counter()
    films, named = catalog_films(data)
    raw_ids = raw_movie_ids(raw_file(raw_dir, "movies_metadata"))
    truth = read_truth(raw_file(raw_dir, "credits"), set(films))
    questions, skipped = questions_for(truth, films, named, seed, limit)
    service = MovieService.from_data_dir(data)
    outcomes = ask_all(service, questions)
    header = [
        f"raw files: {raw_dir}; catalog: {len(films):,} films of {len(raw_ids):,} raw ids",
        f"credits (read here): {len(truth.directors):,} catalog films with readable crew, "
        f"{len(truth.cast):,} with readable cast, {len(truth.names):,} people; cells that did "
        f"not parse: cast {truth.unreadable['cast']}, crew {truth.unreadable['crew']}",
        f"pelibot prepare: {people_line or '(catalog given with --data)'}",
        f"{len(questions)} questions (seed {seed}, at most {limit} per kind) in "
        f"{time.perf_counter() - started:.1f} s",
    ]
    return Run(header, outcomes, skipped, truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.eval_people", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--raw-dir", type=Path, default=SAMPLE_DIR)
    parser.add_argument("--data", type=Path, help="a catalog already built from --raw-dir")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=40, help="questions per kind (default 40)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eval-people-") as tmp:
        data = args.data
        people_line = ""
        if data is None:
            data = Path(tmp) / "data"
            people_line = build(args.raw_dir, data)
        run = evaluate(args.raw_dir, data, args.seed, args.limit, people_line)
    if args.json:
        print(json.dumps(as_json(run), ensure_ascii=False, indent=1))
    else:
        print("\n".join(report(run)))
    return 1 if any(o.verdict == "wrong" for o in run.outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
