"""Film cards on a three-film catalog written by hand: a full card, and one the data knows
little about (no poster, no IMDb id, no runtime, no votes, no money)."""

from __future__ import annotations

import pytest

from bot.charts import ChartMaker
from bot.render import render_html, render_text, to_json
from bot.telegram.common import Deps
from bot.telegram.replies import card_keyboard, message_options
from data_prep.pipeline import prepare
from data_prep.source import RawFiles
from handlers import answers as a
from handlers.router import Route, Router
from handlers.service import MovieService, entity_key
from tests.factories import collection, nested_names, raw_movie, write_raw

POSTER = "/rhIRbceoE9lR4veEXuwCC2wARtG.jpg"
TOY_STORY = "Toy Story Collection"
ROWS = [
    raw_movie(
        862,
        "Toy Story",
        "1995-10-30",
        belongs_to_collection=collection(TOY_STORY),
        budget="30000000",
        revenue="373554033",
        runtime="81.0",
        vote_average="7.7",
        vote_count="5415",
        imdb_id="tt0114709",
        poster_path=POSTER,
        genres=nested_names("Animation", "Comedy", "Family"),
    ),
    raw_movie(
        5,
        "Four Rooms",
        "1995-12-09",
        runtime="",
        vote_average="0",
        vote_count="0",
        imdb_id="",
        poster_path="",
        genres="[]",
    ),
    raw_movie(
        6,
        "Judgment Night",
        "1993-10-15",
        runtime="40.0",
        budget="21000000",
        vote_count="1",
        vote_average="6.4",
        genres=nested_names("Action"),
    ),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> MovieService:
    folder = tmp_path_factory.mktemp("films")
    raw = write_raw(folder / "movies_metadata.csv", ROWS)
    prepare(RawFiles(raw, None, "--raw"), folder / "data", min_movies=1)
    return MovieService.from_data_dir(folder / "data")


def test_a_full_card(service: MovieService) -> None:
    card = service.answer("pelicula", "toy story")
    assert card == a.FilmAnswer(
        a.MovieRef(862, "Toy Story", 1995),
        ("Animation", "Comedy", "Family"),
        81,
        7.7,
        5415,
        30_000_000,
        373_554_033,
        pytest.approx(373_554_033 / 30_000_000),
        TOY_STORY,
        POSTER,
        "tt0114709",
    )
    assert isinstance(card, a.FilmAnswer)
    assert card.poster_url == f"https://image.tmdb.org/t/p/w342{POSTER}"
    assert render_text(card).splitlines()[:6] == [
        "🎬 Toy Story (1995)",
        "Animación, Comedia, Familia · 1 h 21 min",
        "⭐ 7,7/10 (5.415 votos)",
        "Presupuesto: US$ 30.000.000 (≈ 30\N{NO-BREAK SPACE}M)",
        "Recaudación: US$ 373.554.033 (≈ 374\N{NO-BREAK SPACE}M)",
        "Retorno: 12,45×",
    ]
    assert "🎞️ Collection: Toy Story Collection" in render_html(card, "en")
    assert "https://www.imdb.com/title/tt0114709/" not in render_html(card)  # a button instead
    assert service.key_for(card) == "#862"


def test_a_card_the_data_knows_little_about(service: MovieService) -> None:
    card = service.answer("pelicula", "four rooms")
    assert isinstance(card, a.FilmAnswer)
    assert (card.genres, card.runtime, card.vote_average, card.poster_path, card.imdb_id) == (
        (),
        None,
        None,
        None,
        None,
    )
    assert card.poster_url is None and card.imdb_url is None
    assert render_text(card).splitlines() == [
        "🎬 Four Rooms (1995)",
        "⭐ sin votos",
        "Presupuesto: sin datos",
        "Recaudación: sin datos",
        "Retorno: no se puede calcular sin presupuesto y recaudación.",
        "TMDB: https://www.themoviedb.org/movie/5",
    ]
    assert to_json(card) == {
        "command": "pelicula",
        "id": 5,
        "title": "Four Rooms",
        "year": 1995,
        "title_es": None,
        "genres": [],
        "runtime": None,
        "vote_average": None,
        "vote_count": 0,
        "budget": 0,
        "revenue": 0,
        "return": None,
        "doubtful": [],
        "collection": None,
        "poster_url": None,
        "tmdb_url": "https://www.themoviedb.org/movie/5",
        "imdb_url": None,
        "collection_es": None,
        "overview": None,
        "tagline": None,
        "watch_url": "https://www.themoviedb.org/movie/5/watch",
        "videos_url": "https://www.themoviedb.org/movie/5/videos",
        "directors": [],
        "cast": [],
    }
    short = service.answer("pelicula", "judgment night")
    assert isinstance(short, a.FilmAnswer)
    assert "Acción · 40 min" in render_text(short) and "⭐ 6,4/10 (1 voto)" in render_text(short)


def test_card_buttons_follow_what_the_film_has(service: MovieService) -> None:
    deps = Deps(service, ChartMaker(service.movies, service.stats))
    full = service.film_card(862)
    bare = service.film_card(5)
    assert full is not None and bare is not None

    def layout(card: a.FilmAnswer) -> list[list[tuple[str, str]]]:
        return [
            [(b.text, b.callback_data or b.url or "") for b in row]
            for row in card_keyboard(card, "es", deps).inline_keyboard
        ]

    assert layout(full) == [
        [("💰 Retorno", "e retorno #862"), ("🍿 Parecidas", "e recomendar #862")],
        [("🎬 Saga", f"e franquicia {entity_key(TOY_STORY)}"), ("📊 Gráfico", "g retorno #862")],
        [
            ("TMDB", "https://www.themoviedb.org/movie/862"),
            ("IMDb", "https://www.imdb.com/title/tt0114709/"),
        ],
    ]
    assert layout(bare) == [
        [("💰 Retorno", "e retorno #5"), ("🍿 Parecidas", "e recomendar #5")],
        [("TMDB", "https://www.themoviedb.org/movie/5")],
    ]
    preview = message_options(full, "es", deps)["link_preview_options"]
    assert (preview.url, preview.prefer_small_media, preview.is_disabled) == (
        full.poster_url,
        True,
        False,
    )
    assert "link_preview_options" not in message_options(bare, "es", deps)


def test_a_bare_title_routes_to_its_card(service: MovieService) -> None:
    routed = Router(service).route("Four Rooms")  # the key keeps what was typed
    assert routed == Route("pelicula", "#5 four rooms", 5, "Four Rooms (1995)")
