"""``pelibot report``: an exploratory report of the catalog as one self-contained HTML page.

The page embeds every figure as a base64 PNG, so the single file works alone (mail it, open it
offline); the same PNGs are also written to ``figures/`` beside it. The numbers behind each section
come from the catalog's statistics (``handlers.stats``, the same tables the bot's answers and
charts read) and from pure functions of the catalog (tested on hand-made tables); the figures are
drawn with ``bot.figures`` (matplotlib ``Figure`` objects, no pyplot state) and the word cloud
with ``wordcloud``. Its words come from the language catalogs (``bot.i18n``, the ``report.*``
block): Spanish by default, or English. Every piece of data put into the page goes through
``html.escape``.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from babel.numbers import format_percent
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from bot import figures as f
from bot import i18n
from bot.render import compact_money, country_label, genre, money, movies_word, number
from handlers.catalog import LoadedCatalog, list_cell
from handlers.doubtful import DOUBTFUL_BELOW, DOUBTFUL_RETURN_ABOVE, doubtful_fields
from handlers.stats import CatalogStats, compute_stats, decade_of, top_groups

REPORT_FILE = "report.html"
FIGURES_DIR = "figures"

SECTIONS = (
    "summary",
    "cleaning",
    "releases",
    "money",
    "outliers",
    "collections",
    "companies",
    "countries",
    "genres",
    "title-words",
)
"""Every section of the page (its HTML id), in page order; headings: ``report.section.<id>``."""

GENRES_SHOWN = 6
GENRE_MIN_MOVIES = 30
"""Decades with fewer movies are left out of the genre shares (their shares are noise)."""

SPANISH_STOPWORDS = frozenset(
    {
        "a",
        "al",
        "algo",
        "ante",
        "aquel",
        "aquella",
        "como",
        "con",
        "contra",
        "cual",
        "de",
        "del",
        "desde",
        "donde",
        "dos",
        "el",
        "ella",
        "ellas",
        "ellos",
        "en",
        "entre",
        "era",
        "es",
        "esa",
        "ese",
        "eso",
        "esta",
        "este",
        "esto",
        "estos",
        "fue",
        "ha",
        "hay",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "mas",
        "más",
        "me",
        "mi",
        "mis",
        "muy",
        "nada",
        "ni",
        "no",
        "nos",
        "o",
        "os",
        "para",
        "pero",
        "por",
        "que",
        "qué",
        "se",
        "ser",
        "si",
        "sí",
        "sin",
        "sobre",
        "su",
        "sus",
        "también",
        "te",
        "tu",
        "tú",
        "tus",
        "un",
        "una",
        "uno",
        "unos",
        "unas",
        "y",
        "ya",
        "yo",
    }
)
EXTRA_STOPWORDS = frozenset({"ii", "iii", "part", "vol"})
"""Sequel markers say nothing about what films are about."""

FIG_DPI = 120


# --------------------------------------------------------------------------------------------
# Data: the numbers behind each section (pure functions)
# --------------------------------------------------------------------------------------------


def both_known(movies: pd.DataFrame) -> pd.Series:
    """Films whose budget and box office are both known: the only ones with a return."""
    return movies["budget"].gt(0) & movies["revenue"].gt(0)


def catalog_summary(movies: pd.DataFrame, stats: CatalogStats) -> dict[str, int]:
    """Headline counts: size, years, how many budgets/box offices are known, distinct entities."""
    years = stats.years
    return {
        "movies": len(movies),
        "first_year": int(years.index.min()) if len(years) else 0,
        "last_year": int(years.index.max()) if len(years) else 0,
        "budget_known": int(years["budget_known"].sum()),
        "revenue_known": int(years["revenue_known"].sum()),
        "both_known": int(both_known(movies).sum()),
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
    both = movies.loc[both_known(movies)]
    if both.empty:
        return float("nan"), float("nan")
    logs = np.log10(both["revenue"].to_numpy(dtype="float64") / both["budget"].to_numpy("float64"))
    q1, q3 = np.percentile(logs, [25, 75])
    spread = 1.5 * (q3 - q1)
    return float(10 ** (q1 - spread)), float(10 ** (q3 + spread))


def _say(lang: str) -> Callable[..., str]:
    """``say(key, n=None, **values)``: the catalog string ``report.<key>`` in ``lang``."""

    def say(key: str, n: float | None = None, /, **values: object) -> str:
        return i18n.text(f"report.{key}", lang, n, **values)

    return say


def heading(section: str, lang: str = "es") -> str:
    """The heading of a section of the page, in ``lang``."""
    return i18n.text(f"report.section.{section}", lang)


def why_suspicious(
    budget: int, revenue: int, ret: float, fences: tuple[float, float], lang: str = "es"
) -> str:
    """A short reason why a return stands out (``handlers.doubtful`` first, then the fences)."""
    say = _say(lang)
    doubtful = doubtful_fields(budget, revenue)
    for field, value in (("budget", budget), ("revenue", revenue)):
        if field in doubtful:
            return say(f"why.{field}", money=compact_money(value, lang))
    if "return" in doubtful:
        return say("why.return", limit=number(DOUBTFUL_RETURN_ABOVE, lang))
    low, high = fences
    if ret > high:
        return say("why.hit")
    if ret < low:
        return say("why.flop")
    return say("why.usual")


def return_outliers(
    movies: pd.DataFrame, top: int = 10, bottom: int = 5, lang: str = "es"
) -> pd.DataFrame:
    """The ``top`` highest and ``bottom`` lowest returns among films with both figures known.

    Columns: title, year, budget, revenue, return, why (see ``why_suspicious``).
    """
    both = movies.loc[both_known(movies)]
    ranked = both.assign(ret=both["revenue"] / both["budget"]).sort_values(
        ["ret", "id"], ascending=[False, True], kind="stable"
    )
    high = ranked.head(top)
    picked = pd.concat([high, ranked.iloc[len(high) :].tail(bottom)])
    fences = return_fences(movies)
    rows = [
        {
            "title": str(film["title"]),
            "year": int(film["release_year"]),
            "budget": int(film["budget"]),
            "revenue": int(film["revenue"]),
            "return": float(film["ret"]),
            "why": why_suspicious(
                int(film["budget"]), int(film["revenue"]), float(film["ret"]), fences, lang
            ),
        }
        for film in picked.to_dict("records")
    ]
    columns = ["title", "year", "budget", "revenue", "return", "why"]
    return pd.DataFrame(rows, columns=columns)


def genre_share_by_decade(
    movies: pd.DataFrame, genres: int = GENRES_SHOWN, min_movies: int = GENRE_MIN_MOVIES
) -> pd.DataFrame:
    """Share (0..1) of each decade's movies tagged with each of the ``genres`` commonest genres.

    Only decades with at least ``min_movies`` movies (smaller ones are noise); index = decade,
    columns = genres, most common first.
    """
    decade = decade_of(movies["release_year"])
    sizes = decade.value_counts()
    keep = sorted(int(d) for d in sizes.index[sizes.ge(min_movies)])
    pairs = [
        (d, g)
        for d, cell in zip(decade, movies["genres"], strict=True)
        for g in dict.fromkeys(list_cell(cell))
    ]
    if not pairs or not keep:
        return pd.DataFrame(index=pd.Index(keep, name="decade"))
    long = pd.DataFrame(pairs, columns=["decade", "genre"])
    commonest = long["genre"].value_counts()
    names = sorted(commonest.index, key=lambda g: (-commonest[g], g))[:genres]
    counts = pd.crosstab(long["decade"], long["genre"]).reindex(
        index=keep, columns=names, fill_value=0
    )
    share = counts.div(sizes.reindex(keep).to_numpy(), axis=0)
    return share.rename_axis(index="decade", columns=None)


def title_words(title: str) -> list[str]:
    """Lower-case words of a title (letters, inner apostrophes kept: ``don't``)."""
    text = title.replace("\u2019", "'").lower()
    return re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", text)


def title_word_counts(
    titles: Iterable[str], stopwords: Iterable[str], min_length: int = 3
) -> Counter[str]:
    """How many titles use each word (once per title), without stopwords and short words."""
    stop = {w.lower() for w in stopwords}
    counts: Counter[str] = Counter()
    for title in titles:
        if isinstance(title, str):
            counts.update({w for w in title_words(title) if len(w) >= min_length and w not in stop})
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


def releases_figure(per_year: pd.Series, lang: str = "es") -> bytes:
    fig = _figure()
    ax = fig.add_subplot()
    ax.bar(per_year.index, per_year.to_numpy(), width=0.9, color=f.BLUE)
    ax.set_ylabel(_say(lang)("movies"), fontsize=11)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(f.count_axis(lang))
    f.tidy(ax)
    return f.png(fig)


def money_figure(budget: pd.Series, revenue: pd.Series, lang: str = "es") -> bytes:
    """Histograms of known budgets and box office on a log scale; doubtful amounts in red."""
    say = _say(lang)
    fig = _figure(9.0, 3.8)
    axes = fig.subplots(1, 2, sharey=False)
    for ax, values, colour, name in (
        (axes[0], known(budget), f.ORANGE, "budget"),
        (axes[1], known(revenue), f.BLUE, "revenue"),
    ):
        data = values.to_numpy(dtype="float64")
        top = max(float(data.max(initial=1.0)), 10.0)
        bins = np.logspace(0, np.log10(top) + 0.05, 45)
        _, edges, patches = ax.hist(data, bins=bins, color=colour)
        for left, patch in zip(edges[:-1], patches, strict=True):
            if left < DOUBTFUL_BELOW:
                patch.set_facecolor(f.ACCENT)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(f.money_axis(lang))
        ax.xaxis.set_major_locator(LogLocator(base=100))
        ax.xaxis.set_minor_locator(LogLocator(base=10, numticks=20))
        ax.xaxis.set_minor_formatter(NullFormatter())
        title = say("money.panel", len(data), what=say(name), count=number(len(data), lang))
        if len(data):
            median = float(np.median(data))
            ax.axvline(median, color=f.INK, linestyle="--", linewidth=1)
            title += "\n" + say("money.median", money=compact_money(median, lang))
        ax.set_title(title, fontsize=11, loc="left")
        f.tidy(ax)
    axes[0].set_ylabel(say("movies"), fontsize=11)
    return f.png(fig)


def outliers_figure(movies: pd.DataFrame, fences: tuple[float, float], lang: str = "es") -> bytes:
    """Budget vs box office (log-log); doubtful films in red, the fences as dashed lines."""
    say = _say(lang)
    both = movies.loc[both_known(movies)]
    budget = both["budget"].to_numpy(dtype="float64")
    revenue = both["revenue"].to_numpy(dtype="float64")
    doubtful = np.array(
        [bool(doubtful_fields(b, r)) for b, r in zip(budget, revenue, strict=True)], dtype=bool
    )
    fig = _figure(9.0, 4.6)
    ax = fig.add_subplot()
    ax.scatter(
        budget[~doubtful],
        revenue[~doubtful],
        s=8,
        color=f.BLUE,
        alpha=0.45,
        label=say("plot.plausible"),
    )
    ax.scatter(
        budget[doubtful],
        revenue[doubtful],
        s=28,
        color=f.ACCENT,
        label=say(
            "plot.doubtful",
            limit=money(DOUBTFUL_BELOW, lang),
            ratio=number(DOUBTFUL_RETURN_ABOVE, lang),
        ),
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    if len(budget):
        span = np.array([1.0, max(float(budget.max()), float(revenue.max())) * 2])
        ax.plot(span, span, color=f.INK, linewidth=1, label=say("plot.return_one"))
        low, high = fences
        for factor, key in ((high, "plot.upper"), (low, "plot.lower")):
            if np.isfinite(factor):
                ax.plot(
                    span,
                    span * factor,
                    color=f.GREY,
                    linestyle="--",
                    linewidth=1,
                    label=say(key, ratio=f.ratio(factor, lang)),
                )
        ax.set_xlim(0.5, span[1])
        ax.set_ylim(0.5, span[1] * 50)
    ax.xaxis.set_major_formatter(f.money_axis(lang))
    ax.yaxis.set_major_formatter(f.money_axis(lang))
    ax.set_xlabel(say("budget"), fontsize=11)
    ax.set_ylabel(say("revenue"), fontsize=11)
    ax.legend(fontsize=9, frameon=False, loc="upper left")
    f.tidy(ax, grid="both")
    return f.png(fig)


def top_figure(table: pd.DataFrame, colour: str = f.BLUE, lang: str = "es") -> bytes:
    """Horizontal bars of movies per name (``handlers.stats.top_groups``), the first on top."""
    fig = _figure(9.0, 0.9 + 0.34 * max(len(table), 1))
    ax = fig.add_subplot()
    names = [f.shorten(n, 40) for n in table["name"]]
    rows = np.arange(len(table))
    ax.barh(rows, table["count"].to_numpy(), color=colour)
    for row, count in zip(rows, table["count"], strict=True):
        ax.text(float(count), float(row), f" {number(count, lang)}", va="center", fontsize=9)
    ax.set_yticks(rows, names)
    ax.invert_yaxis()
    ax.set_xlabel(_say(lang)("movies"), fontsize=11)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(f.count_axis(lang))
    f.tidy(ax, grid="x")
    return f.png(fig)


def genres_figure(share: pd.DataFrame, lang: str = "es") -> bytes:
    fig = _figure(9.0, 4.2)
    ax = fig.add_subplot()
    colours = [f.BLUE, f.ORANGE, f.ACCENT, f.GREEN, "#7768ae", "#8c6d46", f.GREY, "#e1bc29"]
    for i, name in enumerate(share.columns):
        ax.plot(
            share.index,
            share[name] * 100,
            marker="o",
            linewidth=2,
            color=colours[i % len(colours)],
            label=genre(str(name), lang),
        )
    ax.set_xticks(share.index, [i18n.text("chart.decade", lang, decade=d) for d in share.index])
    ax.set_ylabel(_say(lang)("genres.axis"), fontsize=11)
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

    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        random_state=7,
        color_func=colour,
        max_words=150,
        prefer_horizontal=0.95,
        margin=4,
    )
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


def html_table(
    rows: pd.DataFrame, columns: Sequence[Column], formats: dict[str, Any] | None = None
) -> str:
    """An HTML table of ``rows`` with every cell escaped; ``formats`` maps a key to a formatter."""
    formats = formats or {}
    head = "".join(
        f"<th{' class=n' if c.numeric else ''}>{html.escape(c.heading)}</th>" for c in columns
    )
    body = []
    for record in rows.to_dict("records"):
        cells = []
        for c in columns:
            value = record[c.key]
            text = formats[c.key](value) if c.key in formats else str(value)
            cells.append(f"<td{' class=n' if c.numeric else ''}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


@dataclass
class Report:
    """The built report: the page and the figures it embeds (by section id)."""

    html: str
    figures: dict[str, bytes]


@dataclass(frozen=True)
class _Formats:
    """Cell and figure formats in one language."""

    lang: str

    def count(self, value: Any) -> str:
        return number(int(value), self.lang)

    def money(self, value: Any) -> str:
        return compact_money(float(value), self.lang) if value else "—"

    def ratio(self, value: Any) -> str:
        return "×" + f.ratio(float(value), self.lang)

    def share(self, part: int, whole: int) -> str:
        return str(format_percent(part / whole, locale=self.lang)) if whole else "—"


def _summary(movies: pd.DataFrame, stats: CatalogStats, lang: str) -> str:
    say, fmt = _say(lang), _Formats(lang)
    facts = catalog_summary(movies, stats)

    def with_share(key: str) -> str:
        return f"{fmt.count(facts[key])} ({fmt.share(facts[key], facts['movies'])})"

    items = [
        ("movies", fmt.count(facts["movies"])),
        ("years", f"{facts['first_year']}–{facts['last_year']}"),
        ("budget_known", with_share("budget_known")),
        ("revenue_known", with_share("revenue_known")),
        ("both_known", with_share("both_known")),
        ("in_a_collection", fmt.count(facts["in_a_collection"])),
        ("collections", fmt.count(facts["collections"])),
        ("companies", fmt.count(facts["companies"])),
        ("countries", fmt.count(facts["countries"])),
    ]
    cells = "".join(
        f'<div class="fact"><b>{html.escape(value)}</b>{html.escape(say(f"fact.{key}"))}</div>'
        for key, value in items
    )
    return f'<div class="facts">{cells}</div>' + _p(say("summary.note"))


def _cleaning(movies: pd.DataFrame, manifest: dict[str, Any], lang: str) -> str:
    say, fmt = _say(lang), _Formats(lang)
    source = manifest.get("source", {})
    published = int(manifest.get("rows", len(movies)))
    rows_raw = int(manifest.get("rows_raw", 0))
    text = say(
        "cleaning.text",
        published,
        name=source.get("name", "?"),
        rows=say("rows", rows_raw, count=fmt.count(rows_raw)),
        sha=str(source.get("sha256", ""))[:12],
        built=manifest.get("built_at", "?"),
        movies=movies_word(published, lang),
    )
    counts = ("rows_in", "rows_out", "dropped", "unparseable")
    columns = [
        Column(key, say(f"col.{key}"), key in counts) for key in ("rule", "description", *counts)
    ]
    return _p(text) + html_table(
        cleaning_table(manifest), columns, dict.fromkeys(counts, fmt.count)
    )


def _money_section(movies: pd.DataFrame, png: bytes, lang: str) -> str:
    say, fmt = _say(lang), _Formats(lang)
    table = pd.DataFrame(
        [
            {"what": say("budget")} | money_stats(movies["budget"]),
            {"what": say("revenue")} | money_stats(movies["revenue"]),
        ]
    )
    limit = money(DOUBTFUL_BELOW, lang)
    columns = [
        Column("what", ""),
        *(Column(key, say(f"col.{key}"), True) for key in ("known", "min", "median", "max")),
        Column("doubtful", say("col.doubtful", limit=limit), True),
    ]
    formats = {
        "known": fmt.count,
        "min": fmt.money,
        "median": fmt.money,
        "max": fmt.money,
        "doubtful": fmt.count,
    }
    return (
        _img(png, say("money.alt"))
        + _p(say("money.text", limit=limit))
        + html_table(table, columns, formats)
    )


def _outliers_section(
    movies: pd.DataFrame, fences: tuple[float, float], png: bytes, lang: str
) -> str:
    say, fmt = _say(lang), _Formats(lang)
    both = both_known(movies)
    ret = movies.loc[both, "revenue"] / movies.loc[both, "budget"]
    low, high = fences
    n = int(both.sum())
    text = say(
        "outliers.text",
        n,
        movies=movies_word(n, lang),
        fences=say("fences", low=f.ratio(low, lang), high=f.ratio(high, lang))
        if np.isfinite(low)
        else "—",
        above=fmt.count(ret.gt(high).sum()),
        below=fmt.count(ret.lt(low).sum()),
        tiny=compact_money(1, lang),
    )
    columns = [
        Column("title", say("col.title")),
        Column("year", say("col.year"), True),
        Column("budget", say("budget"), True),
        Column("revenue", say("revenue"), True),
        Column("return", say("col.return"), True),
        Column("why", say("col.why")),
    ]
    table = html_table(
        return_outliers(movies, lang=lang),
        columns,
        {"budget": fmt.money, "revenue": fmt.money, "return": fmt.ratio},
    )
    return _p(text) + _img(png, say("outliers.alt")) + table


def _top_section(table: pd.DataFrame, section: str, png: bytes, lang: str) -> str:
    say, fmt = _say(lang), _Formats(lang)
    columns = [
        Column("name", say("col.name")),
        Column("count", say("movies"), True),
        Column("revenue_total", say("col.revenue_total"), True),
        Column("revenue_known", say("col.revenue_known"), True),
    ]
    formats = {"count": fmt.count, "revenue_total": fmt.money, "revenue_known": fmt.count}
    return _img(png, say("top.alt", heading=heading(section, lang))) + html_table(
        table, columns, formats
    )


def build_report(
    catalog: LoadedCatalog, *, lang: str = "es", cloud_size: tuple[int, int] = (1000, 440)
) -> Report:
    """Compute every section and draw every figure of the report for ``catalog``, in ``lang``."""
    lang = i18n.language_of(lang)
    say, fmt = _say(lang), _Formats(lang)
    movies, manifest = catalog.movies, catalog.manifest
    stats = compute_stats(movies)
    figures: dict[str, bytes] = {}
    parts = {
        "summary": _summary(movies, stats, lang),
        "cleaning": _cleaning(movies, manifest, lang),
    }

    per_year = stats.years["count"]
    figures["releases"] = releases_figure(per_year, lang)
    busiest = int(per_year.index[int(per_year.argmax())]) if len(per_year) else 0
    most = int(per_year.max()) if len(per_year) else 0
    parts["releases"] = _img(figures["releases"], say("releases.alt")) + _p(
        say("releases.text", most, year=busiest, count=fmt.count(most))
    )

    figures["money"] = money_figure(movies["budget"], movies["revenue"], lang)
    parts["money"] = _money_section(movies, figures["money"], lang)

    fences = return_fences(movies)
    figures["outliers"] = outliers_figure(movies, fences, lang)
    parts["outliers"] = _outliers_section(movies, fences, figures["outliers"], lang)

    countries = {iso: country_label(iso, name, lang) for iso, name in stats.country_names.items()}
    for section, table, colour in (
        ("collections", top_groups(stats.collection_decades), f.ORANGE),
        ("companies", top_groups(stats.company_decades), f.BLUE),
        ("countries", top_groups(stats.country_decades, names=countries), f.GREEN),
    ):
        figures[section] = top_figure(table, colour, lang)
        parts[section] = _top_section(table, section, figures[section], lang)

    figures["genres"] = genres_figure(genre_share_by_decade(movies), lang)
    parts["genres"] = _img(figures["genres"], say("genres.alt")) + _p(
        say("genres.text", genres=GENRES_SHOWN, least=GENRE_MIN_MOVIES)
    )

    counts = title_word_counts(movies["title"], stopwords())
    figures["title-words"] = word_cloud_png(counts, *cloud_size)
    common = ", ".join(f"{w} ({fmt.count(n)})" for w, n in counts.most_common(12))
    parts["title-words"] = _img(figures["title-words"], say("words.alt")) + _p(
        say("words.text", words=common)
    )

    title = say("title", movies=movies_word(len(movies), lang))
    nav = "".join(f'<a href="#{sid}">{html.escape(heading(sid, lang))}</a>' for sid in SECTIONS)
    sections = "".join(
        f'<section id="{sid}"><h2>{html.escape(heading(sid, lang))}</h2>{parts[sid]}</section>'
        for sid in SECTIONS
    )
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(str(catalog.build_dir.name))} · '
        f"{html.escape(str(manifest.get('built_at', '')))}</p>"
        f"<nav>{nav}</nav>{sections}</main></body></html>\n"
    )
    return Report(page, figures)


def write_report(catalog: LoadedCatalog, out_dir: Path, lang: str = "es") -> Path:
    """Build the report in ``lang`` and write ``report.html`` and ``figures/*.png`` in
    ``out_dir``."""
    report = build_report(catalog, lang=lang)
    figures_dir = out_dir / FIGURES_DIR
    figures_dir.mkdir(parents=True, exist_ok=True)
    for name, png in report.figures.items():
        (figures_dir / f"{name}.png").write_bytes(png)
    page = out_dir / REPORT_FILE
    page.write_text(report.html, encoding="utf-8")
    return page
