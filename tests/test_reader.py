"""The query model read from plain words: a regression table of what people type to the bot
(Spanish first, English too; typos, no accents, phone style, emoji) and the ``Query`` each
message means, or ``NOT`` for a message that is no query and stays with the older questions
(a film's card, /mes, /pais, /productora, /recomendar…).

A row names only the fields that matter; every other field must keep its default (intent
"list", order "rating", no filter), so a stray filter read from a filler word fails the row.
Bounds are read as said: "más de 7" is above 7 (7.1 and up: ratings have one decimal), "menos de
90 minutos" is 89 at most, "antes de 1960" ends in 1959; "al menos", "o más", "o menos" include
the number.
The expectations come from what the message means to a person, never from the reader's output.

The executor tests below count with pandas over the fixture catalog's DataFrame, independently
of ``handlers.search``. Ids are TMDB's and exist in the committed fixture (tests/data/).
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pandas as pd
import pytest

from handlers import answers as a
from handlers.query import GENRES, ORDERS, Query
from handlers.query_words import LONG_MINUTES, SHORT_MINUTES
from handlers.reader import QueryReader
from handlers.router import Route, Router, router_for
from handlers.service import MovieService

ALIEN = 348
TOY_STORY = 862
MATRIX = 603
HEAT = 949
PULP_FICTION = 680
TERMINATOR = 218
JURASSIC_PARK = 329

PIXAR = "Pixar Animation Studios"
DISNEY = "Walt Disney Pictures"
PARAMOUNT = "Paramount Pictures"
BOND = "James Bond Collection"

S20, S50, S60, S70 = (1920, 1929), (1950, 1959), (1960, 1969), (1970, 1979)
S80, S90, S2000 = (1980, 1989), (1990, 1999), (2000, 2009)

NOT = None
"""Not a query: the message stays with the older single-entity questions."""


def Q(
    *genres: str, years: int | tuple[int | None, int | None] | None = None, **kw: object
) -> Query:
    """The query a message means: genres by TMDB name, ``years`` one year or (from, to)."""
    if isinstance(years, int):
        years = (years, years)
    year_from, year_to = years or (None, None)
    return Query(genres=genres, year_from=year_from, year_to=year_to, **kw)  # type: ignore[arg-type]


TABLE: list[tuple[str, Query | None]] = [
    # topics: TMDB keywords people ask for by their words
    ("pelis de vampiros", Q(topics=("vampire",))),
    ("peliculas de navidad de los 90", Q(years=(1990, 1999), topics=("christmas",))),
    ("cuantas pelis de dinosaurios hay", Q(intent="count", topics=("dinosaur",))),
    ("time travel movies", Q(topics=("time travel",))),
    ("comedias de viajes en el tiempo", Q("Comedy", topics=("time travel",))),
    ("mejores pelis de superheroes", Q(topics=("superhero",))),
    ("pelis de boxeo", Q(topics=("boxing",))),
    ("una de piratas", Q(intent="pick", topics=("pirate",))),
    # people (the credits fixture: Tom Hanks 31, Steven Spielberg 488, Robert De Niro 380)
    ("comedias de tom hanks", Q("Comedy", person=31)),
    ("pelis dirigidas por spielberg en los 90", Q(years=(1990, 1999), person=488, role="director")),
    ("thrillers con robert de niro", Q("Thriller", person=380, role="cast")),
    ("de niro en los 90", Q(years=(1990, 1999), person=380)),
    ("mejores de spielberg", Q(person=488, order="rating")),  # a list by rating, not his page
    ("best tom hanks movies", Q(person=31, order="rating")),
    ("las peliculas mas taquilleras de tom hanks", Q(person=31, order="revenue")),
    # moods
    ("algo triste", Q("Drama")),
    ("algo para reir", Q("Comedy")),
    ("pelis para ver con mi novia", Q("Romance")),
    ("me aburro", Q(intent="pick")),
    ("i'm bored", Q(intent="pick")),
    # -- genres, in all their words ----------------------------------------------------------------
    ("pelis de terror", Q("Horror")),
    ("películas de miedo", Q("Horror")),
    ("peliculas de horror", Q("Horror")),
    ("pelis q den miedo", Q("Horror")),
    ("peliculas de zombies", Q("Horror")),
    ("scary movies", Q("Horror")),
    ("comedias", Q("Comedy")),
    ("pelis de risa", Q("Comedy")),
    ("películas de comedia", Q("Comedy")),
    ("pelis graciosas", Q("Comedy")),
    ("películas románticas", Q("Romance")),
    ("romanticas", Q("Romance")),
    ("pelis de amor", Q("Romance")),
    ("películas de acción", Q("Action")),
    ("action movies", Q("Action")),
    ("ciencia ficción", Q("Science Fiction")),
    ("pelis de sci-fi", Q("Science Fiction")),
    ("películas de ciencia ficcion", Q("Science Fiction")),
    ("películas de animación", Q("Animation")),
    ("pelis animadas", Q("Animation")),
    ("dibujos animados", Q("Animation")),
    ("animated movies", Q("Animation")),
    ("películas infantiles", Q("Family")),
    ("pelis para niños", Q("Family")),
    ("películas familiares", Q("Family")),
    ("kids movies", Q("Family")),
    ("documentales", Q("Documentary")),
    ("documentaries", Q("Documentary")),
    ("westerns", Q("Western")),
    ("pelis del oeste", Q("Western")),
    ("películas de vaqueros", Q("Western")),
    ("películas bélicas", Q("War")),
    ("pelis de guerra", Q("War")),
    ("war movies", Q("War")),
    ("musicales", Q("Music")),
    ("películas musicales", Q("Music")),
    ("musicals", Q("Music")),
    ("pelis de suspense", Q("Thriller")),
    ("peliculas de suspenso", Q("Thriller")),
    ("thrillers", Q("Thriller")),
    ("películas policiacas", Q("Crime")),
    ("pelis policíacas", Q("Crime")),
    ("películas de crimen", Q("Crime")),
    ("crime movies", Q("Crime")),
    ("pelis de misterio", Q("Mystery")),
    ("mystery movies", Q("Mystery")),
    ("películas de fantasía", Q("Fantasy")),
    ("fantasy movies", Q("Fantasy")),
    ("pelis de aventuras", Q("Adventure")),
    ("adventure movies", Q("Adventure")),
    ("películas históricas", Q("History")),
    ("historical movies", Q("History")),
    ("drama", Q("Drama")),
    ("dramas", Q("Drama")),
    ("películas dramáticas", Q("Drama")),
    # -- genres together ---------------------------------------------------------------------------
    ("comedias románticas", Q("Comedy", "Romance")),
    ("romantic comedies", Q("Romance", "Comedy")),
    ("accion y ciencia ficcion", Q("Action", "Science Fiction")),
    ("terror y comedia", Q("Horror", "Comedy")),
    ("animación para niños", Q("Animation", "Family")),
    ("thriller policiaco", Q("Thriller", "Crime")),
    ("sci-fi horror", Q("Science Fiction", "Horror")),
    ("fantasy and adventure movies", Q("Fantasy", "Adventure")),
    ("dramas históricos", Q("Drama", "History")),
    # -- typos, phone style, emoji -----------------------------------------------------------------
    ("pelis d terror", Q("Horror")),
    ("pelis de teror", Q("Horror")),
    ("comdias d los 90", Q("Comedy", years=S90)),
    ("ciencia fiction", Q("Science Fiction")),
    ("peliculas de accion", Q("Action")),
    ("pelis de acion", Q("Action")),
    ("documetales", Q("Documentary")),
    ("🎃 pelis de terror 🎃", Q("Horror")),
    ("PELIS DE ACCION!!!", Q("Action")),
    ("Peliculas De Terror De Los 80???", Q("Horror", years=S80)),
    ("q pelis de miedo hay de los 80?", Q("Horror", years=S80)),
    ("pelis de risa porfa 🙏", Q("Comedy")),
    ("westerns d los 60s", Q("Western", years=S60)),
    ("aventuras 80s", Q("Adventure", years=S80)),
    ("romanticas 90's", Q("Romance", years=S90)),
    ("belicas", Q("War")),
    ("fantasia 80s", Q("Fantasy", years=S80)),
    ("suspenso", Q("Thriller")),
    ("comedias xfa", Q("Comedy")),
    ("pelis d amor", Q("Romance")),
    ("terror psicologico", Q("Horror")),
    ("alguna peli d miedo d los 90?", Q("Horror", intent="pick", years=S90)),
    ("k comedias hay del 98", Q("Comedy", years=1998)),
    ("top 10 pelis de terror 😱", Q("Horror")),
    ("peliculas d ciencia ficcion", Q("Science Fiction")),
    ("dame las mejores comedias de los 90 porfa", Q("Comedy", years=S90)),
    ("las 5 mas taquilleras del 97", Q(order="revenue", years=1997)),
    ("cuantas pelis hay d terror", Q("Horror", intent="count")),
    # -- decades -----------------------------------------------------------------------------------
    ("pelis de los 80", Q(years=S80)),
    ("peliculas de los 80s", Q(years=S80)),
    ("pelis 80's", Q(years=S80)),
    ("películas de los años ochenta", Q(years=S80)),
    ("movies from the eighties", Q(years=S80)),
    ("films of the 1980s", Q(years=S80)),
    ("pelis de la década de los 70", Q(years=S70)),
    ("películas de los años 60", Q(years=S60)),
    ("cine de los cincuenta", Q(years=S50)),
    ("pelis de los 2000", Q(years=S2000)),
    ("pelis de los años 20", Q(years=S20)),
    ("terror de los ochentas", Q("Horror", years=S80)),
    ("comedias de los noventa", Q("Comedy", years=S90)),
    ("90s comedies", Q("Comedy", years=S90)),
    ("westerns of the seventies", Q("Western", years=S70)),
    ("pelis noventeras", Q(years=S90)),
    ("terror ochentero", Q("Horror", years=S80)),
    ("comedias de los 90 y los 2000", Q("Comedy", years=(1990, 2009))),
    ("terror de los 80 y 90", Q("Horror", years=(1980, 1999))),
    ("horror movies from the 80s", Q("Horror", years=S80)),
    ("ciencia ficción de los 70", Q("Science Fiction", years=S70)),
    ("scifi de los 80", Q("Science Fiction", years=S80)),
    ("dibujos animados de los 90", Q("Animation", years=S90)),
    ("documentales de los 90", Q("Documentary", years=S90)),
    ("películas del oeste de los 60", Q("Western", years=S60)),
    ("películas musicales de los 50", Q("Music", years=S50)),
    ("thrillers de los 90", Q("Thriller", years=S90)),
    ("pelis policíacas de los 70", Q("Crime", years=S70)),
    ("películas de aventura de los 80", Q("Adventure", years=S80)),
    ("pelis de amor de los 90", Q("Romance", years=S90)),
    ("pelis de accion de los 80s", Q("Action", years=S80)),
    ("comedia romantica de los 90", Q("Comedy", "Romance", years=S90)),
    ("animated movies from the 90s", Q("Animation", years=S90)),
    ("crime films of the 70s", Q("Crime", years=S70)),
    ("westerns from the fifties", Q("Western", years=S50)),
    # -- ranges ------------------------------------------------------------------------------------
    ("pelis entre 1995 y 1997", Q(years=(1995, 1997))),
    ("películas de 1995-1997", Q(years=(1995, 1997))),
    ("comedias 1995-1997", Q("Comedy", years=(1995, 1997))),
    ("terror 1980 – 1989", Q("Horror", years=S80)),
    ("movies from 1990 to 1995", Q(years=(1990, 1995))),
    ("films between 2000 and 2005", Q(years=(2000, 2005))),
    ("pelis de 1990 a 1995", Q(years=(1990, 1995))),
    ("peliculas desde 1995 hasta 1997", Q(years=(1995, 1997))),
    ("pelis del 95 al 97", Q(years=(1995, 1997))),
    ("terror entre el 85 y el 89", Q("Horror", years=(1985, 1989))),
    ("dramas entre 1940 y 1950", Q("Drama", years=(1940, 1950))),
    # -- before, after, since, until ---------------------------------------------------------------
    ("pelis antes de 1960", Q(years=(None, 1959))),
    ("peliculas anteriores a 1950", Q(years=(None, 1949))),
    ("westerns antes de 1960", Q("Western", years=(None, 1959))),
    ("pelis de terror antes de los 80", Q("Horror", years=(None, 1979))),
    ("pelis después de 2000", Q(years=(2001, None))),
    ("películas posteriores a 1995", Q(years=(1996, None))),
    ("pelis desde 2000", Q(years=(2000, None))),
    ("comedias desde 1995", Q("Comedy", years=(1995, None))),
    ("películas a partir de 1990", Q(years=(1990, None))),
    ("pelis de 1995 en adelante", Q(years=(1995, None))),
    ("terror hasta 1980", Q("Horror", years=(None, 1980))),
    ("movies before 1950", Q(years=(None, 1949))),
    ("films after 1995", Q(years=(1996, None))),
    ("comedies since 2000", Q("Comedy", years=(2000, None))),
    # -- single years ------------------------------------------------------------------------------
    ("películas de 1995", Q(years=1995)),
    ("pelis del 95", Q(years=1995)),
    ("comedias de 1999", Q("Comedy", years=1999)),
    ("terror 1984", Q("Horror", years=1984)),
    ("movies from 1997", Q(years=1997)),
    ("pelis del año 2000", Q(years=2000)),
    ("comedies from 1999", Q("Comedy", years=1999)),
    ("pelis de drama de 1995", Q("Drama", years=1995)),
    # -- months and weekdays -----------------------------------------------------------------------
    ("comedias de mayo", Q("Comedy", month=5)),
    ("terror en octubre", Q("Horror", month=10)),
    ("pelis de terror estrenadas en octubre", Q("Horror", month=10)),
    ("mayo 1995-1997", Q(month=5, years=(1995, 1997))),
    ("estrenos de mayo entre 1995 y 1997", Q(month=5, years=(1995, 1997))),
    ("peliculas estrenadas en diciembre de los 90", Q(month=12, years=S90)),
    ("comedias de mayo de 1995", Q("Comedy", month=5, years=1995)),
    ("las más taquilleras de diciembre", Q(order="revenue", month=12)),
    ("películas estrenadas un viernes de 1995", Q(weekday=4, years=1995)),
    ("estrenos de los viernes de 1997", Q(weekday=4, years=1997)),
    ("movies released on a friday in 1995", Q(weekday=4, years=1995)),
    ("comedias estrenadas en domingo", Q("Comedy", weekday=6)),
    ("películas de los sábados de los 80", Q(weekday=5, years=S80)),
    ("horror movies released in october", Q("Horror", month=10)),
    # -- countries: names and nationality adjectives -----------------------------------------------
    ("pelis francesas", Q(country="FR")),
    ("películas mexicanas", Q(country="MX")),
    ("comedias francesas", Q("Comedy", country="FR")),
    ("japanese movies", Q(country="JP")),
    ("películas producidas en Francia en 1995", Q(country="FR", years=1995)),
    ("peliculas de francia de 1995", Q(country="FR", years=1995)),
    ("pelis españolas de los 90", Q(country="ES", years=S90)),
    ("cine italiano de los 60", Q(country="IT", years=S60)),
    ("terror japonés", Q("Horror", country="JP")),
    ("películas británicas", Q(country="GB")),
    ("comedias inglesas", Q("Comedy", country="GB")),
    ("animación japonesa", Q("Animation", country="JP")),
    ("películas alemanas antes de 1960", Q(country="DE", years=(None, 1959))),
    ("westerns italianos", Q("Western", country="IT")),
    ("spaghetti westerns", Q("Western", country="IT")),
    ("french films from the 60s", Q(country="FR", years=S60)),
    ("korean thrillers", Q("Thriller", country="KR")),
    ("british comedies", Q("Comedy", country="GB")),
    ("pelis gringas de accion", Q("Action", country="US")),
    ("películas americanas de 1995", Q(country="US", years=1995)),
    ("películas de Hong Kong de acción", Q("Action", country="HK")),
    ("pelis argentinas", Q(country="AR")),
    ("películas canadienses de terror", Q("Horror", country="CA")),
    ("películas de estados unidos de 1999", Q(country="US", years=1999)),
    ("italian horror movies from the 70s", Q("Horror", country="IT", years=S70)),
    # -- original language -------------------------------------------------------------------------
    ("películas en español", Q(language="es")),
    ("pelis habladas en francés", Q(language="fr")),
    ("movies in japanese", Q(language="ja")),
    ("comedias en español de los 90", Q("Comedy", language="es", years=S90)),
    ("pelis en italiano", Q(language="it")),
    ("películas en alemán", Q(language="de")),
    ("terror en japones", Q("Horror", language="ja")),
    ("dramas en coreano", Q("Drama", language="ko")),
    ("películas en castellano", Q(language="es")),
    ("films in spanish", Q(language="es")),
    ("pelis en version original en frances", Q(language="fr")),
    ("peliculas de habla hispana", Q(language="es")),
    ("french language films", Q(language="fr")),
    ("movies in french from the 60s", Q(language="fr", years=S60)),
    ("spanish-language dramas", Q("Drama", language="es")),
    # -- runtime -----------------------------------------------------------------------------------
    ("pelis de menos de 90 minutos", Q(runtime_max=89)),
    ("películas cortas", Q(runtime_max=SHORT_MINUTES)),
    ("comedias cortas", Q("Comedy", runtime_max=SHORT_MINUTES)),
    ("peliculas largas", Q(runtime_min=LONG_MINUTES)),
    ("pelis de más de 2 horas", Q(runtime_min=121)),
    ("películas de más de dos horas", Q(runtime_min=121)),
    ("peliculas que duren menos de hora y media", Q(runtime_max=89)),
    ("películas de menos de 1.5 horas", Q(runtime_max=89)),
    ("movies under 90 minutes", Q(runtime_max=89)),
    ("films longer than 3 hours", Q(runtime_min=181)),
    ("terror de menos de 90 min", Q("Horror", runtime_max=89)),
    ("pelis de 90 minutos o menos", Q(runtime_max=90)),
    ("peliculas de mas de 120 min", Q(runtime_min=121)),
    ("pelis que duren al menos 2 horas", Q(runtime_min=120)),
    ("movies of at most 100 minutes", Q(runtime_max=100)),
    ("short comedies", Q("Comedy", runtime_max=SHORT_MINUTES)),
    # -- rating ------------------------------------------------------------------------------------
    ("pelis con más de 7", Q(rating_min=7.1)),
    ("películas con nota mayor a 8", Q(rating_min=8.1)),
    ("comedias con nota de más de 7", Q("Comedy", rating_min=7.1)),
    ("terror con puntuación superior a 6.5", Q("Horror", rating_min=6.6)),
    ("pelis con nota de 8 o más", Q(rating_min=8.0)),
    ("pelis con nota menor a 4", Q(rating_max=3.9)),
    ("movies rated above 8", Q(rating_min=8.1)),
    ("pelis con una nota de al menos 7", Q(rating_min=7.0)),
    ("comedies with a rating over 7", Q("Comedy", rating_min=7.1)),
    ("dramas con más de 7,5", Q("Drama", rating_min=7.6)),
    ("peliculas con mas de 7 de nota de los 90", Q(rating_min=7.1, years=S90)),
    # -- orders ------------------------------------------------------------------------------------
    ("mejores películas", Q(order="rating")),
    ("las mejores pelis de los 90", Q(years=S90)),
    ("peores películas", Q(order="worst")),
    ("las peores de 1995", Q(order="worst", years=1995)),
    ("top comedias", Q("Comedy")),
    ("top 10 terror 80s", Q("Horror", years=S80)),
    ("pelis más taquilleras", Q(order="revenue")),
    ("las más taquilleras de 1997", Q(order="revenue", years=1997)),
    ("las películas más caras", Q(order="budget")),
    ("las más caras de los 90", Q(order="budget", years=S90)),
    ("películas más rentables", Q(order="return")),
    ("más votadas", Q(order="votes")),
    ("las más votadas de ciencia ficción", Q("Science Fiction", order="votes")),
    ("las más largas", Q(order="longest")),
    ("películas más largas de los 60", Q(order="longest", years=S60)),
    ("pelis más cortas", Q(order="shortest")),
    ("las más recientes", Q(order="newest")),
    ("comedias más recientes", Q("Comedy", order="newest")),
    ("las más antiguas", Q(order="oldest")),
    ("películas más antiguas de terror", Q("Horror", order="oldest")),
    ("highest grossing movies of 1995", Q(order="revenue", years=1995)),
    ("most expensive films", Q(order="budget")),
    ("most popular comedies", Q("Comedy", order="votes")),
    ("worst horror movies", Q("Horror", order="worst")),
    ("best sci-fi of the 80s", Q("Science Fiction", years=S80)),
    ("longest movies", Q(order="longest")),
    ("newest westerns", Q("Western", order="newest")),
    ("oldest animated movies", Q("Animation", order="oldest")),
    ("top rated dramas", Q("Drama")),
    ("most profitable movies", Q(order="return")),
    ("las pelis más vistas", Q(order="votes")),
    ("las comedias más populares de los 90", Q("Comedy", order="votes", years=S90)),
    ("los mayores éxitos de taquilla de 1995", Q(order="revenue", years=1995)),
    ("las que más recaudaron en 1997", Q(order="revenue", years=1997)),
    ("pelis con mayor presupuesto", Q(order="budget")),
    ("las películas que más dinero recaudaron en 1995", Q(order="revenue", years=1995)),
    ("mejores pelis de terror de todos los tiempos", Q("Horror")),
    ("peliculas mejor valoradas de 1999", Q(years=1999)),
    ("películas peor valoradas", Q(order="worst")),
    ("las peliculas mas malas", Q(order="worst")),
    ("lo mejor del 2000", Q(years=2000)),
    ("las 10 mejores de 1994", Q(years=1994)),
    # -- counts ------------------------------------------------------------------------------------
    ("cuántas películas de terror hay", Q("Horror", intent="count")),
    ("cuantas pelis de terror hay de los 80", Q("Horror", intent="count", years=S80)),
    ("cuántas comedias de 1995", Q("Comedy", intent="count", years=1995)),
    ("cuántas películas francesas hay", Q(intent="count", country="FR")),
    ("cuántas pelis duran más de 3 horas", Q(intent="count", runtime_min=181)),
    ("cuántas películas hay en español", Q(intent="count", language="es")),
    ("how many horror movies from the 80s", Q("Horror", intent="count", years=S80)),
    ("how many movies came out in 1995", Q(intent="count", years=1995)),
    ("how many french films are there", Q(intent="count", country="FR")),
    ("numero de westerns de los 50", Q("Western", intent="count", years=S50)),
    ("cuántas películas de los 90 tienen más de 8", Q(intent="count", rating_min=8.1, years=S90)),
    ("cuantos documentales hay", Q("Documentary", intent="count")),
    ("cuántas pelis se estrenaron un viernes de 1995", Q(intent="count", weekday=4, years=1995)),
    ("cuántas pelis de mayo entre 1995 y 1997", Q(intent="count", month=5, years=(1995, 1997))),
    ("total de películas de animación", Q("Animation", intent="count")),
    ("cuántas películas hay de 1995", Q(intent="count", years=1995)),
    ("cuántas hay en francés", Q(intent="count", language="fr")),
    (
        "cuántas comedias románticas de los 90 hay",
        Q("Comedy", "Romance", intent="count", years=S90),
    ),
    ("how many japanese animated movies", Q("Animation", intent="count", country="JP")),
    # -- picks -------------------------------------------------------------------------------------
    ("sorpréndeme", Q(intent="pick")),
    ("sorprendeme con una de terror", Q("Horror", intent="pick")),
    ("recomiéndame una de terror", Q("Horror", intent="pick")),
    ("una comedia de los 90", Q("Comedy", intent="pick", years=S90)),
    ("recomiéndame una peli de acción", Q("Action", intent="pick")),
    ("dame una de miedo", Q("Horror", intent="pick")),
    ("qué veo esta noche?", Q(intent="pick")),
    (
        "recomiéndame algo de ciencia ficción de los 80",
        Q("Science Fiction", intent="pick", years=S80),
    ),
    ("una peli francesa", Q(intent="pick", country="FR")),
    ("surprise me", Q(intent="pick")),
    ("recommend me a horror movie", Q("Horror", intent="pick")),
    ("recommend a comedy from the 90s", Q("Comedy", intent="pick", years=S90)),
    ("pick a random western", Q("Western", intent="pick")),
    ("quiero ver una de risa", Q("Comedy", intent="pick")),
    ("alguna de terror corta?", Q("Horror", intent="pick", runtime_max=SHORT_MINUTES)),
    ("una buena de suspense", Q("Thriller", intent="pick")),
    ("peli random de los 80", Q(intent="pick", years=S80)),
    ("sugiéreme una película romántica", Q("Romance", intent="pick")),
    ("qué puedo ver de animación?", Q("Animation", intent="pick")),
    ("algo para ver de terror", Q("Horror", intent="pick")),
    ("sorpréndeme con algo de los 70", Q(intent="pick", years=S70)),
    ("cualquier peli de guerra", Q("War", intent="pick")),
    ("una al azar", Q(intent="pick")),
    ("recomiéndame una buena comedia francesa", Q("Comedy", intent="pick", country="FR")),
    ("what should i watch tonight", Q(intent="pick")),
    ("something to watch from the 80s", Q(intent="pick", years=S80)),
    ("una de vaqueros", Q("Western", intent="pick")),
    ("una de amor", Q("Romance", intent="pick")),
    ("una de guerra", Q("War", intent="pick")),
    ("alguna de risa", Q("Comedy", intent="pick")),
    # -- filtered recommendations: like a film, with filters ---------------------------------------
    ("algo como alien pero de los 90", Q(like=(ALIEN,), years=S90)),
    ("pelis como toy story pero de los 80", Q(like=(TOY_STORY,), years=S80)),
    ("películas parecidas a alien de los 80", Q(like=(ALIEN,), years=S80)),
    ("something like the matrix but from the 80s", Q(like=(MATRIX,), years=S80)),
    ("movies like heat from the 70s", Q(like=(HEAT,), years=S70)),
    ("algo como pulp fiction pero francés", Q(like=(PULP_FICTION,), country="FR")),
    ("algo como alien de los 90 y con más de 7", Q(like=(ALIEN,), years=S90, rating_min=7.1)),
    ("movies like jurassic park from before 1990", Q(like=(JURASSIC_PARK,), years=(None, 1989))),
    ("pelis tipo terminator pero de los 90", Q(like=(TERMINATOR,), years=S90)),
    ("algo como toy story pero en español", Q(like=(TOY_STORY,), language="es")),
    # -- companies and sagas with filters ----------------------------------------------------------
    ("las mejores de pixar", Q(company=PIXAR)),
    ("peliculas de pixar de los 90", Q(company=PIXAR, years=S90)),
    ("pelis para niños de disney", Q("Family", company=DISNEY)),
    ("james bond de los 60", Q(collection=BOND, years=S60)),
    ("las mejores de james bond", Q(collection=BOND)),
    ("pelis de paramount de 1995", Q(company=PARAMOUNT, years=1995)),
    # -- filters combined --------------------------------------------------------------------------
    ("comedias francesas de los 90", Q("Comedy", country="FR", years=S90)),
    ("mejores pelis de terror de los 80", Q("Horror", years=S80)),
    ("las 10 comedias más taquilleras de los 90", Q("Comedy", order="revenue", years=S90)),
    ("películas de acción de más de 2 horas de los 90", Q("Action", runtime_min=121, years=S90)),
    ("dramas franceses con más de 7", Q("Drama", country="FR", rating_min=7.1)),
    ("thrillers en inglés de 1995 a 1999", Q("Thriller", language="en", years=(1995, 1999))),
    ("terror japones de los 2000", Q("Horror", country="JP", years=S2000)),
    ("westerns italianos de los 60", Q("Western", country="IT", years=S60)),
    (
        "animación para niños de disney de los 90",
        Q("Animation", "Family", company=DISNEY, years=S90),
    ),
    (
        "terror de los 80 con más de 7 y de menos de 100 minutos",
        Q("Horror", years=S80, rating_min=7.1, runtime_max=99),
    ),
    ("pelis de guerra en alemán antes de 1970", Q("War", language="de", years=(None, 1969))),
    ("películas de aventuras para niños de los 80", Q("Adventure", "Family", years=S80)),
    ("documentales franceses", Q("Documentary", country="FR")),
    ("ciencia ficción japonesa de los 90", Q("Science Fiction", country="JP", years=S90)),
    (
        "las más taquilleras de ciencia ficción de los 90",
        Q("Science Fiction", order="revenue", years=S90),
    ),
    ("peores comedias de 1999", Q("Comedy", order="worst", years=1999)),
    ("top 5 películas de acción de 1997", Q("Action", years=1997)),
    ("pelis de terror de los 80 en inglés", Q("Horror", language="en", years=S80)),
    ("mejores películas de 1995 de más de 2 horas", Q(years=1995, runtime_min=121)),
    ("comedias españolas de los 80", Q("Comedy", country="ES", years=S80)),
    ("dramas coreanos recientes", Q("Drama", country="KR", order="newest")),
    ("peliculas de amor francesas", Q("Romance", country="FR")),
    ("musicales americanos de los 50", Q("Music", country="US", years=S50)),
    ("best french comedies of the 90s", Q("Comedy", country="FR", years=S90)),
    ("longest war movies", Q("War", order="longest")),
    (
        "comedias cortas de los 80 con más de 6",
        Q("Comedy", runtime_max=90, years=S80, rating_min=6.1),
    ),
    # -- not queries: a title, one name, one month, a film's money, small talk ---------------------
    ("titanic", NOT),
    ("Titanic 1997", NOT),
    ("titanic 1953", NOT),
    ("titanik", NOT),
    ("toy story", NOT),
    ("jumanji", NOT),
    ("forrest gump", NOT),
    ("the godfather", NOT),
    ("el padrino", NOT),
    ("star wars", NOT),
    ("terminator 2", NOT),
    ("alien", NOT),
    ("heat", NOT),
    ("war of the worlds", NOT),
    ("enero", NOT),
    ("octubre", NOT),
    ("sábado", NOT),
    ("saturday", NOT),
    ("mes de enero", NOT),
    ("estrenos de enero", NOT),
    ("películas estrenadas en sábado", NOT),
    ("cuántas películas se estrenaron en julio", NOT),
    ("estrenos de diciembre de 1997", NOT),
    ("peliculas de octubre de 1999", NOT),
    ("pixar", NOT),
    ("disney", NOT),
    ("productora pixar", NOT),
    ("francia", NOT),
    ("spain", NOT),
    ("pais francia", NOT),
    ("james bond", NOT),
    ("¿cuánto recaudó titanic?", NOT),
    ("cuánto costó titanic", NOT),
    ("taquilla de titanic", NOT),
    ("presupuesto de titanic", NOT),
    ("cuánto dura titanic", NOT),
    ("ficha de braveheart", NOT),
    ("¿cuándo se estrenó casablanca?", NOT),
    ("recomiéndame algo como alien", NOT),
    ("películas parecidas a toy story", NOT),
    ("something like the matrix", NOT),
    ("movies similar to alien", NOT),
    ("pelis tipo terminator", NOT),
    ("recomiéndame algo", NOT),
    ("recommend me something", NOT),
    ("hola", NOT),
    ("gracias", NOT),
    ("buenas noches", NOT),
    ("ok gracias 👍", NOT),
]
"""What people type, and the query it means (``NOT``: no query)."""

TITLES_WITH_QUERY_WORDS = [
    "top gun",
    "scary movie",
    "the good, the bad and the ugly",
    "the sound of music",
    "true romance",
    "last action hero",
    "american history x",
    "almost famous",
    "the great escape",
    "short circuit",
]
"""Exact titles made of query words: the router keeps them film cards."""


# -- fixtures and helpers --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest.fixture(scope="module")
def reader(service: MovieService) -> QueryReader:
    return service.reader


@pytest.fixture(scope="module")
def router(service: MovieService) -> Router:
    return router_for(service)


_DEFAULT = Query()
_COMPARED = [f.name for f in fields(Query) if f.name not in ("page", "ignored")]


def shown(query: Query) -> dict[str, object]:
    """The fields of ``query`` that differ from a bare ``Query()`` (genres as a set: a film
    must have every one, in no order)."""
    out: dict[str, object] = {}
    for name in _COMPARED:
        value = getattr(query, name)
        if value != getattr(_DEFAULT, name):
            out[name] = sorted(value) if name == "genres" else value
    return out


def _has(column: pd.Series, value: str) -> pd.Series:
    return column.map(lambda cell: cell is not None and value in list(cell)).astype(bool)


def expected_mask(movies: pd.DataFrame, query: Query) -> pd.Series:
    """Which films pass ``query``'s filters, worked out with pandas alone: a runtime or rating
    bound needs a known runtime or at least one vote."""
    keep = pd.Series(True, index=movies.index)
    for genre in query.genres:
        keep &= _has(movies["genres"], genre)
    if query.year_from is not None:
        keep &= movies["release_year"] >= query.year_from
    if query.year_to is not None:
        keep &= movies["release_year"] <= query.year_to
    if query.month is not None:
        keep &= movies["release_date"].dt.month == query.month
    if query.weekday is not None:
        keep &= movies["release_date"].dt.day_of_week == query.weekday
    if query.country is not None:
        keep &= _has(movies["production_country_codes"], query.country)
    if query.language is not None:
        keep &= movies["original_language"] == query.language
    if query.company is not None:
        keep &= _has(movies["production_companies"], query.company)
    if query.collection is not None:
        keep &= movies["collection"] == query.collection
    runtime = movies["runtime"].fillna(0)
    if query.runtime_min is not None:
        keep &= runtime >= query.runtime_min
    if query.runtime_max is not None:
        keep &= (runtime <= query.runtime_max) & (runtime > 0)
    voted = movies["vote_count"] > 0
    if query.rating_min is not None:
        keep &= (movies["vote_average"] >= query.rating_min) & voted
    if query.rating_max is not None:
        keep &= (movies["vote_average"] <= query.rating_max) & voted
    if query.like:
        keep &= ~movies["id"].isin(query.like)
    return keep


# -- the table -------------------------------------------------------------------------------------


def test_the_table_is_large_and_covers_every_slot() -> None:
    texts = [text for text, _ in TABLE]
    assert len(TABLE) >= 220
    assert len(set(texts)) == len(texts), "a message twice"
    queries = [q for _, q in TABLE if q is not NOT]
    assert len(queries) < len(TABLE) - 40  # plenty of messages that are no query
    said = {g for q in queries for g in q.genres}
    assert said >= set(GENRES) - {"TV Movie", "Foreign"}
    assert {q.order for q in queries} == set(ORDERS)
    assert {q.intent for q in queries} == {"list", "count", "pick"}
    for name in _COMPARED:
        if name not in ("intent", "order"):
            assert any(name in shown(q) for q in queries), f"no row sets {name}"


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[text for text, _ in TABLE])
def test_a_message_reads_as_what_it_means(
    reader: QueryReader, text: str, expected: Query | None
) -> None:
    read = reader.read(text)
    if expected is NOT:
        assert not read.is_query, f"read as a query: {shown(read.query)}"
        return
    assert read.is_query, f"not a query: {shown(read.query)} ignored={read.query.ignored}"
    assert shown(read.query) == shown(expected), f"ignored={read.query.ignored}"


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[text for text, _ in TABLE])
def test_the_router_sends_queries_to_buscar_and_the_rest_elsewhere(
    router: Router, text: str, expected: Query | None
) -> None:
    routed = router.route(text)
    searched = isinstance(routed, Route) and routed.command == "buscar"
    assert searched == (expected is not NOT), routed


@pytest.mark.parametrize("title", TITLES_WITH_QUERY_WORDS)
def test_an_exact_title_made_of_query_words_stays_a_film(
    router: Router, service: MovieService, title: str
) -> None:
    assert service.exact("title", title), f"{title!r} is no title of the fixture"
    routed = router.route(title)
    assert not (isinstance(routed, Route) and routed.command == "buscar"), routed


# -- the executor, against pandas ------------------------------------------------------------------

COUNTED: list[tuple[str, Query]] = [
    ("cuántas pelis de terror de los 80", Q("Horror", years=S80)),
    ("cuántas películas de mayo entre 1995 y 1997", Q(month=5, years=(1995, 1997))),
    ("cuántas películas producidas en Francia en 1995", Q(country="FR", years=1995)),
    ("cuántas películas se estrenaron un viernes de 1995", Q(weekday=4, years=1995)),
    ("cuántas comedias románticas de los 90", Q("Comedy", "Romance", years=S90)),
    ("cuántas películas en español hay", Q(language="es")),
    ("cuántas películas de animación de menos de 90 minutos", Q("Animation", runtime_max=89)),
    ("cuántos dramas con nota de más de 7,5", Q("Drama", rating_min=7.6)),
    ("cuántas películas de pixar hay", Q(company=PIXAR)),
    ("cuántas de james bond de los 60", Q(collection=BOND, years=S60)),
    ("cuántos westerns antes de 1960", Q("Western", years=(None, 1959))),
    ("cuántas pelis de más de 2 horas de los 90", Q(runtime_min=121, years=S90)),
]


@pytest.mark.parametrize(("text", "query"), COUNTED, ids=[text for text, _ in COUNTED])
def test_a_count_is_what_pandas_counts(service: MovieService, text: str, query: Query) -> None:
    expected = int(expected_mask(service.movies, query).sum())
    assert expected > 0, "a filter nothing passes proves little"
    counted = service.run_query(replace(query, intent="count"))
    assert isinstance(counted, a.SearchAnswer)
    assert counted.count == expected
    listed = service.run_query(query)
    assert isinstance(listed, a.SearchAnswer)
    assert listed.count == expected
    in_words = service.answer("buscar", text)
    assert isinstance(in_words, a.SearchAnswer), in_words
    assert in_words.count == expected, shown(in_words.query)


LISTED: list[Query] = [
    Q("Horror", years=S80),
    Q(month=5, years=(1995, 1997), order="revenue"),
    Q(country="FR", years=1995, order="votes"),
    Q(weekday=4, years=1995, order="newest"),
    Q("Comedy", language="en", runtime_max=90, order="longest"),
    Q("Drama", rating_min=7.0, years=(None, 1959), order="oldest"),
    Q("Action", order="budget", years=S90),
    Q("Science Fiction", order="worst"),
    Q(order="return", years=(1990, None)),
    Q("Family", "Animation", order="shortest"),
    Q(company=PIXAR),
    Q(collection=BOND, order="oldest"),
    Q(like=(ALIEN,), years=S90),
    Q(like=(TOY_STORY,), years=S80),
]

_ORDER_COLUMN = {
    "revenue": ("revenue", False),
    "budget": ("budget", False),
    "votes": ("vote_count", False),
    "longest": ("runtime", False),
    "shortest": ("runtime", True),
    "newest": ("release_date", False),
    "oldest": ("release_date", True),
}


@pytest.mark.parametrize("query", LISTED, ids=[str(shown(q)) for q in LISTED])
def test_every_film_of_a_list_page_passes_its_filters(service: MovieService, query: Query) -> None:
    movies = service.movies.set_index("id", drop=False)
    passing = expected_mask(service.movies, query)
    passing.index = service.movies["id"]
    answer = service.run_query(query)
    assert isinstance(answer, a.SearchAnswer)
    assert answer.count == int(passing.sum())
    ids = [film.movie.id for film in answer.films]
    assert ids, "an empty page proves little"
    assert len(ids) == len(set(ids)) == min(10, answer.ranked)
    assert all(passing[i] for i in ids), [i for i in ids if not passing[i]]
    if query.order in _ORDER_COLUMN and not query.like:
        column, ascending = _ORDER_COLUMN[query.order]
        values = movies.loc[ids, column].tolist()
        assert values == sorted(values, reverse=not ascending), values
    if query.like:
        assert [ref.id for ref in answer.like] == list(query.like)
        assert not set(query.like) & set(ids)
    if answer.ranked > 10:
        second = service.run_query(query.with_page(2))
        assert isinstance(second, a.SearchAnswer)
        assert not {f.movie.id for f in second.films} & set(ids)
        assert all(passing[f.movie.id] for f in second.films)


SORTED: list[Query] = [
    Q("Comedy", language="en", runtime_max=90, order="longest"),
    Q("Drama", order="shortest", years=S90),
    Q(years=(1995, 1997), order="newest"),
    Q("Western", order="oldest"),
    Q(country="US", order="votes", years=(None, 1979)),
]
"""Queries whose order ties many films (same runtime, same day): a page must still be the
right stretch of the whole order, with more votes first among equals, then the lower id."""


@pytest.mark.parametrize("query", SORTED, ids=[str(shown(q)) for q in SORTED])
def test_a_page_is_its_stretch_of_the_whole_order(service: MovieService, query: Query) -> None:
    column, ascending = _ORDER_COLUMN[query.order]
    movies = service.movies[expected_mask(service.movies, query)]
    if column == "runtime":
        movies = movies[movies["runtime"] > 0]
    whole = movies.sort_values(
        [column, "vote_count", "id"], ascending=[ascending, False, True], kind="stable"
    )["id"].tolist()
    assert len(whole) > 20
    for page in (1, 2):
        answer = service.run_query(query.with_page(page))
        assert isinstance(answer, a.SearchAnswer)
        shown_ids = [film.movie.id for film in answer.films]
        assert shown_ids == whole[(page - 1) * 10 : page * 10], f"page {page}"


@pytest.mark.parametrize(
    "query",
    [Q("Horror", years=S80), Q("Comedy", country="FR"), Q(weekday=4, years=1995, runtime_max=100)],
    ids=str,
)
def test_a_pick_passes_its_filters(service: MovieService, query: Query) -> None:
    passing = expected_mask(service.movies, query)
    passing.index = service.movies["id"]
    for _ in range(8):
        answer = service.run_query(replace(query, intent="pick"))
        assert isinstance(answer, a.PickAnswer)
        assert answer.count == int(passing.sum())
        assert answer.film is not None
        assert passing[answer.film.movie.id]


def test_a_filtered_recommendation_in_words_keeps_its_filters(service: MovieService) -> None:
    answer = service.answer("buscar", "algo como alien pero de los 90")
    assert isinstance(answer, a.SearchAnswer), answer
    assert [ref.id for ref in answer.like] == [ALIEN]
    years = service.movies.set_index("id")["release_year"]
    ids = [film.movie.id for film in answer.films]
    assert ids
    assert all(1990 <= years[i] <= 1999 for i in ids)
    assert ALIEN not in ids
