"""``pelibot report``: an exploratory report of the catalog as one self-contained HTML page.

The page embeds every figure as a base64 PNG, so the single file works alone (mail it, open it
offline); the same PNGs are also written to ``figures/`` beside it. The numbers behind each section
come from the catalog's statistics (``handlers.stats``, the same tables the bot's answers and
charts read) and from pure functions of the catalog (tested on hand-made tables); the figures are
drawn with ``bot.figures`` (matplotlib ``Figure`` objects, no pyplot state) and the word cloud
with ``wordcloud``. Every piece of data put into the page goes through ``html.escape``.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from bot import figures as f
from bot.render import compact_money, money, number
from handlers.catalog import LoadedCatalog, list_cell
from handlers.doubtful import DOUBTFUL_BELOW, DOUBTFUL_RETURN_ABOVE, doubtful_fields
from handlers.stats import CatalogStats, compute_stats, decade_of, top_groups

REPORT_FILE = "report.html"
FIGURES_DIR = "figures"

SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "The catalog"),
    ("cleaning", "Cleaning"),
    ("releases", "Releases per year"),
    ("money", "Budget and box office"),
    ("outliers", "Return outliers"),
    ("collections", "Top collections"),
    ("companies", "Top production companies"),
    ("countries", "Top production countries"),
    ("genres", "Genres over time"),
    ("title-words", "Words in titles"),
)
"""Every section of the page: (HTML id, heading), in page order."""

SPANISH_STOPWORDS = frozenset({
    "a", "al", "algo", "ante", "aquel", "aquella", "como", "con", "contra", "cual", "de", "del",
    "desde", "donde", "dos", "el", "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa",
    "ese", "eso", "esta", "este", "esto", "estos", "fue", "ha", "hay", "la", "las", "le", "les",
    "lo", "los", "mas", "más", "me", "mi", "mis", "muy", "nada", "ni", "no", "nos", "o", "os",
    "para", "pero", "por", "que", "qué", "se", "ser", "si", "sí", "sin", "sobre", "su", "sus",
    "también", "te", "tu", "tú", "tus", "un", "una", "uno", "unos", "unas", "y", "ya", "yo",
})  # fmt: skip
EXTRA_STOPWORDS = frozenset({"ii", "iii", "part", "vol"})
"""Sequel markers say nothing about what films are about."""

FIG_DPI = 120


# --------------------------------------------------------------------------------------------
# Data: the numbers behind each section (pure functions)
# --------------------------------------------------------------------------------------------


def catalog_summary(movies: pd.DataFrame, stats: CatalogStats) -> dict[str, int]:
    """Headline counts: size, years, how many budgets/box offices are known, distinct entities."""
    years = stats.years
    return {
        "movies": len(movies),
        "first_year": int(years.index.min()) if len(years) else 0,
        "last_year": int(years.index.max()) if len(years) else 0,
        "budget_known": int(years["budget_known"].sum()),
        "revenue_known": int(years["revenue_known"].sum()),
        "both_known": int((movies["budget"].gt(0) & movies["revenue"].gt(0)).sum()),
        "in_a_collection": sum(group.count for group in stats.collections.values()),
        "collections": len(stats.collections),
        "companies": len(stats.companies),
        "countries": len(stats.country_counts),
    }


def cleaning_table(manifest: dict[str, Any]) -> pd.DataFrame:
    """One row per cleaning rule of the manifest: rows in/out, dropped, cells that did not parse."""
    rows = [
        {
            "rule": str(rule["rule"]),
            "description": str(rule["description"]),
            "rows_in": int(rule["rows_in"]),
            "rows_out": int(rule["rows_out"]),
            "dropped": int(rule["rows_in"]) - int(rule["rows_out"]),
            "unparseable": int(sum(rule.get("unparseable", {}).values())),
        }
        for rule in manifest.get("rules", [])
    ]
    columns = ["rule", "description", "rows_in", "rows_out", "dropped", "unparseable"]
    return pd.DataFrame(rows, columns=columns)


def known(values: pd.Series) -> pd.Series:
    """The known values of a money column (0 means unknown)."""
    return values.loc[values.gt(0)]


def money_stats(values: pd.Series) -> dict[str, float]:
    """Count, min, median, max of the known values, and how many are implausibly small."""
    present = known(values)
    if present.empty:
        return {"known": 0, "min": 0.0, "median": 0.0, "max": 0.0, "doubtful": 0}
    return {
        "known": len(present),
        "min": float(present.min()),
        "median": float(present.median()),
        "max": float(present.max()),
        "doubtful": int(present.lt(DOUBTFUL_BELOW).sum()),
    }


def return_fences(movies: pd.DataFrame) -> tuple[float, float]:
    """Tukey fences of the return (Q1 − 1.5·IQR, Q3 + 1.5·IQR) on log10, as return multiples.

    Only films with both budget and box office known count; (nan, nan) when there are none.
    """
    both = movies.loc[movies["budget"].gt(0) & movies["revenue"].gt(0)]
    if both.empty:
        return float("nan"), float("nan")
    logs = np.log10(both["revenue"].to_numpy(dtype="float64") / both["budget"].to_numpy("float64"))
    q1, q3 = np.percentile(logs, [25, 75])
    spread = 1.5 * (q3 - q1)
    return float(10 ** (q1 - spread)), float(10 ** (q3 + spread))


def why_suspicious(budget: int, revenue: int, ret: float, fences: tuple[float, float]) -> str:
    """A short reason why a return stands out (``handlers.doubtful`` first, then the fences)."""
    doubtful = doubtful_fields(budget, revenue)
    for field, what, value in (("budget", "budget", budget), ("revenue", "box office", revenue)):
        if field in doubtful:
            return (f"{what} of {compact_money(value, 'en')}: too small to be real "
                    "(probably millions entered as units, or a placeholder)")
    if "return" in doubtful:
        return (f"a return above ×{number(DOUBTFUL_RETURN_ABOVE, 'en')}: one of the figures is "
                "probably wrong, check both")
    low, high = fences
    if ret > high:
        return "both figures look plausible: a low-budget hit, but worth checking"
    if ret < low:
        return "a flop, or box office only partly recorded"
    return "within the usual range"


def return_outliers(movies: pd.DataFrame, top: int = 10, bottom: int = 5) -> pd.DataFrame:
    """The ``top`` highest and ``bottom`` lowest returns among films with both figures known.

    Columns: title, year, budget, revenue, return, why (see ``why_suspicious``).
    """
    both = movies.loc[movies["budget"].gt(0) & movies["revenue"].gt(0)]
    ranked = both.assign(ret=both["revenue"] / both["budget"]).sort_values(
        ["ret", "id"], ascending=[False, True], kind="stable"
    )
    high = ranked.head(top)
    picked = pd.concat([high, ranked.iloc[len(high):].tail(bottom)])
    fences = return_fences(movies)
    rows = [
        {
            "title": str(film["title"]),
            "year": int(film["release_year"]),
            "budget": int(film["budget"]),
            "revenue": int(film["revenue"]),
            "return": float(film["ret"]),
            "why": why_suspicious(int(film["budget"]), int(film["revenue"]), float(film["ret"]),
                                  fences),
        }
        for film in picked.to_dict("records")
    ]
    columns = ["title", "year", "budget", "revenue", "return", "why"]
    return pd.DataFrame(rows, columns=columns)


def genre_share_by_decade(movies: pd.DataFrame, genres: int = 6, min_movies: int = 30
                          ) -> pd.DataFrame:
    """Share (0..1) of each decade's movies tagged with each of the ``genres`` commonest genres.

    Only decades with at least ``min_movies`` movies (smaller ones are noise); index = decade,
    columns = genres, most common first.
    """
    decade = decade_of(movies["release_year"])
    sizes = decade.value_counts()
    keep = sorted(int(d) for d in sizes.index[sizes.ge(min_movies)])
    pairs = [(d, g) for d, cell in zip(decade, movies["genres"], strict=True)
             for g in dict.fromkeys(list_cell(cell))]
    if not pairs or not keep:
        return pd.DataFrame(index=pd.Index(keep, name="decade"))
    long = pd.DataFrame(pairs, columns=["decade", "genre"])
    commonest = long["genre"].value_counts()
    names = sorted(commonest.index, key=lambda g: (-commonest[g], g))[:genres]
    counts = pd.crosstab(long["decade"], long["genre"]).reindex(index=keep, columns=names,
                                                                fill_value=0)
    share = counts.div(sizes.reindex(keep).to_numpy(), axis=0)
    return share.rename_axis(index="decade", columns=None)


def title_words(title: str) -> list[str]:
    """Lower-case words of a title (letters, inner apostrophes kept: ``don't``)."""
    text = title.replace("\u2019", "'").lower()
    return re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", text)


def title_word_counts(titles: Iterable[str], stopwords: Iterable[str],
                      min_length: int = 3) -> Counter[str]:
    """How many titles use each word (once per title), without stopwords and short words."""
    stop = {w.lower() for w in stopwords}
    counts: Counter[str] = Counter()
    for title in titles:
        if isinstance(title, str):
            counts.update({w for w in title_words(title) if len(w) >= min_length
                           and w not in stop})
    return counts


def stopwords() -> frozenset[str]:
    """English (wordcloud's list) + Spanish stopwords + sequel markers."""
    from wordcloud import STOPWORDS

    return frozenset(STOPWORDS) | SPANISH_STOPWORDS | EXTRA_STOPWORDS


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


def _figure(width: float = 9.0, height: float = 4.0) -> Figure:
    return f.new_figure(width, height, FIG_DPI)


def releases_figure(per_year: pd.Series) -> bytes:
    fig = _figure()
    ax = fig.add_subplot()
    ax.bar(per_year.index, per_year.to_numpy(), width=0.9, color=f.BLUE)
    ax.set_ylabel("movies", fontsize=11)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    f.tidy(ax)
    return f.png(fig)


def money_figure(budget: pd.Series, revenue: pd.Series) -> bytes:
    """Histograms of known budgets and box office on a log scale; doubtful amounts in red."""
    fig = _figure(9.0, 3.8)
    axes = fig.subplots(1, 2, sharey=False)
    for ax, values, colour, name in ((axes[0], known(budget), f.ORANGE, "budget"),
                                     (axes[1], known(revenue), f.BLUE, "box office")):
        data = values.to_numpy(dtype="float64")
        top = max(float(data.max(initial=1.0)), 10.0)
        bins = np.logspace(0, np.log10(top) + 0.05, 45)
        _, edges, patches = ax.hist(data, bins=bins, color=colour)
        for left, patch in zip(edges[:-1], patches, strict=True):
            if left < DOUBTFUL_BELOW:
                patch.set_facecolor(f.ACCENT)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(f.money_axis("en"))
        ax.xaxis.set_major_locator(LogLocator(base=100))
        ax.xaxis.set_minor_locator(LogLocator(base=10, numticks=20))
        ax.xaxis.set_minor_formatter(NullFormatter())
        title = f"{name}: {number(len(data), 'en')} known"
        if len(data):
            median = float(np.median(data))
            ax.axvline(median, color=f.INK, linestyle="--", linewidth=1)
            title += f", median {compact_money(median, 'en')} (dashed)"
        ax.set_title(title, fontsize=11, loc="left")
        f.tidy(ax)
    axes[0].set_ylabel("movies", fontsize=11)
    return f.png(fig)


def outliers_figure(movies: pd.DataFrame, fences: tuple[float, float]) -> bytes:
    """Budget vs box office (log-log); doubtful films in red, the fences as dashed lines."""
    both = movies.loc[movies["budget"].gt(0) & movies["revenue"].gt(0)]
    budget = both["budget"].to_numpy(dtype="float64")
    revenue = both["revenue"].to_numpy(dtype="float64")
    doubtful = np.array([bool(doubtful_fields(b, r)) for b, r in zip(budget, revenue, strict=True)],
                        dtype=bool)
    fig = _figure(9.0, 4.6)
    ax = fig.add_subplot()
    ax.scatter(budget[~doubtful], revenue[~doubtful], s=8, color=f.BLUE, alpha=0.45,
               label="both figures plausible")
    ax.scatter(budget[doubtful], revenue[doubtful], s=28, color=f.ACCENT,
               label=f"budget or box office under {money(DOUBTFUL_BELOW, 'en')}, "
                     f"or a return above ×{number(DOUBTFUL_RETURN_ABOVE, 'en')}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    if len(budget):
        span = np.array([1.0, max(float(budget.max()), float(revenue.max())) * 2])
        ax.plot(span, span, color=f.INK, linewidth=1, label="return ×1")
        low, high = fences
        for factor, text in ((high, "upper fence"), (low, "lower fence")):
            if np.isfinite(factor):
                ax.plot(span, span * factor, color=f.GREY, linestyle="--", linewidth=1,
                        label=f"{text} ×{f.ratio(factor, 'en')}")
        ax.set_xlim(0.5, span[1])
        ax.set_ylim(0.5, span[1] * 50)
    ax.xaxis.set_major_formatter(f.money_axis("en"))
    ax.yaxis.set_major_formatter(f.money_axis("en"))
    ax.set_xlabel("budget", fontsize=11)
    ax.set_ylabel("box office", fontsize=11)
    ax.legend(fontsize=9, frameon=False, loc="upper left")
    f.tidy(ax, grid="both")
    return f.png(fig)


def top_figure(table: pd.DataFrame, colour: str = f.BLUE) -> bytes:
    """Horizontal bars of movies per name (``handlers.stats.top_groups``), the first on top."""
    fig = _figure(9.0, 0.9 + 0.34 * max(len(table), 1))
    ax = fig.add_subplot()
    names = [f.shorten(n, 40) for n in table["name"]]
    rows = np.arange(len(table))
    ax.barh(rows, table["count"].to_numpy(), color=colour)
    for row, count in zip(rows, table["count"], strict=True):
        ax.text(float(count), float(row), f" {count}", va="center", fontsize=9)
    ax.set_yticks(rows, names)
    ax.invert_yaxis()
    ax.set_xlabel("movies", fontsize=11)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    f.tidy(ax, grid="x")
    return f.png(fig)


def genres_figure(share: pd.DataFrame) -> bytes:
    fig = _figure(9.0, 4.2)
    ax = fig.add_subplot()
    colours = [f.BLUE, f.ORANGE, f.ACCENT, f.GREEN, "#7768ae", "#8c6d46", f.GREY, "#e1bc29"]
    for i, genre in enumerate(share.columns):
        ax.plot(share.index, share[genre] * 100, marker="o", linewidth=2,
                color=colours[i % len(colours)], label=str(genre))
    ax.set_xticks(share.index, [f"{d}s" for d in share.index])
    ax.set_ylabel("% of the decade's movies", fontsize=11)
    if len(share.columns):
        ax.legend(fontsize=9, frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    f.tidy(ax)
    return f.png(fig)


def word_cloud_png(counts: Counter[str], width: int = 1000, height: int = 440) -> bytes:
    """A word cloud of ``counts`` (fixed seed: the same catalog gives the same picture)."""
    from wordcloud import WordCloud

    palette = (f.BLUE, f.ACCENT, f.GREEN, "#7768ae", "#8c6d46", "#1b4965", "#c0392b")

    def colour(word: str, **_: Any) -> str:
        return palette[sum(map(ord, word)) % len(palette)]  # stable per word, dark on white

    cloud = WordCloud(width=width, height=height, background_color="white", random_state=7,
                      color_func=colour, max_words=150, prefer_horizontal=0.95, margin=4)
    cloud.generate_from_frequencies(dict(counts) or {"—": 1})
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

CSS = """
body{margin:0;background:#f6f7f9;color:#222;font:16px/1.5 system-ui,-apple-system,"Segoe UI",
Roboto,"DejaVu Sans",sans-serif}
main{max-width:960px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:1.9rem;margin:.2em 0}h2{font-size:1.35rem;margin:0 0 .6em}
.meta{color:#5b6670;margin:0 0 1em}
nav{display:flex;flex-wrap:wrap;gap:6px 14px;margin:0 0 18px;font-size:.95rem}
nav a{color:#2e86ab;text-decoration:none}
section{background:#fff;border-radius:10px;padding:18px 20px;margin:0 0 18px;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
img{display:block;max-width:100%;height:auto;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:8px 0}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e6e9ec;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
.fact{background:#f2f5f8;border-radius:8px;padding:10px 12px}
.fact b{display:block;font-size:1.4rem;white-space:nowrap}
.scroll{overflow-x:auto}
@media (max-width:600px){main{padding:14px 8px 40px}section{padding:14px 12px}
.facts{grid-template-columns:repeat(2,1fr)}table{font-size:.8rem;min-width:560px}
th,td{padding:4px 5px}}
"""


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    numeric: bool = False


def html_table(rows: pd.DataFrame, columns: Sequence[Column],
               formats: dict[str, Any] | None = None) -> str:
    """An HTML table of ``rows`` with every cell escaped; ``formats`` maps a key to a formatter."""
    formats = formats or {}
    head = "".join(f'<th{" class=n" if c.numeric else ""}>{html.escape(c.heading)}</th>'
                   for c in columns)
    body = []
    for record in rows.to_dict("records"):
        cells = []
        for c in columns:
            value = record[c.key]
            text = formats[c.key](value) if c.key in formats else str(value)
            cells.append(f'<td{" class=n" if c.numeric else ""}>{html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _money(value: Any) -> str:
    return compact_money(float(value), "en") if value else "—"


def _count(value: Any) -> str:
    return number(int(value), "en")


@dataclass
class Report:
    """The built report: the page and the figures it embeds (by section id)."""

    html: str
    figures: dict[str, bytes]


def build_report(catalog: LoadedCatalog, *, cloud_size: tuple[int, int] = (1000, 440)) -> Report:
    """Compute every section and draw every figure of the report for ``catalog``."""
    movies, manifest = catalog.movies, catalog.manifest
    figures: dict[str, bytes] = {}
    parts: dict[str, str] = {}
    stats = compute_stats(movies)
    facts = catalog_summary(movies, stats)

    def pct(n: int) -> str:
        return f"{100 * n / facts['movies']:.0f}%" if facts["movies"] else "—"

    fact_items = [
        ("movies", _count(facts["movies"])),
        ("years", f"{facts['first_year']}–{facts['last_year']}"),
        ("budget known", f"{_count(facts['budget_known'])} ({pct(facts['budget_known'])})"),
        ("box office known", f"{_count(facts['revenue_known'])} ({pct(facts['revenue_known'])})"),
        ("both known", f"{_count(facts['both_known'])} ({pct(facts['both_known'])})"),
        ("movies in a collection", _count(facts["in_a_collection"])),
        ("collections", _count(facts["collections"])),
        ("production companies", _count(facts["companies"])),
        ("production countries", _count(facts["countries"])),
    ]
    parts["summary"] = '<div class="facts">' + "".join(
        f'<div class="fact"><b>{html.escape(v)}</b>{html.escape(k)}</div>' for k, v in fact_items
    ) + "</div>" + _p("Budget and box office are 0 in the source when unknown; every money "
                      "figure below uses known values only.")

    rules = cleaning_table(manifest)
    source = manifest.get("source", {})
    parts["cleaning"] = _p(
        f"Source file {source.get('name', '?')} ({_count(manifest.get('rows_raw', 0))} rows, "
        f"sha256 {str(source.get('sha256', ''))[:12]}…), built {manifest.get('built_at', '?')}: "
        f"{_count(manifest.get('rows', len(movies)))} movies published."
    ) + html_table(rules, [Column("rule", "rule"), Column("description", "what it does"),
                           Column("rows_in", "rows in", True), Column("rows_out", "rows out", True),
                           Column("dropped", "dropped", True),
                           Column("unparseable", "cells not parsed", True)],
                   {k: _count for k in ("rows_in", "rows_out", "dropped", "unparseable")})

    per_year = stats.years["count"]
    figures["releases"] = releases_figure(per_year)
    busiest = int(per_year.index.to_numpy()[per_year.to_numpy().argmax()]) if len(per_year) else 0
    parts["releases"] = _img(figures["releases"], "Bar chart of movies released per year") + _p(
        f"The busiest year is {busiest} with {_count(per_year.max() if len(per_year) else 0)} "
        "releases."
    )

    figures["money"] = money_figure(movies["budget"], movies["revenue"])
    money_table = pd.DataFrame([{"what": "budget"} | money_stats(movies["budget"]),
                                {"what": "box office"} | money_stats(movies["revenue"])])
    doubtful_below = money(DOUBTFUL_BELOW, "en")
    parts["money"] = _img(figures["money"], "Histograms of budgets and box office, log scale") + (
        _p(f"Log scale, known values only; bars under {doubtful_below} are red: such figures "
           "cannot be real for a released feature film.")
        + html_table(money_table, [Column("what", ""), Column("known", "known", True),
                             Column("min", "min", True), Column("median", "median", True),
                             Column("max", "max", True),
                             Column("doubtful", f"under {doubtful_below}", True)],
                     {"known": _count, "min": _money, "median": _money, "max": _money,
                      "doubtful": _count})
    )

    fences = return_fences(movies)
    outliers = return_outliers(movies)
    figures["outliers"] = outliers_figure(movies, fences)
    both = movies["budget"].gt(0) & movies["revenue"].gt(0)
    ret = movies.loc[both, "revenue"] / movies.loc[both, "budget"]
    above, below = int(ret.gt(fences[1]).sum()), int(ret.lt(fences[0]).sum())
    fence_text = (f"×{f.ratio(fences[0], 'en')} and ×{f.ratio(fences[1], 'en')}"
                  if np.isfinite(fences[0]) else "—")
    parts["outliers"] = (
        _p(f"Return = box office / budget, for the {_count(int(both.sum()))} films with both "
           f"known. Tukey fences on log10(return) lie at {fence_text}: {_count(above)} films "
           f"above, {_count(below)} below. The most extreme returns are not great investments "
           "but bad data: a budget of $1 or $7 is a figure in millions typed as units, or a "
           "placeholder.")
        + _img(figures["outliers"], "Scatter of budget against box office, log-log")
        + html_table(outliers, [Column("title", "title"), Column("year", "year", True),
                                Column("budget", "budget", True),
                                Column("revenue", "box office", True),
                                Column("return", "return", True), Column("why", "why")],
                     {"budget": _money, "revenue": _money,
                      "return": lambda r: "×" + f.ratio(float(r), "en")})
    )

    for key, table, colour in (
        ("collections", top_groups(stats.collection_decades), f.ORANGE),
        ("companies", top_groups(stats.company_decades), f.BLUE),
        ("countries", top_groups(stats.country_decades, names=stats.country_names), f.GREEN),
    ):
        figures[key] = top_figure(table, colour)
        parts[key] = _img(figures[key], f"Bar chart of the {key} with most movies") + html_table(
            table, [Column("name", "name"), Column("count", "movies", True),
                    Column("revenue_total", "box office (known)", True),
                    Column("revenue_known", "films with known box office", True)],
            {"count": _count, "revenue_total": _money, "revenue_known": _count})

    share = genre_share_by_decade(movies)
    figures["genres"] = genres_figure(share)
    parts["genres"] = _img(figures["genres"], "Line chart of genre shares per decade") + _p(
        "Share of each decade's movies tagged with the six commonest genres (a movie can have "
        "several); decades with fewer than 30 movies are left out."
    )

    counts = title_word_counts(movies["title"], stopwords())
    figures["title-words"] = word_cloud_png(counts, *cloud_size)
    common = ", ".join(f"{w} ({n})" for w, n in counts.most_common(12))
    parts["title-words"] = _img(figures["title-words"], "Word cloud of words in movie titles") + _p(
        f"Words used in most titles, without English and Spanish stopwords: {common}."
    )

    title = f"pelibot catalog report: {_count(facts['movies'])} movies"
    nav = "".join(f'<a href="#{sid}">{html.escape(name)}</a>' for sid, name in SECTIONS)
    sections = "".join(
        f'<section id="{sid}"><h2>{html.escape(name)}</h2>{parts[sid]}</section>'
        for sid, name in SECTIONS
    )
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(str(catalog.build_dir.name))} · '
        f"{html.escape(str(manifest.get('built_at', '')))}</p>"
        f"<nav>{nav}</nav>{sections}</main></body></html>\n"
    )
    return Report(page, figures)


def write_report(catalog: LoadedCatalog, out_dir: Path) -> Path:
    """Build the report and write ``report.html`` and ``figures/*.png`` in ``out_dir``."""
    report = build_report(catalog)
    figures_dir = out_dir / FIGURES_DIR
    figures_dir.mkdir(parents=True, exist_ok=True)
    for name, png in report.figures.items():
        (figures_dir / f"{name}.png").write_bytes(png)
    page = out_dir / REPORT_FILE
    page.write_text(report.html, encoding="utf-8")
    return page
