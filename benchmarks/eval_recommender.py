"""Offline quality of ``/recomendar``: would people follow the picks?

Three recommenders answer the top 5 for every movie of the same catalog (the real slice with the
real keywords by default, or a synthetic catalog with ``--synthetic ROWS``):

- the genre-only baseline of the seed: cosine over genre one-hot vectors, ties in catalog order;
- the previous content-based table (``benchmarks.legacy_recommender``);
- the current one (``data_prep.neighbours.build_neighbours``).

Figures (a "well-known" film has more votes than three quarters of the catalog):

- well-known share: for well-known movies, the share of their picks that are well-known;
- rating of picks: for well-known movies, the mean Bayesian rating of their picks (each film's
  mean vote mixed with ``RATING_VOTES`` votes of the catalog's mean, so a few votes count little);
- years apart: for well-known movies, the median distance in years between movie and pick;
- critic hits: for the films of ``benchmarks/data/critic_picks.csv`` (famous films of the real
  slice, each with the films a critic would accept as good picks, written from film knowledge
  before any tuning), the mean share of the five picks that are on the film's list — for all the
  films, and for the two halves of the list (odd and even lines); only the first half was looked
  at while tuning, the second is held out;
- collection recall@5: over movies whose collection has ≥ 2 members, the share whose top 5 holds
  another member;
- genre Jaccard: mean Jaccard index of the genres of a movie and of each pick (all movies, and
  little-known movies alone: for those the picks should stay close in content);
- shared keywords: mean number of keywords a movie and a pick have in common (little-known
  movies), all of them and the informative ones alone (``data_prep.ranking.informative_keywords``:
  no "woman director" or "duringcreditsstinger", nothing on more than 2% of the films);
- obscurity: share of the picks from outside the movie's collection with fewer than 10 votes;
- coverage: share of the catalog recommended at least once.

    python -m benchmarks.eval_recommender [--raw FILE] [--keywords FILE] [--synthetic ROWS]
                                          [--show TITLE ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.legacy_recommender import legacy_neighbours
from data_prep.neighbours import build_neighbours
from data_prep.pipeline import build_catalog
from data_prep.ranking import informative_keywords
from data_prep.source import KEYWORDS_FILE, MOVIES_FILE, RawFiles
from handlers.recommender import Recommender

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
CRITIC_PICKS = Path(__file__).resolve().parent / "data" / "critic_picks.csv"
TOP = 5
OBSCURE_VOTES = 10
WELL_KNOWN_PERCENTILE = 75
RATING_VOTES = 50
SHOWN = (
    "The Matrix",
    "Titanic",
    "Fargo",
    "Heat",
    "Toy Story",
    "Alien",
    "The Godfather",
    "Pulp Fiction",
    "Jurassic Park",
    "Casablanca",
)

Recommendations = Mapping[int, Sequence[int]]
"""Movie id → recommended movie ids, best first."""


@dataclass(frozen=True)
class Quality:
    known_share: float
    known_rating: float
    known_years_apart: float
    critic_hits: float
    critic_hits_tuning: float
    critic_hits_held_out: float
    collection_recall: float
    genre_jaccard: float
    little_known_genre_jaccard: float
    little_known_shared_keywords: float
    little_known_shared_informative: float
    obscurity: float
    coverage: float


ROWS = (
    ("well-known share (well-known movies)", "known_share", "{:.3f}"),
    ("rating of picks (well-known movies)", "known_rating", "{:.2f}"),
    ("years apart, median (well-known movies)", "known_years_apart", "{:.1f}"),
    ("critic hits@5 (all listed films)", "critic_hits", "{:.3f}"),
    ("critic hits@5 (tuning half)", "critic_hits_tuning", "{:.3f}"),
    ("critic hits@5 (held-out half)", "critic_hits_held_out", "{:.3f}"),
    ("collection recall@5", "collection_recall", "{:.3f}"),
    ("genre Jaccard (all movies)", "genre_jaccard", "{:.3f}"),
    ("genre Jaccard (little-known movies)", "little_known_genre_jaccard", "{:.3f}"),
    ("shared keywords (little-known movies)", "little_known_shared_keywords", "{:.2f}"),
    ("shared informative keywords (little-known)", "little_known_shared_informative", "{:.2f}"),
    ("obscurity (< 10 votes)", "obscurity", "{:.3f}"),
    ("coverage", "coverage", "{:.3f}"),
)


# --- the recommenders ------------------------------------------------------------------------


def genre_baseline(catalog: pd.DataFrame, top: int = TOP) -> dict[int, list[int]]:
    """Cosine over genre one-hot vectors, the movie itself left out, ties in catalog order.

    Movies with the same set of genres get the same ranking, so it is worked out once per set:
    the sets by falling cosine, tied sets merged in catalog order.
    """
    keys = [tuple(sorted(set(g))) if g is not None else () for g in catalog["genres"].tolist()]
    codes, sets = pd.factorize(pd.Series(keys, dtype=object))
    # the first top + 1 movies of each set, in catalog order
    groups = pd.Series(np.arange(len(codes))).groupby(codes).indices
    members = [groups[code][: top + 1] for code in range(len(sets))]
    labels = sorted({g for s in sets for g in s})
    onehot = np.zeros((len(sets), len(labels)))
    for row, genre_set in enumerate(sets):
        onehot[row, [labels.index(g) for g in genre_set]] = 1
    sizes = np.sqrt(onehot.sum(axis=1))
    norms = np.outer(sizes, sizes)
    shared = onehot @ onehot.T
    # rounded so that mathematically equal cosines tie exactly and keep catalog order
    cosine = np.round(np.divide(shared, norms, out=np.zeros_like(shared), where=norms > 0), 9)
    ids = catalog["id"].to_numpy(dtype=np.int64)
    best: list[np.ndarray] = []
    for row in range(len(sets)):
        values = cosine[row]
        picked: list[int] = []
        for value in np.unique(values)[::-1]:
            tied = np.sort(np.concatenate([members[s] for s in np.flatnonzero(values == value)]))
            picked.extend(tied[: top + 1 - len(picked)].tolist())
            if len(picked) > top:
                break
        best.append(np.array(picked))
    return {
        int(ids[pos]): ids[[p for p in best[code] if p != pos][:top]].tolist()
        for pos, code in enumerate(codes)
    }


def from_table(
    catalog: pd.DataFrame, neighbours: pd.DataFrame, top: int = TOP
) -> dict[int, list[int]]:
    """The top ``top`` of ``handlers.recommender`` for every movie, given a neighbours table."""
    recommender = Recommender(catalog, neighbours)
    return {
        movie_id: [r.movie.id for r in recommender.recommend(movie_id, top)]
        for movie_id in catalog["id"].tolist()
    }


METHODS: dict[str, Callable[[pd.DataFrame], Recommendations]] = {
    "genre-only baseline": genre_baseline,
    "previous": lambda catalog: from_table(catalog, legacy_neighbours(catalog)),
    "ranked (now)": lambda catalog: from_table(catalog, build_neighbours(catalog)),
}


# --- the figures -----------------------------------------------------------------------------


def bayesian_rating(catalog: pd.DataFrame, prior_votes: float = RATING_VOTES) -> np.ndarray:
    votes = catalog["vote_count"].fillna(0).to_numpy(dtype=np.float64)
    average = np.nan_to_num(catalog["vote_average"].to_numpy(dtype=np.float64, na_value=np.nan))
    mean = float(average[votes > 0].mean()) if (votes > 0).any() else 0.0
    return (votes * average + prior_votes * mean) / (votes + prior_votes)


def load_critic_picks(catalog: pd.DataFrame, path: Path = CRITIC_PICKS) -> dict[int, set[int]]:
    """Film id → ids of its accepted picks, films in the order of the file; every title must
    resolve to exactly one catalog film (``ValueError`` otherwise)."""
    table = pd.read_csv(path, dtype={"film_year": "int64", "pick_year": "int64"})
    found: dict[tuple[str, int], list[int]] = {}
    keys = zip(
        catalog["title"].str.casefold().tolist(),
        catalog["release_year"].tolist(),
        catalog["id"].tolist(),
        strict=True,
    )
    for title, year, movie_id in keys:
        found.setdefault((title, int(year)), []).append(int(movie_id))

    def resolve(title: str, year: int) -> int:
        matches = found.get((title.casefold(), year), [])
        if len(matches) != 1:
            raise ValueError(f"{title} ({year}) matches {len(matches)} catalog films")
        return matches[0]

    picks: dict[int, set[int]] = {}
    rows = zip(
        *(table[c].tolist() for c in ("film_title", "film_year", "pick_title", "pick_year")),
        strict=True,
    )
    for film_title, film_year, pick_title, pick_year in rows:
        film = resolve(str(film_title), int(film_year))
        picks.setdefault(film, set()).add(resolve(str(pick_title), int(pick_year)))
    return picks


def critic_hits(recommendations: Recommendations, picks: Mapping[int, set[int]]) -> float:
    """Mean share of the five picks that are on the film's list."""
    if not picks:
        return float("nan")
    return float(
        np.mean(
            [
                len(set(recommendations.get(film, [])[:TOP]) & accepted) / TOP
                for film, accepted in picks.items()
            ]
        )
    )


def _sets(column: pd.Series) -> list[frozenset[str]]:
    return [frozenset(v) if v is not None else frozenset() for v in column.tolist()]


def _mean(values: Sequence[float]) -> float:
    return float(np.mean(values)) if len(values) else float("nan")


def quality(
    catalog: pd.DataFrame,
    recommendations: Recommendations,
    critic: Mapping[int, set[int]] | None = None,
) -> Quality:
    """The quality figures of one recommender on ``catalog`` (see the module docstring)."""
    position = {movie_id: pos for pos, movie_id in enumerate(catalog["id"].tolist())}
    collection: list[str | None] = [
        c if isinstance(c, str) else None for c in catalog["collection"].tolist()
    ]
    members = pd.Series(collection, dtype="str").value_counts()
    genres = _sets(catalog["genres"])
    keywords = _sets(catalog["keywords"])
    telling = [frozenset(k) for k in informative_keywords([list(k) for k in keywords])]
    votes = catalog["vote_count"].to_numpy()
    years = catalog["release_year"].to_numpy()
    well_known = votes > np.percentile(votes, WELL_KNOWN_PERCENTILE)
    rating = bayesian_rating(catalog)

    recalled = eligible = 0
    jaccards: list[float] = []
    little_jaccards: list[float] = []
    little_shared: list[int] = []
    little_telling: list[int] = []
    known_picks: list[bool] = []
    known_ratings: list[float] = []
    known_gaps: list[int] = []
    outside = obscure = 0
    recommended: set[int] = set()
    for movie_id, recs in recommendations.items():
        source = position[movie_id]
        targets = [position[r] for r in recs]
        recommended.update(recs)
        own = collection[source]
        if own is not None and members.get(own, 0) >= 2:
            eligible += 1
            recalled += any(collection[t] == own for t in targets)
        for t in targets:
            union = genres[source] | genres[t]
            jaccard = len(genres[source] & genres[t]) / len(union) if union else None
            if jaccard is not None:
                jaccards.append(jaccard)
            if well_known[source]:
                known_picks.append(bool(well_known[t]))
                known_ratings.append(float(rating[t]))
                known_gaps.append(abs(int(years[source]) - int(years[t])))
            else:
                if jaccard is not None:
                    little_jaccards.append(jaccard)
                if keywords[source]:
                    little_shared.append(len(keywords[source] & keywords[t]))
                if telling[source]:
                    little_telling.append(len(telling[source] & telling[t]))
            if own is None or collection[t] != own:
                outside += 1
                obscure += bool(votes[t] < OBSCURE_VOTES)
    films = list(critic or {})
    return Quality(
        known_share=_mean(known_picks),
        known_rating=_mean(known_ratings),
        known_years_apart=float(np.median(known_gaps)) if known_gaps else float("nan"),
        critic_hits=critic_hits(recommendations, critic or {}),
        critic_hits_tuning=critic_hits(recommendations, {f: critic[f] for f in films[::2]})
        if critic
        else float("nan"),
        critic_hits_held_out=critic_hits(recommendations, {f: critic[f] for f in films[1::2]})
        if critic
        else float("nan"),
        collection_recall=recalled / eligible if eligible else float("nan"),
        genre_jaccard=_mean(jaccards),
        little_known_genre_jaccard=_mean(little_jaccards),
        little_known_shared_keywords=_mean(little_shared),
        little_known_shared_informative=_mean(little_telling),
        obscurity=obscure / outside if outside else float("nan"),
        coverage=len(recommended) / len(catalog) if len(catalog) else float("nan"),
    )


# --- targets and output ----------------------------------------------------------------------


def targets_met(results: Mapping[str, Quality]) -> dict[str, bool]:
    """The goals of the current recommender against the two others."""
    *others, ours = results.values()
    critic = not np.isnan(ours.critic_hits)
    goals = {
        "collection recall@5 ≥ 0.95": ours.collection_recall >= 0.95,
        "well-known share above both": all(ours.known_share > o.known_share for o in others),
        "rating of picks above both": all(ours.known_rating > o.known_rating for o in others),
        "years apart at most both": all(
            ours.known_years_apart <= o.known_years_apart for o in others
        ),
    }
    if critic:
        goals["critic hits above both (held-out half too)"] = all(
            ours.critic_hits > o.critic_hits and ours.critic_hits_held_out > o.critic_hits_held_out
            for o in others
        )
    return goals


def format_table(results: Mapping[str, Quality]) -> str:
    names = list(results)
    width = max(len(label) for label, _, _ in ROWS)
    lines = [
        f"| {'metric':<{width}} | " + " | ".join(f"{n:>19}" for n in names) + " |",
        f"| {'-' * width} | " + " | ".join(f"{'-' * 18}:" for _ in names) + " |",
    ]
    for label, attribute, fmt in ROWS:
        values = [getattr(results[n], attribute) for n in names]
        if all(np.isnan(v) for v in values):
            continue
        cells = " | ".join(f"{fmt.format(v) if not np.isnan(v) else '–':>19}" for v in values)
        lines.append(f"| {label:<{width}} | {cells} |")
    return "\n".join(lines)


def format_picks(
    catalog: pd.DataFrame, answers: Mapping[str, Recommendations], titles: Sequence[str]
) -> str:
    """The top 5 of each recommender for the best-known film of each title."""
    label = {
        movie_id: f"{title} ({year})"
        for movie_id, title, year in zip(
            catalog["id"].tolist(),
            catalog["title"].tolist(),
            catalog["release_year"].tolist(),
            strict=True,
        )
    }
    lines = []
    for title in titles:
        same = catalog[catalog["title"].str.casefold() == title.casefold()]
        if same.empty:
            lines.append(f"\n{title}: not in the catalog")
            continue
        film = same.sort_values("vote_count", ascending=False).iloc[0]
        lines.append(f"\n{film['title']!s} ({film['release_year']}):")
        for name, recommendations in answers.items():
            picks = ", ".join(label[i] for i in recommendations.get(int(film["id"]), []))
            lines.append(f"  {name}: {picks}")
    return "\n".join(lines)


def _catalog(args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    if args.synthetic:
        from benchmarks.synthetic import generate

        with tempfile.TemporaryDirectory(prefix="eval-recommender-") as tmp:
            generate(args.synthetic, Path(tmp), args.seed)
            files = RawFiles(Path(tmp) / MOVIES_FILE, Path(tmp) / KEYWORDS_FILE, "--raw")
            catalog, _ = build_catalog(files)
        return catalog, f"synthetic, {args.synthetic:,} rows, seed {args.seed}"
    catalog, _ = build_catalog(RawFiles(args.raw, args.keywords, "--raw"))
    return catalog, f"{args.raw.name} + {args.keywords.name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--raw", type=Path, default=SHARED_RAW / "movies_metadata_first4627.csv")
    parser.add_argument("--keywords", type=Path, default=SHARED_RAW / "keywords.csv")
    parser.add_argument(
        "--synthetic",
        type=int,
        metavar="ROWS",
        help="evaluate on a synthetic catalog of ROWS rows instead",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--show",
        nargs="*",
        default=list(SHOWN),
        metavar="TITLE",
        help="titles whose picks are printed (real data)",
    )
    args = parser.parse_args(argv)
    if not args.synthetic:
        for path in (args.raw, args.keywords):
            if not path.is_file():
                print(f"eval_recommender: {path} not found", file=sys.stderr)
                return 1

    catalog, origin = _catalog(args)
    critic = None if args.synthetic else load_critic_picks(catalog)
    answers: dict[str, Recommendations] = {}
    seconds: dict[str, float] = {}
    for name, method in METHODS.items():
        started = time.perf_counter()
        answers[name] = method(catalog)
        seconds[name] = time.perf_counter() - started
    results = {name: quality(catalog, answer, critic) for name, answer in answers.items()}

    votes = catalog["vote_count"].to_numpy()
    threshold = np.percentile(votes, WELL_KNOWN_PERCENTILE)
    print(
        f"Catalog: {origin}: {len(catalog):,} movies, "
        f"{int((votes > threshold).sum()):,} well-known (> {threshold:.0f} votes)"
        + (f"; critic list: {len(critic)} films" if critic else "")
    )
    print(
        "Seconds to answer every movie: "
        + ", ".join(f"{name} {s:.1f}" for name, s in seconds.items())
        + "\n"
    )
    print(format_table(results))
    print()
    met = targets_met(results)
    for target, ok in met.items():
        print(f"{'✓' if ok else '✗'} {target}")
    if not args.synthetic and args.show:
        print(format_picks(catalog, answers, args.show))
    return 0 if all(met.values()) else 2


if __name__ == "__main__":
    sys.exit(main())
