"""The credits fixture from a hand-written table: ``python -m tests.data.make_credits_fixture``.

``credits_fixture.csv.gz`` is in the exact format of Kaggle's ``credits.csv`` (columns ``cast``,
``crew``, ``id``; cells are ``str()`` of lists of dicts, keys in Kaggle's order) for some of
the best-known films of the movies fixture. The directors, writers and top-billed cast are the
real ones (with TMDB-like person ids, the same person having the same id in every film); the
``credit_id``s, ``cast_id``s, characters and profile paths are made up, and lists are short.
It also holds the file's quirks: a repeated id (the first row wins), an id absent from the
movies fixture, a film with empty lists, ``None`` profile paths, names with an apostrophe
(written in double quotes by ``str()``) and accents.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
CREDITS_FIXTURE = HERE.parent.parent / "data_prep" / "sample" / "credits.csv.gz"

PEOPLE: dict[str, tuple[int, int]] = {  # name → (person id, gender: 1 female, 2 male)
    "George Lucas": (1, 2),
    "Mark Hamill": (2, 2),
    "Harrison Ford": (3, 2),
    "Carrie Fisher": (4, 1),
    "Robert Zemeckis": (24, 2),
    "Tom Hanks": (31, 2),
    "Robin Wright": (32, 1),
    "Gary Sinise": (33, 2),
    "Bruce Willis": (62, 2),
    "Quentin Tarantino": (138, 2),
    "Uma Thurman": (139, 1),
    "Michael Madsen": (147, 2),
    "Morgan Freeman": (192, 2),
    "Kate Winslet": (204, 1),
    "Alejandro González Iñárritu": (223, 2),
    "Stanley Kubrick": (240, 2),
    "Gael García Bernal": (258, 2),
    "Brad Pitt": (287, 2),
    "Pedro Almodóvar": (309, 2),
    "Robert De Niro": (380, 2),
    "Steven Spielberg": (488, 2),
    "Tim Robbins": (504, 2),
    "Jack Nicholson": (514, 2),
    "Michael J. Fox": (521, 2),
    "Christopher Nolan": (525, 2),
    "Guy Pearce": (529, 2),
    "Carrie-Anne Moss": (530, 1),
    "Ridley Scott": (578, 2),
    "Michael Mann": (638, 2),
    "Edward Norton": (819, 2),
    "Steve Buscemi": (884, 2),
    "Russell Crowe": (934, 2),
    "Cecilia Roth": (952, 1),
    "Penélope Cruz": (955, 1),
    "Martin Scorsese": (1032, 2),
    "Jodie Foster": (1038, 1),
    "Christopher Lloyd": (1062, 2),
    "Arnold Schwarzenegger": (1100, 2),
    "Al Pacino": (1158, 2),
    "Joel Coen": (1223, 2),
    "Ethan Coen": (1224, 2),
    "Jeff Bridges": (1229, 2),
    "John Goodman": (1230, 2),
    "Julianne Moore": (1231, 1),
    "Helena Bonham Carter": (1283, 1),
    "Francis Ford Coppola": (1776, 2),
    "Matt Damon": (1892, 2),
    "Billy Zane": (1954, 2),
    "Kevin Spacey": (1979, 2),
    "Bill Paxton": (2053, 2),
    "Samuel L. Jackson": (2231, 2),
    "Ben Kingsley": (2282, 2),
    "Michael Biehn": (2712, 2),
    "James Cameron": (2710, 2),
    "Linda Hamilton": (2713, 1),
    "Laurence Fishburne": (2975, 2),
    "Marlon Brando": (3084, 2),
    "James Caan": (3085, 2),
    "Robert Duvall": (3087, 2),
    "Diane Keaton": (3092, 1),
    "Tim Roth": (3129, 2),
    "Liam Neeson": (3896, 2),
    "Frances McDormand": (3910, 1),
    "William H. Macy": (3911, 2),
    "Frank Darabont": (4027, 2),
    "Anthony Hopkins": (4173, 2),
    "Joe Pesci": (4517, 2),
    "Kevin Bacon": (4724, 2),
    "Sam Neill": (4783, 2),
    "Laura Dern": (4784, 1),
    "Jeff Goldblum": (4785, 2),
    "Omar Sharif": (5004, 2),
    "Ralph Fiennes": (5469, 2),
    "Val Kilmer": (5576, 2),
    "Ron Howard": (6159, 2),
    "Leonardo DiCaprio": (6193, 2),
    "Keanu Reeves": (6384, 2),
    "Vincent D'Onofrio": (7132, 2),
    "David Fincher": (7467, 2),
    "John Lasseter": (7879, 2),
    "John Travolta": (8891, 2),
    "Matthew Modine": (8654, 2),
    "Haley Joel Osment": (9640, 2),
    "Lilly Wachowski": (9339, 1),
    "Lana Wachowski": (9340, 1),
    "Sigourney Weaver": (10205, 1),
    "Irvin Kershner": (10930, 2),
    "Peter O'Toole": (11390, 2),
    "Ray Liotta": (11477, 2),
    "M. Night Shyamalan": (11614, 2),
    "David Lean": (12238, 2),
    "Alec Guinness": (12248, 2),
    "Tim Allen": (12898, 2),
    "Sylvester Stallone": (16483, 2),
    "Richard Marquand": (19800, 2),
    "Malcolm McDowell": (56890, 2),
    "Michael Clarke Duncan": (61981, 2),
}

# id → (directors, writers, top-billed cast); Kaggle's ids of the films of the movies fixture.
FILMS: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    862: (("John Lasseter",), ("John Lasseter",), ("Tom Hanks", "Tim Allen")),
    863: (("John Lasseter",), (), ("Tom Hanks", "Tim Allen")),
    597: (
        ("James Cameron",),
        ("James Cameron",),
        ("Kate Winslet", "Leonardo DiCaprio", "Billy Zane"),
    ),
    680: (
        ("Quentin Tarantino",),
        ("Quentin Tarantino",),
        ("John Travolta", "Samuel L. Jackson", "Uma Thurman", "Bruce Willis"),
    ),
    500: (
        ("Quentin Tarantino",),
        ("Quentin Tarantino",),
        ("Tim Roth", "Michael Madsen", "Steve Buscemi", "Quentin Tarantino"),
    ),
    275: (
        ("Joel Coen", "Ethan Coen"),
        ("Joel Coen", "Ethan Coen"),
        ("Frances McDormand", "William H. Macy", "Steve Buscemi"),
    ),
    115: (
        ("Joel Coen",),
        ("Ethan Coen", "Joel Coen"),
        ("Jeff Bridges", "John Goodman", "Julianne Moore", "Steve Buscemi"),
    ),
    329: (("Steven Spielberg",), (), ("Sam Neill", "Laura Dern", "Jeff Goldblum")),
    424: (("Steven Spielberg",), (), ("Liam Neeson", "Ben Kingsley", "Ralph Fiennes")),
    857: (("Steven Spielberg",), (), ("Tom Hanks", "Matt Damon")),
    85: (("Steven Spielberg",), (), ("Harrison Ford",)),
    238: (
        ("Francis Ford Coppola",),
        ("Francis Ford Coppola",),
        ("Marlon Brando", "Al Pacino", "James Caan", "Robert Duvall", "Diane Keaton"),
    ),
    240: (
        ("Francis Ford Coppola",),
        ("Francis Ford Coppola",),
        ("Al Pacino", "Robert Duvall", "Diane Keaton", "Robert De Niro"),
    ),
    949: (("Michael Mann",), ("Michael Mann",), ("Al Pacino", "Robert De Niro", "Val Kilmer")),
    769: (
        ("Martin Scorsese",),
        (),
        ("Robert De Niro", "Ray Liotta", "Joe Pesci"),
    ),
    103: (("Martin Scorsese",), (), ("Robert De Niro", "Jodie Foster")),
    550: (
        ("David Fincher",),
        (),
        ("Edward Norton", "Brad Pitt", "Helena Bonham Carter"),
    ),
    807: (("David Fincher",), (), ("Brad Pitt", "Morgan Freeman")),
    603: (
        ("Lana Wachowski", "Lilly Wachowski"),
        ("Lilly Wachowski", "Lana Wachowski"),
        ("Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss"),
    ),
    278: (("Frank Darabont",), ("Frank Darabont",), ("Tim Robbins", "Morgan Freeman")),
    497: (("Frank Darabont",), ("Frank Darabont",), ("Tom Hanks", "Michael Clarke Duncan")),
    13: (("Robert Zemeckis",), (), ("Tom Hanks", "Robin Wright", "Gary Sinise")),
    105: (("Robert Zemeckis",), (), ("Michael J. Fox", "Christopher Lloyd")),
    8358: (("Robert Zemeckis",), (), ("Tom Hanks",)),
    568: (("Ron Howard",), (), ("Tom Hanks", "Bill Paxton", "Kevin Bacon", "Gary Sinise")),
    11: (("George Lucas",), ("George Lucas",), ("Mark Hamill", "Harrison Ford", "Carrie Fisher")),
    1891: (("Irvin Kershner",), (), ("Mark Hamill", "Harrison Ford", "Carrie Fisher")),
    1892: (("Richard Marquand",), (), ("Mark Hamill", "Harrison Ford", "Carrie Fisher")),
    98: (("Ridley Scott",), (), ("Russell Crowe",)),
    348: (("Ridley Scott",), (), ("Sigourney Weaver",)),
    679: (("James Cameron",), ("James Cameron",), ("Sigourney Weaver", "Michael Biehn")),
    218: (
        ("James Cameron",),
        ("James Cameron",),
        ("Arnold Schwarzenegger", "Michael Biehn", "Linda Hamilton"),
    ),
    280: (
        ("James Cameron",),
        ("James Cameron",),
        ("Arnold Schwarzenegger", "Linda Hamilton"),
    ),
    694: (("Stanley Kubrick",), ("Stanley Kubrick",), ("Jack Nicholson",)),
    185: (("Stanley Kubrick",), ("Stanley Kubrick",), ("Malcolm McDowell",)),
    600: (
        ("Stanley Kubrick",),
        ("Stanley Kubrick",),
        ("Matthew Modine", "Vincent D'Onofrio"),
    ),
    274: ((), (), ("Jodie Foster", "Anthony Hopkins")),  # no director: a gap of the source
    77: (("Christopher Nolan",), ("Christopher Nolan",), ("Guy Pearce", "Carrie-Anne Moss")),
    745: (
        ("M. Night Shyamalan",),
        ("M. Night Shyamalan",),
        ("Bruce Willis", "Haley Joel Osment"),
    ),
    1366: ((), ("Sylvester Stallone",), ("Sylvester Stallone",)),
    55: (("Alejandro González Iñárritu",), (), ("Gael García Bernal",)),
    947: (("David Lean",), (), ("Peter O'Toole", "Alec Guinness", "Omar Sharif")),
    99: (("Pedro Almodóvar",), ("Pedro Almodóvar",), ("Cecilia Roth", "Penélope Cruz")),
}
EMPTY_FILM = 8844  # Jumanji: empty cast and crew lists
REPEATED = 862  # written again after the first row, with other people: the first row wins
ABSENT = 1_999_999  # no film of the movies fixture has this id
NO_PROFILE = {"Michael Clarke Duncan", "Gael García Bernal", "Cecilia Roth"}


def _hex(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _profile(name: str) -> str | None:
    if name in NO_PROFILE:
        return None
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    digits = _hex("profile", name)
    return (
        "/" + "".join(alphabet[int(digits[i : i + 2], 16) % 62] for i in range(0, 54, 2)) + ".jpg"
    )


def cast_cell(movie_id: int, names: tuple[str, ...]) -> str:
    """``str()`` of the cast list, with Kaggle's keys in Kaggle's order."""
    items = []
    for order, name in enumerate(names):
        person_id, gender = PEOPLE[name]
        items.append(
            {
                "cast_id": order + 2,
                "character": "Himself" if name == "Quentin Tarantino" else f"Role {order + 1}",
                "credit_id": _hex(movie_id, "cast", name)[:24],
                "gender": gender,
                "id": person_id,
                "name": name,
                "order": order,
                "profile_path": _profile(name),
            }
        )
    return str(items)


def crew_cell(movie_id: int, directors: tuple[str, ...], writers: tuple[str, ...]) -> str:
    """``str()`` of the crew list: its directors and writers (the other jobs are left out)."""
    jobs = [("Directing", "Director", n, *PEOPLE[n]) for n in directors]
    jobs += [("Writing", "Screenplay", n, *PEOPLE[n]) for n in writers]
    return str(
        [
            {
                "credit_id": _hex(movie_id, job, name)[:24],
                "department": department,
                "gender": gender,
                "id": person_id,
                "job": job,
                "name": name,
                "profile_path": _profile(name),
            }
            for department, job, name, person_id, gender in jobs
        ]
    )


def rows() -> list[tuple[str, str, int]]:
    out = [(cast_cell(i, cast), crew_cell(i, d, w), i) for i, (d, w, cast) in FILMS.items()]
    out.insert(3, ("[]", "[]", EMPTY_FILM))
    out.insert(
        5, (cast_cell(ABSENT, ("Tom Hanks",)), crew_cell(ABSENT, ("Ron Howard",), ()), ABSENT)
    )
    out.append(
        (cast_cell(REPEATED, ("Val Kilmer",)), crew_cell(REPEATED, ("Ron Howard",), ()), REPEATED)
    )
    return out


def write(path: Path = CREDITS_FIXTURE) -> None:
    """Write the fixture (gzip without name or timestamp: the same bytes every time)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(("cast", "crew", "id"))
    writer.writerows(rows())
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))


if __name__ == "__main__":
    write()
    print(f"Wrote {CREDITS_FIXTURE}")
