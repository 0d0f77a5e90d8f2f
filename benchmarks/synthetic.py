"""Synthetic raw files in the exact Kaggle format, for tests and benchmarks at any size.

``generate`` writes ``movies_metadata.csv`` (the 24 raw columns in the Kaggle order, nested cells as
Python-literal strings) and a matching ``keywords.csv``, with the defects of the real file: budgets
and revenues of 0, a few rows without ``release_date``, duplicated ids, and records broken over two
lines whose second half is shifted 9 columns left (its ``id`` holds a date, its ``budget`` a poster
path). It returns how many rows of each defect it wrote, so a test knows what the rules must drop.
The output depends only on the arguments (and the Python version's ``random``).

    python -m benchmarks.synthetic --rows 45000 --out DIR [--seed N]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import math
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from data_prep.clean import RAW_COLUMNS
from data_prep.source import KEYWORDS_FILE, MOVIES_FILE

# Defects per row of the full Kaggle file (45,466 rows): 3 broken records, 30 extra copies of an
# id, 84 ordinary rows without a release date.
MALFORMED_RATE = 3 / 45_466
DUPLICATE_RATE = 30 / 45_466
NULL_DATE_RATE = 84 / 45_466
KEYWORD_DUPLICATE_RATE = 987 / 46_419
FIRST_YEAR, LAST_YEAR = 1900, 2017


@dataclass(frozen=True)
class SyntheticCounts:
    """What ``generate`` wrote; ``rows`` counts data rows as a CSV reader sees them."""

    rows: int
    malformed: int  # second halves of broken records: ``id`` holds a date (rule 7a)
    stubs: int  # first halves of broken records: a real id, no release_date (rule 3)
    duplicates: int  # extra copies of an earlier id (rule 7b)
    null_dates: int  # ordinary rows without a release_date (rule 3)
    keyword_rows: int
    keyword_duplicates: int

    @property
    def dropped_by_rule(self) -> dict[str, int]:
        return {"7a": self.malformed, "7b": self.duplicates, "3": self.stubs + self.null_dates}

    @property
    def expected_catalog_rows(self) -> int:
        return self.rows - sum(self.dropped_by_rule.values())


# --- vocabularies ------------------------------------------------------------------------------

GENRES: tuple[tuple[int, str, float], ...] = (
    (18, "Drama", 45),
    (35, "Comedy", 29),
    (53, "Thriller", 17),
    (10749, "Romance", 15),
    (28, "Action", 15),
    (27, "Horror", 10),
    (80, "Crime", 10),
    (99, "Documentary", 9),
    (12, "Adventure", 8),
    (878, "Science Fiction", 7),
    (10751, "Family", 6),
    (9648, "Mystery", 5),
    (14, "Fantasy", 5),
    (16, "Animation", 4),
    (10769, "Foreign", 4),
    (10402, "Music", 4),
    (36, "History", 3),
    (10752, "War", 3),
    (37, "Western", 2),
    (10770, "TV Movie", 2),
)

MAJOR_COMPANIES: tuple[tuple[int, str], ...] = (
    (6194, "Warner Bros."),
    (4, "Paramount Pictures"),
    (33, "Universal Pictures"),
    (306, "Twentieth Century Fox Film Corporation"),
    (5, "Columbia Pictures"),
    (8411, "Metro-Goldwyn-Mayer (MGM)"),
    (12, "New Line Cinema"),
    (2, "Walt Disney Pictures"),
    (14, "Miramax Films"),
    (559, "TriStar Pictures"),
    (60, "United Artists"),
    (5358, "Canal+"),
    (9195, "Touchstone Pictures"),
    (1632, "Lionsgate"),
    (27, "DreamWorks SKG"),
    (694, "StudioCanal"),
    (288, "BBC Films"),
    (9, "Gaumont"),
    (882, "Toho Company"),
    (7295, "Relativity Media"),
    (47, "Constantin Film"),
    (3, "Pixar Animation Studios"),
    (10342, "Studio Ghibli"),
    (1583, "Rai Cinema"),
    (7, "DreamWorks Pictures"),
    (104, "Pathé"),
    (1225, "Mosfilm"),
    (11, "Svensk Filmindustri (SF)"),
)

COMPANY_WORDS = (
    "Silver",
    "Lantern",
    "Harbor",
    "Crescent",
    "Northern",
    "Blue",
    "Red",
    "Iron",
    "Golden",
    "Oak",
    "Falcon",
    "Cedar",
    "Atlas",
    "Orion",
    "Phoenix",
    "Granite",
    "Maple",
    "Nova",
    "Summit",
    "Echo",
    "Lumière",
    "Sol",
    "Aurora",
    "Pinewood",
    "Riverside",
    "Meridian",
    "Vanguard",
    "Zenith",
    "Apex",
    "Mirage",
    "Cóndor",
    "Élan",
    "Nordisk",
    "Kinema",
    "Sakura",
    "Dragon",
    "Tiger",
    "Lotus",
)
COMPANY_SUFFIXES = (
    "Films",
    "Pictures",
    "Productions",
    "Entertainment",
    "Studios",
    "Film",
    "Media",
    "Cinema",
    "Filmproduktion",
    "Producciones",
    "Film Company",
    "Motion Pictures",
)

# ISO 3166-1 code, TMDB's English name, weight.
COUNTRIES: tuple[tuple[str, str, float], ...] = (
    ("US", "United States of America", 500),
    ("GB", "United Kingdom", 90),
    ("FR", "France", 70),
    ("DE", "Germany", 50),
    ("CA", "Canada", 40),
    ("IT", "Italy", 40),
    ("JP", "Japan", 35),
    ("IN", "India", 20),
    ("ES", "Spain", 20),
    ("RU", "Russia", 20),
    ("AU", "Australia", 15),
    ("HK", "Hong Kong", 13),
    ("CN", "China", 10),
    ("SE", "Sweden", 10),
    ("KR", "South Korea", 9),
    ("MX", "Mexico", 7),
    ("BE", "Belgium", 7),
    ("DK", "Denmark", 6),
    ("BR", "Brazil", 6),
    ("AR", "Argentina", 5),
    ("NL", "Netherlands", 5),
    ("IE", "Ireland", 5),
    ("CH", "Switzerland", 5),
    ("AT", "Austria", 4),
    ("FI", "Finland", 4),
    ("PL", "Poland", 4),
    ("NO", "Norway", 3),
    ("CZ", "Czech Republic", 3),
    ("HU", "Hungary", 3),
    ("TR", "Turkey", 3),
    ("IR", "Iran", 2),
    ("PT", "Portugal", 2),
    ("GR", "Greece", 2),
    ("IL", "Israel", 2),
    ("NZ", "New Zealand", 2),
    ("ZA", "South Africa", 2),
    ("CO", "Colombia", 1),
    ("CL", "Chile", 1),
    ("CU", "Cuba", 1),
)

# ISO 639-1 code, the name the Kaggle file gives it, weight as an original language, countries.
LANGUAGES: tuple[tuple[str, str, float, tuple[str, ...]], ...] = (
    ("en", "English", 700, ("US", "US", "US", "US", "GB", "CA", "AU", "IE", "NZ")),
    ("fr", "Français", 60, ("FR", "FR", "BE", "CH", "CA")),
    ("it", "Italiano", 30, ("IT",)),
    ("ja", "日本語", 30, ("JP",)),
    ("de", "Deutsch", 25, ("DE", "DE", "AT", "CH")),
    ("es", "Español", 25, ("ES", "MX", "AR", "CO", "CL", "CU")),
    ("ru", "Pусский", 20, ("RU",)),
    ("zh", "普通话", 15, ("CN", "HK")),
    ("hi", "हिन्दी", 12, ("IN",)),
    ("ko", "한국어/조선말", 10, ("KR",)),
    ("sv", "svenska", 8, ("SE",)),
    ("pt", "Português", 7, ("BR", "PT")),
    ("cn", "广州话 / 廣州話", 6, ("HK",)),
    ("da", "Dansk", 5, ("DK",)),
    ("fi", "suomi", 4, ("FI",)),
    ("nl", "Nederlands", 4, ("NL", "BE")),
    ("pl", "Polski", 4, ("PL",)),
    ("tr", "Türkçe", 3, ("TR",)),
    ("fa", "فارسی", 2, ("IR",)),
    ("no", "Norsk", 2, ("NO",)),
    ("cs", "Český", 2, ("CZ",)),
    ("hu", "Magyar", 2, ("HU",)),
    ("el", "ελληνικά", 1, ("GR",)),
    ("he", "עִבְרִית", 1, ("IL",)),
    ("la", "Latin", 0, ()),
    ("xx", "No Language", 0, ()),
)

ADJECTIVES = (
    "Dark",
    "Silent",
    "Last",
    "Lost",
    "Golden",
    "Broken",
    "Hidden",
    "Eternal",
    "Crimson",
    "Wild",
    "Forgotten",
    "Little",
    "Big",
    "Secret",
    "Burning",
    "Frozen",
    "Midnight",
    "Lonely",
    "Electric",
    "Savage",
    "Sweet",
    "Bitter",
    "Final",
    "Endless",
    "Distant",
    "Black",
    "White",
    "Red",
    "Blue",
    "Empty",
    "Holy",
    "Wicked",
    "Brave",
    "Strange",
    "Quiet",
    "Restless",
    "Fallen",
    "Rising",
    "Young",
    "Deadly",
    "Sacred",
    "Hollow",
    "Iron",
    "Silver",
    "Perfect",
    "Dangerous",
    "Beautiful",
    "Invisible",
    "Naked",
    "Raging",
    "Scarlet",
    "Shattered",
    "Stolen",
    "Twisted",
    "Wandering",
    "Velvet",
    "Cold",
    "Crazy",
    "Happy",
    "Lucky",
    "Mad",
    "Magnificent",
    "Mysterious",
    "Northern",
    "Purple",
    "Royal",
    "Seventh",
    "Southern",
    "Sudden",
    "Wonderful",
    "Fatal",
    "Blind",
    "Pale",
)
NOUNS = (
    "Night",
    "River",
    "Heart",
    "City",
    "Road",
    "Storm",
    "Dream",
    "Shadow",
    "Kingdom",
    "Island",
    "Mountain",
    "Garden",
    "Summer",
    "Winter",
    "Empire",
    "Ghost",
    "Stranger",
    "Witness",
    "Promise",
    "Journey",
    "Game",
    "War",
    "House",
    "Moon",
    "Sun",
    "Star",
    "Sea",
    "Fire",
    "Ice",
    "Wolf",
    "Dragon",
    "Angel",
    "Devil",
    "Hunter",
    "Soldier",
    "Queen",
    "King",
    "Prince",
    "Princess",
    "Detective",
    "Thief",
    "Lover",
    "Family",
    "Brother",
    "Sister",
    "Mother",
    "Father",
    "Daughter",
    "Son",
    "Child",
    "Mirror",
    "Letter",
    "Code",
    "Machine",
    "Planet",
    "Train",
    "Bridge",
    "Tower",
    "Castle",
    "Forest",
    "Desert",
    "Valley",
    "Harbor",
    "Street",
    "Hotel",
    "Station",
    "Party",
    "Wedding",
    "Funeral",
    "Voyage",
    "Escape",
    "Revenge",
    "Silence",
    "Memory",
    "Time",
    "Love",
    "Life",
    "Death",
    "Blood",
    "Gold",
    "Money",
    "Power",
    "Truth",
    "Lies",
    "Sins",
    "Rain",
    "Wind",
    "Thunder",
    "Horizon",
    "Paradise",
    "Inferno",
    "Nightmare",
    "Legend",
    "Circus",
    "Orchestra",
    "Affair",
    "Conspiracy",
    "Diary",
    "Frontier",
    "Gambler",
    "Heist",
    "Kiss",
    "Labyrinth",
)
PLURALS = (
    "Dreams",
    "Shadows",
    "Ghosts",
    "Strangers",
    "Lovers",
    "Wolves",
    "Angels",
    "Devils",
    "Kings",
    "Sisters",
    "Brothers",
    "Children",
    "Soldiers",
    "Thieves",
    "Stars",
    "Secrets",
    "Sins",
    "Lies",
    "Days",
    "Nights",
    "Years",
    "Streets",
    "Bridges",
    "Rivers",
    "Roads",
    "Games",
    "Heroes",
)
NAMES = (
    "Jack",
    "Anna",
    "Max",
    "Lucy",
    "Victor",
    "Elena",
    "Sam",
    "Grace",
    "Leo",
    "Nora",
    "Hugo",
    "Mia",
    "Oscar",
    "Rosa",
    "Felix",
    "Clara",
    "Bruno",
    "Iris",
    "Otto",
    "Vera",
    "Frank",
    "Julia",
    "Harry",
    "Alice",
    "Charlie",
    "Emma",
    "Billy",
    "Maggie",
    "Tony",
    "Lola",
    "Johnny",
    "Sally",
    "José",
    "Inés",
    "Zoë",
    "Chloé",
    "Renée",
    "Björn",
    "Søren",
    "Ángel",
)
PLACES = (
    "Paris",
    "Berlin",
    "Tokyo",
    "Brooklyn",
    "Texas",
    "Havana",
    "Rome",
    "Vienna",
    "Casablanca",
    "Manhattan",
    "Alaska",
    "Bombay",
    "Shanghai",
    "Madrid",
    "Lisbon",
    "Chicago",
    "Montana",
    "Cairo",
    "Istanbul",
    "Venice",
    "Moscow",
    "Saigon",
    "Harlem",
    "Hollywood",
    "Bogotá",
    "Zürich",
    "Kraków",
    "São Paulo",
    "Montréal",
    "Düsseldorf",
)
SUBTITLES = (
    "The Beginning",
    "The Return",
    "Revenge",
    "Resurrection",
    "The Final Chapter",
    "Reloaded",
    "Legacy",
    "Origins",
    "The Next Generation",
    "Part II",
    "Homecoming",
    "Judgment Day",
)

# Words of original titles in other languages (accents included on purpose).
FOREIGN_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # language: (articles or leading words, words)
    "fr": (
        ("Le", "La", "Les", "L'", "Un", "Une"),
        (
            "Été",
            "Forêt",
            "Rêve",
            "Cœur",
            "Fenêtre",
            "Château",
            "Mémoire",
            "Étoile",
            "Fête",
            "Hôtel",
            "Frère",
            "Soirée",
            "Lumière",
            "Fièvre",
            "Mère",
            "Âme",
            "Île",
            "Chemin",
        ),
    ),
    "es": (
        ("El", "La", "Los", "Las", "Un"),
        (
            "Corazón",
            "Canción",
            "Niña",
            "Mañana",
            "Pasión",
            "Sueño",
            "Camión",
            "Último",
            "Jardín",
            "Árbol",
            "Lágrimas",
            "Música",
            "Ladrón",
            "Año",
            "Dragón",
            "Señorita",
        ),
    ),
    "de": (
        ("Der", "Die", "Das", "Über", "Ein"),
        (
            "Mädchen",
            "Brücke",
            "Größe",
            "Schöne",
            "Nächte",
            "Glück",
            "Träume",
            "Stadt",
            "Bär",
            "Männer",
            "Vögel",
            "Königin",
            "Straße",
            "Frühling",
            "Wüste",
            "Mörder",
        ),
    ),
    "it": (
        ("Il", "La", "Le", "I", "Una"),
        (
            "Città",
            "Libertà",
            "Verità",
            "Notte",
            "Amore",
            "Perché",
            "Caffè",
            "Felicità",
            "Strada",
            "Fratelli",
            "Vendetta",
            "Più",
            "Bellezza",
            "Estate",
            "Società",
        ),
    ),
    "pt": (
        ("O", "A", "Os", "As"),
        ("Coração", "Cidade", "Ilusão", "Canção", "Irmãos", "Paixão", "Saudade", "Mãe"),
    ),
    "ja": (("",), ("東京", "物語", "夜", "愛", "花", "海", "風", "刀", "夢", "桜", "影", "侍")),
    "zh": (("",), ("龍", "城", "愛", "夜", "江湖", "英雄", "春", "月", "家", "少林")),
    "ru": (("",), ("Белое", "Солнце", "Город", "Война", "Любовь", "Ночь", "Брат", "Сибирь")),
    "ko": (("",), ("사랑", "밤", "도시", "전쟁", "비밀", "여름", "친구", "살인")),
}

OVERVIEW_WORDS = (
    "a",
    "the",
    "of",
    "and",
    "in",
    "to",
    "his",
    "her",
    "their",
    "young",
    "old",
    "man",
    "woman",
    "family",
    "town",
    "city",
    "finds",
    "discovers",
    "must",
    "love",
    "secret",
    "past",
    "war",
    "friends",
    "life",
    "new",
    "small",
    "dangerous",
    "journey",
    "together",
    "after",
    "when",
    "before",
    "world",
    "mysterious",
    "stranger",
    "falls",
    "escape",
    "murder",
    "police",
    "story",
    "father",
    "mother",
    "daughter",
    "son",
    "years",
    "night",
    "help",
    "save",
    "team",
    "home",
)

KEYWORD_SEEDS = (
    "woman director",
    "independent film",
    "murder",
    "based on novel",
    "musical",
    "sex",
    "violence",
    "nudity",
    "biography",
    "revenge",
    "suspense",
    "love",
    "female nudity",
    "sport",
    "police",
    "teenager",
    "duringcreditsstinger",
    "sequel",
    "friendship",
    "dystopia",
    "world war ii",
    "new york",
    "los angeles",
    "high school",
    "london england",
    "paris",
    "based on true story",
    "aftercreditsstinger",
    "prison",
    "small town",
    "jealousy",
    "based on children's book",
    "kidnapping",
    "serial killer",
    "time travel",
    "alien",
    "robot",
    "zombie",
    "vampire",
    "coming of age",
    "road trip",
    "heist",
    "ménage à trois",
    "café",
)

ALPHABET = string.ascii_letters + string.digits
GENRE_CUM = list(itertools.accumulate(w for _, _, w in GENRES))  # cumulative
COUNTRY_CUM = list(itertools.accumulate(w for _, _, w in COUNTRIES))  # cumulative
COUNTRY_NAMES = {code: name for code, name, _ in COUNTRIES}
COUNTRY_CODES = list(COUNTRY_NAMES)
LANGUAGE_CUM = list(itertools.accumulate(w for _, _, w, _ in LANGUAGES))  # cumulative
LANGUAGE_NAMES = {code: name for code, name, _, _ in LANGUAGES}
LANGUAGES_BY_CODE = {entry[0]: entry for entry in LANGUAGES}
LANGUAGE_CODES = list(LANGUAGE_NAMES)
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
YEAR_CUM = list(itertools.accumulate(math.exp((y - FIRST_YEAR) / 28) for y in YEARS))
STATUSES = ("Released", "Rumored", "Post Production", "In Production", "Planned", "Canceled", "")
STATUS_WEIGHTS = (99.2, 0.5, 0.2, 0.04, 0.03, 0.01, 0.02)


def _weighted_distinct(
    rng: random.Random, items: Sequence[Any], cum_weights: Sequence[float], count: int
) -> list[Any]:
    """``count`` distinct items drawn by weight, in the order drawn."""
    count = min(count, len(items))
    picked: list[Any] = []
    while len(picked) < count:
        for item in rng.choices(items, cum_weights=cum_weights, k=count - len(picked)):
            if item not in picked:
                picked.append(item)
    return picked


class _Vocabulary:
    """Companies, collections and keywords shared by all the movies of one file."""

    def __init__(self, rng: random.Random, movies: int) -> None:
        tail = max(50, movies // 2)
        pairs = list(itertools.product(COMPANY_WORDS, COMPANY_WORDS, COMPANY_SUFFIXES))
        rng.shuffle(pairs)
        names = [f"{a} {b} {c}" if a != b else f"{a} {c}" for a, b, c in pairs]
        while len(names) < tail:
            names.append(f"{rng.choice(NAMES)} {rng.choice(NOUNS)} {rng.choice(COMPANY_SUFFIXES)}")
        ids = rng.sample(range(20_000, 20_000 + 4 * tail), tail)
        self.minor_companies = list(zip(ids, names[:tail], strict=True))
        self.major_cum = list(
            itertools.accumulate(1 / (rank + 1) for rank in range(len(MAJOR_COMPANIES)))
        )
        words = sorted({w.lower() for w in (*NOUNS, *ADJECTIVES, *PLURALS, *PLACES)})
        phrases = [f"{a.lower()} {b.lower()}" for a, b in zip(ADJECTIVES, NOUNS, strict=False)]
        vocabulary = list(dict.fromkeys([*KEYWORD_SEEDS, *words, *phrases]))
        keyword_ids = rng.sample(range(100, 250_000), len(vocabulary))
        self.keywords = list(zip(keyword_ids, vocabulary, strict=True))
        self.keyword_cum = list(
            itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(self.keywords)))
        )

    def companies(self, rng: random.Random) -> str:
        chosen: list[tuple[int, str]] = []
        for _ in range(_how_many(rng, (26, 32, 22), (3, 8))):
            if rng.random() < 0.25:
                company = rng.choices(MAJOR_COMPANIES, cum_weights=self.major_cum)[0]
            else:
                company = rng.choice(self.minor_companies)
            if company not in chosen:
                chosen.append(company)
        return repr([{"name": name, "id": cid} for cid, name in chosen])

    def keyword_cell(self, rng: random.Random) -> str:
        if rng.random() < 0.32:
            return "[]"
        count = min(40, 1 + int(rng.expovariate(1 / 6)))
        chosen = _weighted_distinct(rng, self.keywords, self.keyword_cum, count)
        return repr([{"id": kid, "name": name} for kid, name in chosen])


def _how_many(rng: random.Random, percents: Sequence[float], rest: tuple[int, int]) -> int:
    """0, 1, 2, … with the given percentages; otherwise uniformly within ``rest``."""
    roll = rng.random() * 100
    for count, limit in enumerate(itertools.accumulate(percents)):
        if roll < limit:
            return count
    return rng.randint(*rest)


def _poster(rng: random.Random) -> str:
    return "/" + "".join(rng.choices(ALPHABET, k=27)) + ".jpg"


def _english_title(rng: random.Random) -> str:
    """A title from word lists; most patterns have hundreds of thousands of combinations."""
    adjective, noun, other = rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(NOUNS)
    name, place, plural = rng.choice(NAMES), rng.choice(PLACES), rng.choice(PLURALS)
    patterns = (
        f"{name}'s {adjective} {noun}",
        f"{place} {adjective} {noun}",
        f"A {adjective} {noun} for {name}",
        f"{adjective} {noun} and the {other}",
        f"The {adjective} {plural} of {place}",
        f"{name} and the {adjective} {plural}",
        f"{adjective} {noun}: {rng.choice(SUBTITLES)}",
        f"The {noun} of {name} {other}",
        # short titles, fewer combinations: these collide now and then, as real titles do
        f"The {adjective} {noun}",
        f"{adjective} {noun}",
        f"{noun} of the {plural}",
        f"The {noun} in {place}",
        f"{name} and {rng.choice(NAMES)}",
    )
    weights = (12, 12, 10, 10, 8, 8, 8, 8, 6, 6, 4, 4, 4)
    return rng.choices(patterns, weights)[0]


def _foreign_title(rng: random.Random, language: str) -> str | None:
    words = FOREIGN_WORDS.get(language)
    if words is None:
        return None
    leading, nouns = words
    if language in {"ja", "zh", "ko"}:
        joiner = "の" if language == "ja" else "" if language == "zh" else " "
        return joiner.join(rng.sample(nouns, 2))
    if language == "ru":
        return " ".join(rng.sample(nouns, 2))
    article = rng.choice(leading)
    first, second = rng.sample(nouns, 2)
    article = article if article.endswith("'") else article + " "
    return f"{article}{first}" if rng.random() < 0.5 else f"{article}{first} {second.lower()}"


def _release(rng: random.Random, year: int) -> str:
    start = date(year, 1, 1).toordinal()
    return date.fromordinal(start + rng.randrange(365)).isoformat()


def _money(rng: random.Random, in_collection: bool) -> tuple[int, int]:
    budget = 0
    if rng.random() < (0.45 if in_collection else 0.18):
        if rng.random() < 0.01:
            budget = rng.randint(1, 100)  # the real file has a few absurd tiny budgets
        else:
            rounded = int(round(rng.lognormvariate(math.log(8e6), 1.3), -3))
            budget = min(380_000_000, rounded or 1000)
    revenue = 0
    if budget > 1000 and rng.random() < 0.6:
        revenue = round(budget * rng.lognormvariate(0.7, 1.1))
    elif budget == 0 and rng.random() < 0.04:
        revenue = round(rng.lognormvariate(math.log(5e6), 1.5))
    return budget, revenue


def _movie_row(
    rng: random.Random,
    vocabulary: _Vocabulary,
    movie_id: int,
    title: str,
    original_title: str,
    language: str,
    year: int,
    collection: str,
) -> list[str]:
    """One complete raw row, in ``RAW_COLUMNS`` order."""
    budget, revenue = _money(rng, bool(collection))
    genres = _weighted_distinct(rng, GENRES, GENRE_CUM, _how_many(rng, (5, 30, 34, 22), (4, 6)))
    countries: list[str] = []
    if country_count := _how_many(rng, (14, 68, 13), (3, 5)):
        first = rng.choice(LANGUAGES_BY_CODE[language][3] or COUNTRY_CODES)
        more = _weighted_distinct(rng, COUNTRY_CODES, COUNTRY_CUM, country_count)
        countries = list(dict.fromkeys([first, *more]))[:country_count]
    languages: list[str] = []
    if language_count := _how_many(rng, (8, 67, 17), (3, 5)):
        more = rng.choices(LANGUAGE_CODES, cum_weights=LANGUAGE_CUM, k=language_count - 1)
        languages = list(dict.fromkeys([language, *more]))
    votes = 0 if rng.random() < 0.06 else int(rng.lognormvariate(2.6, 1.8))
    average = 0.0 if votes == 0 else round(min(10.0, max(0.5, rng.gauss(6.0, 1.1))), 1)
    runtime_roll = rng.random()
    runtime = (
        ""
        if runtime_roll < 0.005
        else "0.0"
        if runtime_roll < 0.04
        else f"{max(1, round(rng.gauss(98, 24)))}.0"
    )
    words = rng.choices(OVERVIEW_WORDS, k=rng.randint(12, 60))
    overview = "" if rng.random() < 0.02 else " ".join(words).capitalize() + "."
    tagline = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS).lower()}."
    tagline = "" if rng.random() < 0.55 else tagline
    slug = title.lower().replace(" ", "")[:20]
    return [
        "True" if rng.random() < 0.0002 else "False",
        collection,
        str(budget),
        repr([{"id": gid, "name": name} for gid, name, _ in genres]),
        f"http://www.{slug}-movie.com/" if rng.random() < 0.17 else "",
        str(movie_id),
        f"tt{rng.randrange(1, 8_000_000):07d}" if rng.random() > 0.0004 else "",
        language,
        original_title,
        overview,
        repr(round(rng.lognormvariate(0.3, 1.3), 6)),
        _poster(rng) if rng.random() > 0.01 else "",
        vocabulary.companies(rng),
        repr([{"iso_3166_1": code, "name": COUNTRY_NAMES[code]} for code in countries]),
        _release(rng, year),
        str(revenue),
        runtime,
        repr([{"iso_639_1": code, "name": LANGUAGE_NAMES[code]} for code in languages]),
        rng.choices(STATUSES, STATUS_WEIGHTS)[0],
        tagline,
        title,
        "True" if rng.random() < 0.002 else "False",
        repr(average),
        str(votes),
    ]


def _titles(rng: random.Random, count: int) -> list[tuple[str, str, str, int, str]]:
    """(title, original title, language, year, collection cell) for ``count`` movies.

    About a tenth of the movies belong to collections (numbered sequels in later years) and about
    one in thirty reuses an earlier title in another year (a remake).
    """
    out: list[tuple[str, str, str, int, str]] = []
    collection_ids = iter(rng.sample(range(10, max(500_000, count)), count // 2 + 1))
    while len(out) < count:
        language = rng.choices(LANGUAGE_CODES, cum_weights=LANGUAGE_CUM)[0]
        year = rng.choices(YEARS, cum_weights=YEAR_CUM)[0]
        if out and rng.random() < 0.035:  # a remake: same title, another year
            title, original, language, old_year, _ = rng.choice(out)
            year = rng.randint(min(old_year + 5, LAST_YEAR), LAST_YEAR)
            out.append((title, original, language, year, ""))
            continue
        title = _english_title(rng)
        original = _foreign_title(rng, language) or title
        if original != title and rng.random() < 0.3:
            title = original  # known abroad by its original title, accents and all
        if rng.random() < 0.035 and year < LAST_YEAR - 2:
            size = min(count - len(out), rng.choice((2, 2, 2, 3, 3, 4, 5, 6)))
            poster = repr(_poster(rng)) if rng.random() < 0.9 else "None"
            backdrop = repr(_poster(rng)) if rng.random() < 0.8 else "None"
            cell = (
                f"{{'id': {next(collection_ids)}, 'name': {title + ' Collection'!r}, "
                f"'poster_path': {poster}, 'backdrop_path': {backdrop}}}"
            )
            for number in range(1, size + 1):
                suffix = (
                    ""
                    if number == 1
                    else f" {number}"
                    if rng.random() < 0.7
                    else f": {rng.choice(SUBTITLES)}"
                )
                out.append((title + suffix, original + suffix, language, year, cell))
                year = min(LAST_YEAR, year + rng.randint(1, 5))
            continue
        out.append((title, original, language, year, ""))
    return out


def default_defects(rows: int) -> tuple[int, int, int]:
    """(malformed, duplicates, null dates) at the rates of the full Kaggle file, at least 1 each."""
    return (
        max(1, round(rows * MALFORMED_RATE)),
        max(1, round(rows * DUPLICATE_RATE)),
        max(1, round(rows * NULL_DATE_RATE)),
    )


def generate(
    rows: int,
    out_dir: Path,
    seed: int = 0,
    *,
    malformed: int | None = None,
    duplicates: int | None = None,
    null_dates: int | None = None,
) -> SyntheticCounts:
    """Write ``out_dir/movies_metadata.csv`` with ``rows`` data rows and ``out_dir/keywords.csv``.

    Defect counts default to the rates of the full Kaggle file (at least one of each).
    """
    default_malformed, default_duplicates, default_nulls = default_defects(rows)
    malformed = default_malformed if malformed is None else malformed
    duplicates = default_duplicates if duplicates is None else duplicates
    null_dates = default_nulls if null_dates is None else null_dates
    unique = rows - malformed - duplicates  # a broken record is one id on two rows
    if unique < 1 or malformed + null_dates + duplicates > unique:
        raise ValueError(f"{rows} rows are too few for the defects asked for")

    rng = random.Random(seed)
    vocabulary = _Vocabulary(rng, unique)
    ids = rng.sample(range(2, max(470_000, unique * 11)), unique)
    titles = _titles(rng, unique)
    defective = rng.sample(range(unique), malformed + null_dates)
    broken, undated = set(defective[:malformed]), set(defective[malformed:])
    dated = [i for i in range(unique) if i not in broken and i not in undated]
    copies = _copy_positions(rng, rng.sample(dated, duplicates), unique)
    popularity, release = RAW_COLUMNS.index("popularity"), RAW_COLUMNS.index("release_date")

    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / MOVIES_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(RAW_COLUMNS)
        kept: dict[int, list[str]] = {}  # rows still to be copied further down
        for index, (movie_id, title) in enumerate(zip(ids, titles, strict=True)):
            row = _movie_row(rng, vocabulary, movie_id, *title)
            if index in undated:
                row[release] = ""
            if index in broken:
                writer.writerows(_split_record(rng, row))
            else:
                writer.writerow(row)
            if index in copies.sources:
                kept[index] = row
            for source in copies.after.get(index, ()):
                copy = kept[source].copy()
                if rng.random() < 0.5:  # some copies differ: the first one must win
                    copy[popularity] = repr(round(rng.random(), 6))
                writer.writerow(copy)

    keyword_copies = round(unique * KEYWORD_DUPLICATE_RATE)
    repeats = _copy_positions(rng, rng.sample(range(unique), keyword_copies), unique)
    with (out_dir / KEYWORDS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("id", "keywords"))
        cells: dict[int, tuple[int, str]] = {}
        for index, movie_id in enumerate(ids):  # stubs have keywords too, as in the Kaggle file
            row_out = (movie_id, vocabulary.keyword_cell(rng))
            writer.writerow(row_out)
            if index in repeats.sources:
                cells[index] = row_out
            writer.writerows(cells[source] for source in repeats.after.get(index, ()))

    return SyntheticCounts(
        rows=unique + malformed + duplicates,
        malformed=malformed,
        stubs=malformed,
        duplicates=duplicates,
        null_dates=null_dates,
        keyword_rows=unique + keyword_copies,
        keyword_duplicates=keyword_copies,
    )


@dataclass(frozen=True)
class _Copies:
    sources: set[int]
    after: dict[int, list[int]]  # row index → sources whose copy is written right after it


def _copy_positions(rng: random.Random, sources: list[int], rows: int) -> _Copies:
    """Place a copy of each source row somewhere at or after the source itself."""
    after: dict[int, list[int]] = {}
    for source in sources:
        after.setdefault(rng.randrange(source, rows), []).append(source)
    return _Copies(set(sources), after)


def _split_record(rng: random.Random, row: list[str]) -> list[list[str]]:
    """A record broken inside its overview: a 10-field stub, then the rest shifted 9 left."""
    poster = RAW_COLUMNS.index("poster_path")
    row = [*row[:poster], row[poster] or _poster(rng), *row[poster + 1 :]]
    words = (row[9] or "A film about nothing at all.").split(" ")
    cut = rng.randint(1, max(1, len(words) - 1))
    head, tail = " ".join(words[:cut]), " - " + " ".join(words[cut:])
    return [[*row[:9], head], [tail, *row[10:]]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic",
        description="Write synthetic movies_metadata.csv and keywords.csv in the Kaggle format.",
    )
    parser.add_argument("--rows", type=int, required=True, help="data rows of movies_metadata.csv")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    counts = generate(args.rows, args.out, args.seed)
    print(
        f"Wrote {counts.rows:,} rows to {args.out / MOVIES_FILE} "
        f"({counts.malformed} broken records, {counts.duplicates} duplicate ids, "
        f"{counts.null_dates} rows without a date; {counts.expected_catalog_rows:,} should "
        f"survive) and {counts.keyword_rows:,} rows to {args.out / KEYWORDS_FILE}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
