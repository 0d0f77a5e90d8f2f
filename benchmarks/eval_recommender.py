"""Offline quality of ``/recomendar``: the content-based recommender against a genre-only baseline.

Both recommenders answer the top 5 for every movie of the same catalog (the real slice with the
real keywords by default); the table compares

- collection recall@5: over movies whose collection has ≥ 2 members in the catalog, the share whose
  top 5 holds another member of it;
- genre Jaccard: mean Jaccard index of the genres of a movie and of each recommendation;
- shared keywords: mean number of keywords a movie and a recommendation have in common;
- obscurity: share of the recommendations from outside the movie's own collection with fewer than
  10 votes;
- coverage: share of the catalog recommended at least once.

The baseline is the seed's: cosine over genre one-hot vectors, top 5, ties in catalog order.

    python -m benchmarks.eval_recommender [--raw FILE] [--keywords FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.preprocessing import MultiLabelBinarizer

from data_prep.neighbours import build_neighbours
from data_prep.pipeline import build_catalog
from data_prep.source import RawFiles
from handlers.recommender import Recommender

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
TOP = 5
OBSCURE_VOTES = 10

Recommendations = Mapping[int, Sequence[int]]
"""Movie id → recommended movie ids, best first."""


@dataclass(frozen=True)
class Quality:
    collection_recall: float
    genre_jaccard: float
    shared_keywords: float
    obscurity: float
    coverage: float


TARGETS = (
    "collection recall@5 ≥ 2 × baseline",
    "genre Jaccard ≥ 0.5",
    "obscurity < baseline",
)


def genre_baseline(catalog: pd.DataFrame, top: int = TOP) -> dict[int, list[int]]:
    """Cosine over genre one-hot vectors, the movie itself left out, ties in catalog order."""
    onehot = MultiLabelBinarizer(sparse_output=True).fit_transform(
        [list(g) for g in catalog["genres"].tolist()]
    )
    onehot = onehot.astype(np.int32).tocsr()
    sizes = np.asarray(onehot.sum(axis=1)).ravel().astype(np.float64)
    ids = catalog["id"].to_numpy(dtype=np.int64)
    out: dict[int, list[int]] = {}
    block = 512
    for start in range(0, len(ids), block):
        stop = min(start + block, len(ids))
        shared = (onehot[start:stop] @ onehot.T).toarray().astype(np.float64)
        norms = np.sqrt(np.outer(sizes[start:stop], sizes))
        cosine = np.divide(shared, norms, out=np.zeros_like(shared), where=norms > 0)
        # rounded so that mathematically equal cosines tie exactly and keep catalog order
        cosine = np.round(cosine, 9)
        cosine[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        order = np.argsort(-cosine, axis=1, kind="stable")[:, :top]
        for row, positions in enumerate(order):
            out[int(ids[start + row])] = ids[positions].tolist()
    return out


def content_based(catalog: pd.DataFrame, neighbours: pd.DataFrame, top: int = TOP) -> dict[
    int, list[int]
]:
    """The top ``top`` of ``handlers.recommender`` for every movie."""
    recommender = Recommender(catalog, neighbours)
    return {
        movie_id: [r.movie.id for r in recommender.recommend(movie_id, top)]
        for movie_id in catalog["id"].tolist()
    }


def _sets(column: pd.Series) -> list[frozenset[str]]:
    return [frozenset(v) if v is not None else frozenset() for v in column.tolist()]


def quality(catalog: pd.DataFrame, recommendations: Recommendations) -> Quality:
    """The quality figures of one recommender on ``catalog`` (see the module docstring)."""
    position = {movie_id: pos for pos, movie_id in enumerate(catalog["id"].tolist())}
    collection: list[str | None] = [
        c if isinstance(c, str) else None for c in catalog["collection"].tolist()
    ]
    members = pd.Series(collection, dtype="str").value_counts()
    genres = _sets(catalog["genres"])
    keywords = _sets(catalog["keywords"])
    votes = catalog["vote_count"].to_numpy()

    recalled = eligible = 0
    jaccards: list[float] = []
    shared: list[int] = []
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
            if union:
                jaccards.append(len(genres[source] & genres[t]) / len(union))
            if keywords[source]:
                shared.append(len(keywords[source] & keywords[t]))
            if own is None or collection[t] != own:
                outside += 1
                obscure += bool(votes[t] < OBSCURE_VOTES)
    return Quality(
        collection_recall=recalled / eligible if eligible else float("nan"),
        genre_jaccard=float(np.mean(jaccards)) if jaccards else float("nan"),
        shared_keywords=float(np.mean(shared)) if shared else float("nan"),
        obscurity=obscure / outside if outside else float("nan"),
        coverage=len(recommended) / len(catalog) if len(catalog) else float("nan"),
    )


def targets_met(ours: Quality, baseline: Quality) -> dict[str, bool]:
    return dict(
        zip(
            TARGETS,
            (
                ours.collection_recall >= 2 * baseline.collection_recall,
                ours.genre_jaccard >= 0.5,
                ours.obscurity < baseline.obscurity,
            ),
            strict=True,
        )
    )


def format_table(ours: Quality, baseline: Quality) -> str:
    rows = [
        ("collection recall@5", "collection_recall", "{:.3f}"),
        ("genre Jaccard (mean)", "genre_jaccard", "{:.3f}"),
        ("shared keywords (mean)", "shared_keywords", "{:.2f}"),
        ("obscurity (< 10 votes)", "obscurity", "{:.3f}"),
        ("coverage", "coverage", "{:.3f}"),
    ]
    lines = [
        f"| {'metric':<24} | {'genre-only baseline':>19} | {'content-based':>13} |",
        f"| {'-' * 24} | {'-' * 18}: | {'-' * 12}: |",
    ]
    for label, attribute, fmt in rows:
        base, mine = getattr(baseline, attribute), getattr(ours, attribute)
        lines.append(f"| {label:<24} | {fmt.format(base):>19} | {fmt.format(mine):>13} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--raw", type=Path, default=SHARED_RAW / "movies_metadata_first4627.csv")
    parser.add_argument("--keywords", type=Path, default=SHARED_RAW / "keywords.csv")
    parser.add_argument("-k", type=int, default=20, help="neighbours stored per movie")
    args = parser.parse_args(argv)
    for path in (args.raw, args.keywords):
        if not path.is_file():
            print(f"eval_recommender: {path} not found", file=sys.stderr)
            return 1

    catalog, _ = build_catalog(RawFiles(args.raw, args.keywords, "--raw"))
    started = time.perf_counter()
    neighbours = build_neighbours(catalog, k=args.k)
    seconds = time.perf_counter() - started
    ours = quality(catalog, content_based(catalog, neighbours))
    baseline = quality(catalog, genre_baseline(catalog))

    collections = catalog["collection"].value_counts()
    print(f"Catalog: {args.raw.name} + {args.keywords.name}: {len(catalog):,} movies, "
          f"{int((collections >= 2).sum())} collections with ≥ 2 members; "
          f"neighbours (k={args.k}) built in {seconds:.1f} s\n")
    print(format_table(ours, baseline))
    print()
    met = targets_met(ours, baseline)
    for target, ok in met.items():
        print(f"{'✓' if ok else '✗'} {target}")
    return 0 if all(met.values()) else 2


if __name__ == "__main__":
    sys.exit(main())
