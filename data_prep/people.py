"""The people a build serves, worked out once by ``pelibot prepare`` from the credits table.

Two tables, written as uncompressed Arrow IPC (``layout.PEOPLE_FILE``, ``layout.FILM_PEOPLE_FILE``)
so that the bot memory-maps them and reads only the pages a question touches:

* persons (``PERSONS_SCHEMA``), by ``person_id``: the name (the first spelling met), the
  ``weight`` (the votes of all their films: how well-known they are) and their credits as list
  columns, by role, then best-known film (most votes) first;
* films (``FILMS_SCHEMA``), by ``movie_id``: their people as positions in the persons table, and
  their roles, by role, then billing order (crew order for directors).

Only directors and cast of the catalog's films are served: no answer uses writers. Role codes are
positions in ``credits.ROLES``. The list offsets are the index of each person's or film's rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from data_prep.credits import ROLES

SERVED_ROLES = ("director", "cast")
"""The roles the served tables keep (``films_of`` of any other is empty)."""
PERSONS_SCHEMA = pa.schema(
    [
        ("person_id", pa.int32()),
        ("name", pa.string()),
        ("weight", pa.float32()),
        ("movie_ids", pa.list_(pa.int32())),
        ("roles", pa.list_(pa.int8())),
    ]
)
FILMS_SCHEMA = pa.schema(
    [
        ("movie_id", pa.int32()),
        ("people", pa.list_(pa.int32())),
        ("roles", pa.list_(pa.int8())),
    ]
)


@dataclass(frozen=True)
class ServedPeople:
    persons: pa.Table  # PERSONS_SCHEMA
    films: pa.Table  # FILMS_SCHEMA


@dataclass(frozen=True)
class _Credits:
    """The served credits, one per row, in the credits table's order."""

    film: np.ndarray  # movie id, int32
    votes: np.ndarray  # the film's votes, float32
    role: np.ndarray  # code in ``ROLES``, int8
    order: np.ndarray  # billing order (crew order for directors)
    person: np.ndarray  # position in the persons table


def people_tables(credits: pd.DataFrame, movie_ids: np.ndarray, votes: np.ndarray) -> ServedPeople:
    """The persons and films tables of ``credits`` (``credits.read_credits``'s table) for the
    catalog whose ids are ``movie_ids`` and vote counts ``votes`` (same order). Credits of other
    films and of other roles are dropped."""
    positions = pd.Index(movie_ids).get_indexer(pd.Index(credits["movie_id"]))
    roles = pd.Categorical(credits["role"], categories=ROLES).codes.astype(np.int8)
    served = [ROLES.index(role) for role in SERVED_ROLES]
    rows = np.flatnonzero((positions >= 0) & np.isin(roles, served))
    person_ids, first, person_pos = np.unique(
        credits["person_id"].to_numpy(np.int32)[rows], return_index=True, return_inverse=True
    )
    names = pa.array(credits["name"].iloc[rows[first]], pa.string())  # the first spelling
    kept = _Credits(
        film=credits["movie_id"].to_numpy(np.int32)[rows],
        votes=np.asarray(votes)[positions[rows]].astype(np.float32),
        role=roles[rows],
        order=credits["order"].to_numpy(np.int32)[rows],
        person=person_pos.astype(np.int32),
    )
    return ServedPeople(_persons(person_ids, names, kept), _films(kept))


def _persons(person_ids: np.ndarray, names: pa.Array, kept: _Credits) -> pa.Table:
    """One row per person: their credits by role, then best-known film first (ties: in the
    credits table's order, since the sort is stable)."""
    count = len(person_ids)
    weights = np.bincount(kept.person, weights=kept.votes, minlength=count)
    by_person = np.lexsort((-kept.votes, kept.role, kept.person))
    return pa.table(
        {
            "person_id": pa.array(person_ids, pa.int32()),
            "name": names,
            "weight": pa.array(weights.astype(np.float32)),
            "movie_ids": _lists(kept.person, count, kept.film[by_person]),
            "roles": _lists(kept.person, count, kept.role[by_person]),
        },
        schema=PERSONS_SCHEMA,
    )


def _films(kept: _Credits) -> pa.Table:
    """One row per film with served credits: its people by role, then billing order."""
    film_ids, film_pos = np.unique(kept.film, return_inverse=True)
    by_film = np.lexsort((kept.order, kept.role, film_pos))
    return pa.table(
        {
            "movie_id": pa.array(film_ids, pa.int32()),
            "people": _lists(film_pos, len(film_ids), kept.person[by_film]),
            "roles": _lists(film_pos, len(film_ids), kept.role[by_film]),
        },
        schema=FILMS_SCHEMA,
    )


def _lists(groups: np.ndarray, count: int, values: np.ndarray) -> pa.ListArray:
    """``values``, sorted by group, as one list per group (``count`` groups, some empty)."""
    offsets = np.zeros(count + 1, dtype=np.int32)
    np.cumsum(np.bincount(groups, minlength=count), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values))
