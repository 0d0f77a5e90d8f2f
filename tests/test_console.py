"""``pelibot ask`` and ``pelibot chat`` on the real-data fixture, as a user runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import chat
from handlers.service import MovieService
from tests.data import facts


def _pelibot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_ask_json_lines(real_data_dir: Path) -> None:
    result = _pelibot(
        "ask",
        "--data",
        str(real_data_dir),
        "--json",
        "/mes enero",
        "/pais reino unido",
        "/retorno toy story",
        "/productora",
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {"command": "mes", "month": 1, "count": facts.in_month(1), "year": None}
    assert lines[1] == {
        "command": "pais",
        "country": "United Kingdom",
        "iso": "GB",
        "count": facts.from_country("GB"),
        "country_es": "Reino Unido",
    }
    assert {k: lines[2][k] for k in ("command", "id", "title", "year", "budget", "revenue")} == {
        "command": "retorno",
        "id": 862,
        "title": "Toy Story",
        "year": 1995,
        "budget": 30_000_000,
        "revenue": 373_554_033,
    }
    assert lines[2]["return"] == pytest.approx(373_554_033 / 30_000_000)
    assert lines[3]["error"] == "usage"


def test_ask_reads_stdin_in_english(real_data_dir: Path) -> None:
    result = _pelibot(
        "ask",
        "--data",
        str(real_data_dir),
        "--lang",
        "en",
        stdin="/month january\n\n/return titanic 1953\n",
    )
    assert result.returncode == 0, result.stderr
    assert f"{facts.in_month(1):,} movies were released in January" in result.stdout
    assert "Titanic (1953)" in result.stdout and "Budget: US$1,805,000" in result.stdout


def test_ask_without_catalog_says_what_to_do(tmp_path: Path) -> None:
    result = _pelibot("ask", "--data", str(tmp_path / "none"), "/mes enero")
    assert result.returncode == 1
    assert "pelibot prepare" in result.stderr and "Traceback" not in result.stderr


def test_chat_picks_a_numbered_choice(real_data_dir: Path) -> None:
    service = MovieService.from_data_dir(real_data_dir)
    out = io.StringIO()
    chat(service, lang="es", stdin=io.StringIO("mes juio\n2\nretorno titanic\n1\nsalir\n"), out=out)
    text = out.getvalue()
    assert "[1] Junio" in text and "[2] Julio" in text
    assert f"En julio se estrenaron {facts.spanish(facts.in_month(7))} películas" in text
    assert "[1] Titanic (1953)" in text
    assert "Presupuesto: US$ 1.805.000" in text


def test_ask_reads_plain_words_like_a_private_chat(real_data_dir: Path) -> None:
    result = _pelibot(
        "ask",
        "--data",
        str(real_data_dir),
        "--json",
        "titanic",
        "¿cuántas películas se estrenaron en enero?",
        "fox",
        "asdfgh",
        "qwerty",
    )
    assert result.returncode == 0, result.stderr
    card, january, fox, unknown, again = (json.loads(line) for line in result.stdout.splitlines())
    assert card.pop("overview").startswith("84 years later, a 101-year-old woman")
    assert card == {
        "command": "pelicula",
        "id": 597,
        "title": "Titanic",
        "year": 1997,
        "title_es": None,
        "genres": ["Drama", "Romance", "Thriller"],
        "runtime": 194,
        "vote_average": 7.5,
        "vote_count": 7770,
        "budget": 200_000_000,
        "revenue": 1_845_034_188,
        "return": pytest.approx(1_845_034_188 / 200_000_000),
        "doubtful": [],
        "collection": None,
        "poster_url": "https://image.tmdb.org/t/p/w342/kHXEpyfl6zqn8a6YuozZUujufXf.jpg",
        "tmdb_url": "https://www.themoviedb.org/movie/597",
        "imdb_url": "https://www.imdb.com/title/tt0120338/",
        "collection_es": None,
        "tagline": "Nothing on Earth could come between them.",
        "watch_url": "https://www.themoviedb.org/movie/597/watch",
        "videos_url": "https://www.themoviedb.org/movie/597/videos",
        "directors": [{"id": 2710, "name": "James Cameron"}],
        "cast": [
            {"id": 204, "name": "Kate Winslet"},
            {"id": 6193, "name": "Leonardo DiCaprio"},
            {"id": 1954, "name": "Billy Zane"},
        ],
    }
    assert january == {"command": "mes", "month": 1, "count": facts.in_month(1), "year": None}
    assert fox["error"] == "ambiguous" and fox["choices"][0]["command"] == "productora"
    assert "🏢 Twentieth Century Fox Film Corporation (productora)" in fox["suggestions"]
    assert set(unknown) == {"error", "suggestions"} and unknown["error"] == "not_understood"
    assert len(unknown["suggestions"]) == 3 and unknown["suggestions"] != again["suggestions"]


def test_chat_reads_plain_words_and_numbers_pick_examples(real_data_dir: Path) -> None:
    service = MovieService.from_data_dir(real_data_dir)
    out = io.StringIO()
    chat(service, lang="en", stdin=io.StringIO("titanic\n1\nhi\n2\n/día sábado\nquit\n"), out=out)
    text = out.getvalue()
    assert "🎬 Titanic (1997)" in text and "IMDb: https://www.imdb.com/title/tt0120338/" in text
    assert "[1] Titanic (1953)" in text and "🎬 Titanic (1953)" in text
    assert "👋 Hi!" in text and "[2] Titanic" in text
    assert text.count("🎬 Titanic (1997)") == 2  # the example "Titanic", picked by its number
    assert f"{facts.on_weekday(5):,} movies were released on a Saturday" in text


def test_ask_answers_help_and_start_with_the_help(real_data_dir: Path) -> None:
    from bot.console import ask

    service = MovieService.from_data_dir(real_data_dir)
    out = io.StringIO()
    ask(service, ["/start", "/help", "ayuda"], as_json=False, lang="en", out=out)
    text = out.getvalue()
    assert text.count("What I can answer:") == 3
    assert "don't know the command" not in text


def test_ask_into_a_reader_that_stops_early_ends_quietly(real_data_dir: Path) -> None:
    # `pelibot ask … | head -1`: the pipe closes while answers are still being written
    questions = ["toy story", "/recomendar alien", "/mes enero"] * 300
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ask", "--data", str(real_data_dir), *questions],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert first.startswith("🎬 Toy Story (1995)")
    assert errors == ""
