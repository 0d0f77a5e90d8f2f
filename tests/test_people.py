"""Directors and cast: reading ``credits.csv``, the people index, the answers and their faces.

Tiny credits files are written here by hand (cells as ``str()`` of lists of dicts, as in the
Kaggle file) with expectations worked out by hand; the films of the credits fixture
(``tests/data/make_credits_fixture.py``) are checked against the raw movies fixture, read with
the csv module alone.
"""

from __future__ import annotations

import ast
import csv
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from benchmarks import synthetic
from bot.loading import CatalogSource
from bot.render import render_html, render_text, to_json
from bot.settings import Settings
from bot.web.app import create_app
from bot.web.runtime import Runtime
from data_prep import layout
from data_prep.credits import TOP_CAST, parse_cast, parse_crew, read_credits
from data_prep.people import FILMS_SCHEMA, PERSONS_SCHEMA, people_tables
from data_prep.pipeline import prepare
from data_prep.source import CREDITS_ENV, RawFiles, locate
from handlers import answers as a
from handlers.people import PeopleIndex, surname_aliases
from handlers.router import NotUnderstood, Readings, Route, router_for
from handlers.service import MovieService
from tests.data import CREDITS, MOVIES, read_rows

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


def _cast(*people: tuple[int, str, int]) -> str:
    return str(
        [
            {
                "cast_id": order + 1,
                "character": f"Role {order}",
                "credit_id": "52fe4284c3a36847f8024f95",
                "gender": 2,
                "id": pid,
                "name": name,
                "order": order,
                "profile_path": None if pid % 2 else "/pQFoyx7rp09CJTAb932F2g8Nlho.jpg",
            }
            for pid, name, order in people
        ]
    )


def _crew(*people: tuple[int, str, str]) -> str:
    return str(
        [
            {
                "credit_id": "52fe4284c3a36847f8024f95",
                "department": "Directing" if job == "Director" else "Crew",
                "gender": 0,
                "id": pid,
                "job": job,
                "name": name,
                "profile_path": None,
            }
            for pid, name, job in people
        ]
    )


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("cast", "crew", "id"))
        writer.writerows(rows)
    return path


# -- parsing ------------------------------------------------------------------------------------


def test_cells_are_python_literals_with_kaggles_quirks() -> None:
    cell = _cast((11390, "Peter O'Toole", 1), (223, "Alejandro González Iñárritu", 0))
    assert '"Peter O\'Toole"' in cell  # str() writes double quotes around an apostrophe
    assert parse_cast(cell) == [
        (223, "Alejandro González Iñárritu", 0),
        (11390, "Peter O'Toole", 1),
    ]
    quoted = _cast((5, "Both 'single' and \"double\"", 0))
    assert "\\'" in quoted  # str() escapes the quote when a name has both
    assert parse_cast(quoted) == [(5, "Both 'single' and \"double\"", 0)]
    assert parse_cast("[]") == [] and parse_crew("[]") == []


def test_only_the_first_billed_cast_and_directors_and_writers_are_kept() -> None:
    shuffled = [(100 + o, f"Actor {o}", o) for o in (12, 3, 0, 7, 1, 11, 2, 4, 5, 6, 8, 9, 10)]
    kept = parse_cast(_cast(*shuffled))
    assert kept is not None
    assert [order for _, _, order in kept] == list(range(TOP_CAST))
    crew = _crew(
        (1, "Prod Ucer", "Producer"),
        (1223, "Joel Coen", "Director"),
        (1224, "Ethan Coen", "Director"),
        (1224, "Ethan Coen", "Screenplay"),
        (7, "Ed Itor", "Editor"),
    )
    assert parse_crew(crew) == [
        (1223, "Joel Coen", "Director"),
        (1224, "Ethan Coen", "Director"),
        (1224, "Ethan Coen", "Screenplay"),
    ]


def test_other_shapes_take_the_slow_path_and_garbage_is_counted(tmp_path: Path) -> None:
    other_order = str([{"name": "Jane Doe", "job": "Director", "id": 9}])  # keys reordered
    path = _write(
        tmp_path / "credits.csv",
        [
            (
                _cast((31, "Tom Hanks", 0), (12898, "Tim Allen", 1)),
                _crew((7879, "John Lasseter", "Director")),
                "10",
            ),
            (_cast((62, "Bruce Willis", 0)), _crew((1, "Some One", "Director")), "10"),  # repeated
            ("[]", "[]", "20"),
            ("[{'cast_id': 1, 'charac", _crew((2710, "James Cameron", "Director")), "30"),
            (_cast((3, "Nobody Here", 0)), "[]", "999"),  # not in the catalog
            ("[]", "[]", "abc"),
            ("[]", other_order, "40"),
            (_cast((4, "Carrie Fisher", 0)), "not a list", "50"),
        ],
    )
    people, report = read_credits(path, [10, 20, 30, 40, 50, 60])
    assert report.rows_in == 8
    assert (report.films, report.duplicates, report.absent, report.bad_ids) == (5, 1, 1, 1)
    assert report.unparseable == {"cast": 1, "crew": 1}
    assert report.slow_path == 1
    rows = sorted(
        zip(people["movie_id"], people["person_id"], people["name"], people["role"], strict=True)
    )
    assert rows == [
        (10, 31, "Tom Hanks", "cast"),
        (10, 7879, "John Lasseter", "director"),
        (10, 12898, "Tim Allen", "cast"),
        (30, 2710, "James Cameron", "director"),
        (40, 9, "Jane Doe", "director"),
        (50, 4, "Carrie Fisher", "cast"),
    ]
    assert report.rows == 6 and report.persons == 6


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "credits.csv"
    path.write_text("id,keywords\n1,[]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be read"):
        read_credits(path, [1])


def test_surnames_people_type() -> None:
    assert surname_aliases("Robert De Niro") == ["De Niro", "Niro"]
    assert surname_aliases("Alejandro González Iñárritu") == ["González Iñárritu", "Iñárritu"]
    assert surname_aliases("Stanley Kubrick") == ["Kubrick"]
    assert surname_aliases("Madonna") == []


# -- finding the credits file -------------------------------------------------------------------


def test_credits_come_from_the_argument_the_setting_or_beside_the_raw_file(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "movies_metadata.csv"
    raw.write_text("id\n", encoding="utf-8")
    assert locate(raw).credits is None
    beside = tmp_path / "credits.csv"
    beside.write_text("cast,crew,id\n", encoding="utf-8")
    assert locate(raw).credits == beside
    other = tmp_path / "other.csv"
    other.write_text("cast,crew,id\n", encoding="utf-8")
    settings = Settings.from_env({CREDITS_ENV: str(other)})
    assert settings.credits_csv == other
    assert locate(raw, configured_credits=settings.credits_csv).credits == other
    given = tmp_path / "given.csv"
    given.write_text("cast,crew,id\n", encoding="utf-8")
    assert locate(raw, credits=given, configured_credits=other).credits == given
    source = CatalogSource(tmp_path, raw, None, other)
    files = source.raw_at_hand()
    assert files is not None and files.credits == other
    assert source.prepare_args(files)[-2:] == ["--credits", str(other)]


# -- the synthetic generator --------------------------------------------------------------------


def test_synthetic_credits_have_kaggles_format_and_defects(tmp_path: Path) -> None:
    synthetic.generate(2000, tmp_path, seed=4)
    counts = synthetic.generate_credits(tmp_path, seed=4)
    with (tmp_path / "credits.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["cast", "crew", "id"]
    assert len(rows) - 1 == counts.rows
    cast_keys = crew_keys = None
    for cast, crew, _ in rows[1:200]:
        try:
            cast_items = ast.literal_eval(cast)
        except SyntaxError:
            continue  # a cell cut short on purpose
        if cast_items:
            cast_keys = list(cast_items[0])
        crew_items = ast.literal_eval(crew)
        if crew_items:
            crew_keys = list(crew_items[0])
    assert cast_keys == [
        "cast_id",
        "character",
        "credit_id",
        "gender",
        "id",
        "name",
        "order",
        "profile_path",
    ]
    assert crew_keys == ["credit_id", "department", "gender", "id", "job", "name", "profile_path"]
    text = (tmp_path / "credits.csv").read_text(encoding="utf-8")
    assert "'profile_path': None" in text and '"' in text  # names with an apostrophe
    movie_ids = {
        int(r["id"]) for r in read_rows(tmp_path / "movies_metadata.csv") if r["id"].isdecimal()
    }
    people, report = read_credits(tmp_path / "credits.csv", movie_ids)
    assert report.duplicates == counts.duplicates
    assert report.absent == counts.absent
    assert report.unparseable == {"cast": counts.broken, "crew": 0}
    films_per_director = people[people["role"] == "director"].groupby("person_id").size()
    assert films_per_director.max() >= 5  # prolific directors…
    assert (films_per_director == 1).mean() > 0.3  # …and many with one film
    directors_per_film = people[people["role"] == "director"].groupby("movie_id").size()
    assert (directors_per_film == 2).sum() > 0
    assert report.films - len(directors_per_film) > 0  # films without a director


# -- the fixture's people -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


def _money(ids: set[int]) -> dict[int, tuple[int, int]]:
    """Budget and revenue of the films ``ids``, from the raw fixture with the csv module."""
    return {
        int(row["id"]): (int(row["budget"]), int(row["revenue"]))
        for row in read_rows(MOVIES)
        if row["id"].isdecimal() and int(row["id"]) in ids
    }


def test_the_build_reports_the_credits_it_read(real_data_dir: Path) -> None:
    build = (real_data_dir / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((real_data_dir / build / "manifest.json").read_text(encoding="utf-8"))
    people = manifest["people"]
    assert manifest["credits_source"]["name"] == CREDITS.name
    assert (people["rows_in"], people["films"], people["duplicates"], people["absent"]) == (
        46,
        44,
        1,
        1,
    )
    assert people["unparseable"] == {"cast": 0, "crew": 0}


def test_titanic_was_directed_by_james_cameron(service: MovieService) -> None:
    card = service.ask("/pelicula titanic")
    assert isinstance(card, a.FilmAnswer)
    assert card.directors == (a.PersonRef(2710, "James Cameron"),)
    assert [p.name for p in card.cast] == ["Kate Winslet", "Leonardo DiCaprio", "Billy Zane"]
    body = to_json(card)
    assert body["directors"] == [{"id": 2710, "name": "James Cameron"}]
    assert body["cast"][0] == {"id": 204, "name": "Kate Winslet"}
    text = render_text(card)
    assert "🎬 Dirección: James Cameron" in text
    assert "🎭 Reparto: Kate Winslet, Leonardo DiCaprio, Billy Zane" in text


def test_the_first_row_of_an_id_wins_and_gaps_stay_gaps(service: MovieService) -> None:
    toy_story = service.film_card(862)
    assert toy_story is not None
    assert [p.name for p in toy_story.directors] == ["John Lasseter"]  # not the repeated row
    assert [p.name for p in toy_story.cast] == ["Tom Hanks", "Tim Allen"]
    jumanji = service.film_card(8844)  # empty lists
    assert jumanji is not None and (jumanji.directors, jumanji.cast) == ((), ())
    lambs = service.film_card(274)  # no director in the source
    assert lambs is not None and lambs.directors == () and len(lambs.cast) == 2


def test_tom_hanks_films_and_their_return(service: MovieService) -> None:
    answer = service.ask("/actor tom hanks")
    assert isinstance(answer, a.PersonAnswer)
    ids = {13, 862, 857, 497, 863, 8358, 568}
    assert {f.movie.id for f in answer.films} == ids
    assert answer.count == 7
    money = _money(ids)
    returns = [revenue / budget for budget, revenue in money.values()]
    assert answer.return_total == pytest.approx(sum(returns))
    assert answer.return_mean == pytest.approx(sum(returns) / 7)
    assert answer.revenue_total == sum(revenue for _, revenue in money.values())
    assert answer.films[0].movie.title == "Forrest Gump"  # the most voted first (8,147 votes)
    body = to_json(answer)
    assert (body["command"], body["name"], body["count"]) == ("actor", "Tom Hanks", 7)
    assert body["movies"][0] | {"return": None} == {
        "id": 13,
        "title": "Forrest Gump",
        "year": 1994,
        "title_es": None,
        "budget": 55_000_000,
        "revenue": 677_945_399,
        "return": None,
        "vote_count": 8147,
    }


def test_james_cameron_totals_worked_out_by_hand(service: MovieService) -> None:
    answer = service.ask("/director james cameron")
    assert isinstance(answer, a.PersonAnswer)
    # Titanic 1,845,034,188 / 200,000,000; Terminator 2 520,000,000 / 100,000,000; The
    # Terminator 78,371,200 / 6,400,000; Aliens 183,316,455 / 18,500,000
    expected = 9.22517094 + 5.2 + 12.2455 + 183_316_455 / 18_500_000
    assert [f.movie.id for f in answer.films] == [597, 280, 218, 679]
    assert answer.return_total == pytest.approx(expected)
    assert answer.return_mean == pytest.approx(expected / 4)
    assert answer.return_known == 4
    text = render_text(answer)
    assert text.startswith("🎬 James Cameron dirigió 4 películas del catálogo.")
    assert "Retorno total: 36,58×" in text


@pytest.mark.parametrize(
    ("command", "typed", "name", "count"),
    [
        ("director", "kubrick", "Stanley Kubrick", 3),
        ("director", "STANLEY KUBRIK", "Stanley Kubrick", 3),
        ("actor", "de niro", "Robert De Niro", 4),
        ("director", "de niro", "Robert De Niro", 0),
        ("director", "inarritu", "Alejandro González Iñárritu", 1),
        ("actor", "tom hnaks", "Tom Hanks", 7),
        ("actriz", "penelope cruz", "Penélope Cruz", 1),
        ("actor", "peter o'toole", "Peter O'Toole", 1),
        ("actor", "otoole", "Peter O'Toole", 1),
        ("actor", "@31", "Tom Hanks", 7),
        ("director", "tarantino", "Quentin Tarantino", 2),
    ],
)
def test_people_are_found_forgivingly(
    service: MovieService, command: str, typed: str, name: str, count: int
) -> None:
    answer = service.answer(command, typed)
    assert isinstance(answer, a.PersonAnswer), answer
    assert (answer.person.name, answer.count) == (name, count)


def test_two_people_who_fit_are_asked_back(service: MovieService) -> None:
    answer = service.ask("/director coen")
    assert isinstance(answer, a.AmbiguousAnswer)
    assert [c.name for c in answer.choices] == ["Joel Coen", "Ethan Coen"]  # Joel: 2 films
    assert [c.key for c in answer.choices] == ["@1223", "@1224"]
    assert render_text(answer).splitlines()[0] == "🤔 ¿Joel Coen o Ethan Coen?"
    assert render_html(answer, "en") == "🤔 Joel Coen or Ethan Coen?"
    nobody = service.ask("/actor zzzzqq")
    assert isinstance(nobody, a.NotFoundAnswer)
    assert render_text(nobody).startswith("🤷 No encontré «zzzzqq» entre los actores y actrices.")


def test_people_api_for_plain_words(service: MovieService) -> None:
    people = service.people
    assert people is not None
    found = people.lookup("spielberg", "director")
    assert found.value == 488
    assert people.films_of(488, "director") == [857, 329, 424, 85]  # 5,148 votes, 4,956…
    assert [p.name for p in people.directors_of(275)] == ["Joel Coen", "Ethan Coen"]
    assert [p.name for p in people.cast_of(238, 2)] == ["Marlon Brando", "Al Pacino"]
    assert people.person(240) == a.PersonRef(240, "Stanley Kubrick")
    assert people.exact("coen") == [1223, 1224] == service.exact("person", "Coen")
    assert service.match("person", "stanley kubrik").value == 240
    assert people.exact("stanley kubrik") == [] and people.lookup("nobody at all").value is None


PEOPLE_SAID: list[tuple[str, str, int]] = [
    # (message, the answer's command, the person): people of the credits fixture
    ("pelis de tarantino", "director", 138),
    ("películas de tom hanks", "actor", 31),
    ("en que peliculas sale harrison ford", "actor", 3),
    ("películas dirigidas por Stanley Kubrick", "director", 240),  # not his company
    ("films by coppola", "director", 1776),  # not The Coppola Company
    ("en qué películas sale fox", "actor", 521),  # not Twentieth Century Fox
    ("movies with Frances McDormand", "actor", 3910),  # "frances" is not French here
    ("pelis con vincent d'onofrio", "actor", 7132),  # "d'" is not "de"
    ("movies with ben kingley", "actor", 2282),  # a typo, not Benin ("ben")
    ("películas de john gooman", "actor", 1230),
    ("pelis con quentin tarnatino", "actor", 138),  # asked as an actor
    ("movies with john traovlta", "actor", 8891),
    ("¿En cuántas películas ha actuado Tom Hanks?", "actor", 31),
    ("How many films has Tom Hanks appeared in?", "actor", 31),
    ("filmografía de Harrison Ford", "actor", 3),
    ("what films has Harrison Ford been in", "actor", 3),
    ("What movies did Steven Spielberg direct?", "director", 488),
    ("movies directed by Stanley Kubrick", "director", 240),  # a person, not a film's aspect
    ("¿qué pelis ha hecho Stanley Kubrick?", "director", 240),
    ("películas donde sale al pacino", "actor", 1158),
    ("peliculas dirigidas x spielberg", "director", 488),
    ("peliculas en las que trabaja tom hanks", "actor", 31),
    ("películas dirigidas por francis ford coppila", "director", 1776),  # not Harrison Ford
    ("filmografía de Fox", "actor", 521),  # a person, not the studio
    ("tom hnaks", "actor", 31),  # a name alone, with a typo
    ("q pelis hizo spielberg", "director", 488),  # chat spellings
    ("lista de peliculas con robert deniro", "actor", 380),  # the particle glued
    ("en q pelis actua de niro", "actor", 380),
    ("how many movies did tom hanks make", "actor", 31),
    ("what else has harrison ford been in", "actor", 3),
    ("harison ford", "actor", 3),
]

FILM_PEOPLE_SAID: list[tuple[str, int]] = [
    # (message, the film whose people it asks for)
    ("¿quién dirigió la película Titanic?", 597),
    ("kien dirigio titanic", 597),
    ("me dices quien dirigio Titanic", 597),
    ("quien es el protagonista de Pulp Fiction", 680),
    ("Pulp Fiction cast", 680),
    ("who directed the movie fargo", 275),
    ("quién dirigió fargo y cuándo salió", 275),  # the first question's film
    ("q actores salen en el padrino", 238),
    ("quien sale en la peli el padrino", 238),
    ("who was the director of The Godfather", 238),
    ("director d titanic xfa", 597),
    ("q onda, quien dirigio titanic?", 597),
    ("quien dirigio la de titanic de 1997", 597),  # not another film of 1997
    ("reparto completo de parque jurasico", 329),
    ("la guerra de las galaxias dirigida por quien?", 11),  # not war films
]


@pytest.mark.parametrize(
    ("text", "person"),
    [("kubrik", 240), ("spilberg", 488), ("pelis de tarantinno", 138), ("spilberg peliculas", 488)],
)
def test_a_surname_with_a_typo_is_asked_back(service: MovieService, text: str, person: int) -> None:
    routed = router_for(service).route(text)
    assert isinstance(routed, Readings), routed
    assert routed.routes[0].argument == f"@{person}"


@pytest.mark.parametrize(
    ("text", "film", "expected"),
    [
        ("¿qué otras películas dirigió?", 597, ["director @2710"]),  # after Titanic: Cameron
        ("más del director", 275, ["director @1223", "director @1224"]),  # Fargo: which Coen?
        ("more with the lead", 680, ["actor @8891"]),  # Pulp Fiction: John Travolta
        ("¿y quién sale?", 597, ["pelicula #597"]),  # the card, its people first
        ("who's in it?", 13, ["pelicula #13"]),  # words of chatter, a question all the same
        ("más pelis del prota", 13, ["actor @31"]),
        ("y que mas hizo el director", 597, ["director @2710"]),
    ],
)
def test_the_people_of_the_film_talked_about(
    service: MovieService, text: str, film: int, expected: list[str]
) -> None:
    router = router_for(service)
    routed = router.route(text)
    assert isinstance(routed, NotUnderstood), routed  # no film named: which one?
    followed = router.follow_up(routed, film)
    routes = followed.routes if isinstance(followed, Readings) else (followed,)
    assert [f"{r.command} {r.argument}" for r in routes if isinstance(r, Route)] == expected


def test_a_studio_keeps_its_short_name_unless_a_person_has_as_many_films(
    service: MovieService,
) -> None:
    router = router_for(service)
    warner = router.route("pelis de warner")  # David Warner is not Warner Bros.
    assert isinstance(warner, Route) and warner.value == "Warner Bros."
    reader = service.reader
    assert reader._person_over("company", "Warner Bros.", "warner") is None
    lucas = router.route("pelis de lucas")  # George Lucas: more films than "Lucas…" studios
    assert isinstance(lucas, Route) and lucas.command == "director"


def test_a_name_that_is_a_title_stays_the_title_after_like(
    service: MovieService, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = service.people
    assert people is not None
    real = people.full_name
    monkeypatch.setattr(people, "full_name", lambda t: [31] if t == "ed wood" else real(t))
    routed = router_for(service).route("algo como ed wood")  # a person called so, and a film
    assert isinstance(routed, Route) and (routed.command, routed.value) == ("recomendar", 522)


def test_the_people_of_a_film_named(service: MovieService) -> None:
    routed = router_for(service).route("otras del director de pulp fiction")
    assert isinstance(routed, Route) and (routed.command, routed.argument) == ("director", "@138")


@pytest.mark.parametrize(("text", "movie"), FILM_PEOPLE_SAID)
def test_a_films_people_asked_in_plain_words(service: MovieService, text: str, movie: int) -> None:
    answer = router_for(service).answer(text)
    assert isinstance(answer, a.FilmAnswer), answer
    assert (answer.movie.id, answer.focus) == (movie, "people")


@pytest.mark.parametrize(("text", "command", "person"), PEOPLE_SAID)
def test_a_person_said_in_plain_words(
    service: MovieService, text: str, command: str, person: int
) -> None:
    routed = router_for(service).route(text)
    assert isinstance(routed, Route), routed
    assert (routed.command, routed.argument) == (command, f"@{person}")


def test_html_is_escaped_and_short(service: MovieService) -> None:
    answer = service.ask("/actor steve buscemi")
    assert isinstance(answer, a.PersonAnswer) and answer.count == 3  # Reservoir Dogs, Fargo…
    html = render_html(answer, "en")
    assert html.startswith("🎭 <b>Steve Buscemi</b> acted in <b>3 movies</b>")
    assert len(html) < 4096


# -- the served people files -------------------------------------------------------------------


def test_people_tables_keep_directors_and_cast_of_the_catalogs_films() -> None:
    credits = pd.DataFrame(
        {
            "movie_id": [10, 10, 10, 20, 20, 30, 20],
            "person_id": [1, 2, 3, 1, 4, 5, 6],
            "name": ["Ann", "Bob", "Cy", "Ann B", "Wri Ter", "Gone", "Di"],
            "role": pd.Categorical(
                ["director", "cast", "cast", "cast", "writer", "director", "cast"],
                categories=["director", "cast", "writer"],
            ),
            "order": [0, 1, 0, 0, 0, 0, 1],
        }
    )
    served = people_tables(credits, np.array([20, 10]), np.array([5, 9]))  # 30: not in catalog
    assert served.persons.schema == PERSONS_SCHEMA and served.films.schema == FILMS_SCHEMA
    assert served.persons.to_pydict() == {
        "person_id": [1, 2, 3, 6],  # no writer, nobody of film 30
        "name": ["Ann", "Bob", "Cy", "Di"],  # the first spelling
        "weight": [14.0, 9.0, 9.0, 5.0],
        "movie_ids": [[10, 20], [10], [10], [20]],  # director first, then cast
        "roles": [[0, 1], [1], [1], [1]],
    }
    assert served.films.to_pydict() == {
        "movie_id": [10, 20],
        "people": [[0, 2, 1], [0, 3]],  # positions: Ann directs, then Cy (order 0), Bob
        "roles": [[0, 1, 1], [1, 1]],
    }
    people = PeopleIndex(*(t.to_batches()[0] for t in (served.persons, served.films)))
    assert people.films_of(1, "director") == [10] and people.films_of(1, "cast") == [20]
    assert people.directors_of(10) == [a.PersonRef(1, "Ann")]
    assert [p.name for p in people.cast_of(10)] == ["Cy", "Bob"]
    assert people.cast_of(30) == [] and people.person(4) is None and people.person(5) is None
    assert people.films_of(4, "writer") == [] and people.weight(1) == 14.0
    assert people.lookup("ann").value == 1 and len(people) == 4


def test_namesakes_are_told_apart_by_the_role_said() -> None:
    credits = pd.DataFrame(
        {  # two Ana Garcías (the actress far better known), a director García, an actor Ruiz
            "movie_id": [10, 20, 20, 30, 30],
            "person_id": [1, 2, 3, 1, 4],
            "name": ["Ana García", "Ana García", "Luis García", "Ana García", "Ana Ruiz"],
            "role": pd.Categorical(
                ["cast", "director", "director", "cast", "cast"],
                categories=["director", "cast", "writer"],
            ),
            "order": [0, 0, 1, 0, 1],
        }
    )
    served = people_tables(credits, np.array([10, 20, 30]), np.array([900, 5, 900]))
    people = PeopleIndex(*(t.to_batches()[0] for t in (served.persons, served.films)))
    assert people.lookup("ana garcia").value == 1  # 1,800 votes against 5
    assert people.lookup("ana garcia", "director").value == 2  # not Luis García, a surname hit
    assert people.lookup("Ana García", "cast").value == 1
    assert people.lookup("garcia", "director").value is None  # two directors García: which?
    assert set(people.lookup("garcia", "director").candidates) == {2, 3}


def _served_credits(service: MovieService) -> pd.DataFrame:
    """The credits fixture read again, directors and cast of the catalog's films, with votes."""
    movies = service.movies[["id", "vote_count"]].rename(columns={"id": "movie_id"})
    credits, _ = read_credits(CREDITS, movies["movie_id"].tolist())
    credits = credits[credits["role"].isin(["director", "cast"])].astype({"role": "str"})
    return credits.merge(movies, on="movie_id", how="left", validate="many_to_one")


def test_the_served_files_answer_as_the_credits_table(service: MovieService) -> None:
    people = service.people
    assert people is not None
    credits = _served_credits(service)
    names = credits.groupby("person_id")["name"].first()
    assert len(people) == len(names) > 50
    for movie_id, rows in credits.groupby("movie_id"):
        billed = {
            role: [
                a.PersonRef(int(p), names[p])
                for p in rows[rows["role"] == role].sort_values("order", kind="stable")["person_id"]
            ]
            for role in ("director", "cast")
        }
        assert people.directors_of(int(movie_id)) == billed["director"]
        assert people.cast_of(int(movie_id), TOP_CAST) == billed["cast"]
    for (person_id, role), rows in credits.groupby(["person_id", "role"]):
        best_known = rows.sort_values("vote_count", ascending=False, kind="stable")
        assert people.films_of(int(person_id), str(role)) == best_known["movie_id"].tolist()
    weights = credits.groupby("person_id")["vote_count"].sum()
    assert all(people.weight(int(p)) == pytest.approx(w) for p, w in weights.items())
    # worked out by hand: Tom Hanks's films by votes (8,147 for Forrest Gump, 5,415, …)
    assert people.films_of(31, "cast") == [13, 862, 857, 497, 863, 8358, 568]
    assert [p.name for p in people.directors_of(597)] == ["James Cameron"]
    assert [p.name for p in people.directors_of(275)] == ["Joel Coen", "Ethan Coen"]


def _people_files(build: Path) -> list[str]:
    return [f for f in (layout.PEOPLE_FILE, layout.FILM_PEOPLE_FILE) if (build / f).exists()]


def test_the_people_files_are_memory_mapped(service: MovieService) -> None:
    build = service.catalog.build_dir
    assert _people_files(build) == ["people.arrow", "film_people.arrow"]
    for name, schema in (
        (layout.PEOPLE_FILE, PERSONS_SCHEMA),
        (layout.FILM_PEOPLE_FILE, FILMS_SCHEMA),
    ):
        reader = pa.ipc.open_file(build / name)
        assert reader.schema.equals(schema) and reader.num_record_batches == 1
    maps = Path("/proc/self/maps")
    if maps.exists():  # Linux: the loaded service maps both files, it does not copy them
        mapped = maps.read_text(encoding="utf-8")
        assert all(str(build / name) in mapped for name in _people_files(build))


def test_people_files_of_another_shape_are_no_people(service: MovieService, tmp_path: Path) -> None:
    build = service.catalog.build_dir
    for name in _people_files(build):
        (tmp_path / name).write_bytes((build / name).read_bytes())
    assert PeopleIndex.load(tmp_path) is not None
    (tmp_path / layout.FILM_PEOPLE_FILE).unlink()
    assert PeopleIndex.load(tmp_path) is None
    layout.write_arrow(
        pa.table({"movie_id": pa.array([1], pa.int64())}), tmp_path / layout.FILM_PEOPLE_FILE
    )
    assert PeopleIndex.load(tmp_path) is None
    (tmp_path / layout.FILM_PEOPLE_FILE).write_bytes(b"not arrow")
    assert PeopleIndex.load(tmp_path) is None


# -- without credits ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bare_service(tmp_path_factory: pytest.TempPathFactory) -> MovieService:
    raw = tmp_path_factory.mktemp("bare-raw")
    synthetic.generate(300, raw, seed=2)
    out = tmp_path_factory.mktemp("bare-data")
    prepare(RawFiles(raw / "movies_metadata.csv", None, "--raw"), out)
    return MovieService.from_data_dir(out)


def test_without_credits_people_questions_say_so(bare_service: MovieService) -> None:
    assert bare_service.people is None
    assert _people_files(bare_service.catalog.build_dir) == []  # a build without people files
    for line in ("/director kubrick", "/actor tom hanks", "/actriz x"):
        answer = bare_service.ask(line)
        assert isinstance(answer, a.NoDataAnswer)
        assert to_json(answer)["error"] == "no_data"
    assert to_json(bare_service.ask("/actor tom hanks")) == {
        "command": "actor",
        "error": "no_data",
        "missing": "credits",
    }
    assert "credits.csv" in render_text(bare_service.ask("/director kubrick"))
    card = bare_service.film_card(int(bare_service.movies["id"].iloc[0]))
    assert card is not None and to_json(card)["directors"] == [] and to_json(card)["cast"] == []


@pytest.mark.parametrize(
    "text",
    [
        "filmografía de Tom Hanks",
        "How many films has Tom Hanks appeared in?",
        "peliculas con robert de niro de los 90",
        "una peli con tom hanks",
        "películas dirigidas por quentin tarantino",
        "en qué películas sale harrison ford",
    ],
)
def test_without_credits_plain_words_about_people_say_so(
    bare_service: MovieService, text: str
) -> None:
    answer = router_for(bare_service).answer(text)
    assert isinstance(answer, a.NoDataAnswer), answer
    assert "credits.csv" in render_text(answer)


def test_without_credits_other_questions_do_not_change(bare_service: MovieService) -> None:
    router = router_for(bare_service)
    assert isinstance(router.answer("comedias con humor negro"), a.SearchAnswer)
    assert isinstance(router.answer("pelis de accion con mucha sangre"), a.SearchAnswer)
    unknown = router.answer("pelis de tarantino")
    assert isinstance(unknown, a.NotUnderstoodAnswer) and not unknown.people
    assert "credits.csv" in render_text(unknown)


# -- the web ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(service: MovieService) -> Iterator[TestClient]:
    with TestClient(create_app(Runtime.with_service(service))) as test_client:
        yield test_client


def _get(client: TestClient, url: str) -> tuple[int, dict[str, Any]]:
    response = client.get(url)
    return response.status_code, response.json()


def test_web_people_endpoints(client: TestClient) -> None:
    for url in ("/director/james cameron", "/get_director/JAMES CAMERON"):
        status, body = _get(client, url)
        assert (status, body["command"], body["count"]) == (200, "director", 4)
    status, body = _get(client, "/get_actor/tom hanks?lang=en")
    assert (status, body["name"], body["count"]) == (200, "Tom Hanks", 7)
    status, body = _get(client, "/director/coen")
    assert status == 409
    assert [c["url"] for c in body["choices"]] == ["/director/%401223", "/director/%401224"]
    status, body = _get(client, body["choices"][1]["url"])
    assert (status, body["name"]) == (200, "Ethan Coen")
    status, body = _get(client, "/actor/zzzzqq")
    assert (status, body["error"]) == (404, "not_found")
    for url in ("/actor/%00", "/director/" + "x" * 500):
        assert client.get(url).status_code == 422
    paths = client.get("/openapi.json").json()["paths"]
    assert "/director/{nombre}" in paths and "/actor/{nombre}" in paths
    assert not any(p.startswith("/get_") for p in paths)


def test_web_without_credits(bare_service: MovieService) -> None:
    with TestClient(create_app(Runtime.with_service(bare_service))) as client:
        status, body = _get(client, "/get_director/kubrick")
    assert (status, body) == (
        404,
        {"command": "director", "error": "no_data", "missing": "credits"},
    )


def test_card_buttons_open_each_persons_films(service: MovieService) -> None:
    from bot.telegram.replies import person_rows

    card = service.film_card(275)
    assert card is not None
    rows = person_rows(card)
    data = [b.callback_data for row in rows for b in row if b is not None]
    assert data == [
        "e director @1223",
        "e director @1224",
        "e actor @3910",
        "e actor @3911",
        "e actor @884",
    ]
    assert all(len(str(d).encode()) <= 64 for d in data)


def test_prepare_takes_credits_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import cli

    monkeypatch.delenv(CREDITS_ENV, raising=False)
    raw, elsewhere = tmp_path / "raw", tmp_path / "elsewhere"
    synthetic.generate(300, raw, seed=5)
    synthetic.generate_credits(raw, seed=5)
    elsewhere.mkdir()
    (raw / "credits.csv").rename(elsewhere / "credits.csv")
    out = tmp_path / "data"
    args = ["prepare", "--raw", str(raw / "movies_metadata.csv"), "--out", str(out), "--force"]
    assert cli.main([*args, "--credits", str(elsewhere / "credits.csv")]) == 0
    printed = capsys.readouterr().out
    assert "People (credits.csv, " in printed
    assert "cells that did not parse: cast 1, crew 0" in printed  # the one cell cut short
    service = MovieService.from_data_dir(out)
    assert service.people is not None and len(service.people) > 100
    assert cli.main(args) == 0  # no credits beside the raw file: a build without people
    assert "People: none" in capsys.readouterr().out
    assert MovieService.from_data_dir(out).people is None


def test_a_persons_answer_offers_the_best_known_films_as_buttons(service: MovieService) -> None:
    from bot.telegram.common import Deps
    from bot.telegram.replies import markup

    answer = service.ask("/actor tom hanks")
    keyboard = markup(answer, "es", Deps(service, None))
    assert keyboard is not None
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    # the five most voted: Forrest Gump, Toy Story, Saving Private Ryan, The Green Mile, Toy Story 2
    assert data == [f"e pelicula #{i}" for i in (13, 862, 857, 497, 863)]


def test_a_long_filmography_is_cut_in_text_and_whole_in_json() -> None:
    films = tuple(
        a.PersonFilm(
            a.MovieRef(i, f"Film {i}", 1990), 10, 20 if i % 2 else 0, 2.0 if i % 2 else None
        )
        for i in range(1, 13)
    )
    # six films of return 2.0, six unknown (0): total 12.0, mean 12 / 12 = 1.0
    answer = a.PersonAnswer(a.PersonRef(7, "Ann <O'Hara>"), films, 12.0, 1.0, 6, 120, "actor")
    text = render_text(answer, "en")
    assert text.splitlines()[:4] == [
        "🎭 Ann <O'Hara> acted in 12 movies of the catalog.",
        "Total return: 12.00×",
        "Average return: 1.00×",
        "Return known for 6 of 12 movies (the others count as 0).",
    ]
    assert "10. Film 10 (1990) — budget US$10, box office unknown, return unknown" in text
    assert "Film 11" not in text and text.endswith("… and 2 more movies.")
    assert render_html(answer).startswith(
        "🎭 <b>Ann &lt;O'Hara&gt;</b> actuó en <b>12 películas</b>"
    )
    assert len(to_json(answer)["movies"]) == 12


def test_an_unreadable_credits_file_leaves_the_build_without_people(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    synthetic.generate(300, raw, seed=6)
    credits = tmp_path / "credits.csv"
    credits.write_text("id,keywords\n1,[]\n", encoding="utf-8")
    result = prepare(RawFiles(raw / "movies_metadata.csv", None, "--raw", credits), tmp_path / "d")
    assert "cannot be read" in result.manifest["people"]["error"]
    assert not _people_files(result.build_dir)
    assert MovieService.from_data_dir(tmp_path / "d").people is None


def test_who_directed_a_film_in_plain_words(client: TestClient) -> None:
    status, body = _get(client, "/preguntar?q=¿quién dirigió titanic?")
    assert status == 200 and body["directors"] == [{"id": 2710, "name": "James Cameron"}]
    assert "error" not in body
    assert body["text"].splitlines()[0] == "🎬 Dirección: James Cameron"
    assert body["text"].count("Dirección") == 1  # first, not again in the card
    status, body = _get(client, "/preguntar?q=quien dirigio jumanji")  # empty credits
    assert (status, body["error"], body["missing"]) == (200, "no_data", "credits")
