"""Charts for answers: a PNG that shows what the text says, sized and labelled for a phone.

The numbers come from the tables the answers are computed from (``handlers.stats``): releases
per month and weekday, a company's or country's movies per decade, the medians of a release
year; only a collection's films are read from the catalog itself. ``chart_png`` draws them with
matplotlib (``bot.figures``: ``Figure`` objects, no pyplot state, so it is safe in worker
threads) and returns PNG bytes, or ``None`` when the answer has no chart (not found, usage,
recommendations, …) or there is nothing to draw.

``ChartMaker`` caches the PNGs of the last answers per (answer, language): answers are frozen
dataclasses, so the same query asked again (or the chart button pressed twice) is served from
memory. Every word on a chart comes from the language catalogs (``bot.i18n``); Spanish is the
default and the fallback for any other language code.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot import figures as f
from bot import i18n
from bot.render import compact_money, number
from handlers.answers import (
    Answer,
    CollectionAnswer,
    CompanyAnswer,
    CountryAnswer,
    MonthAnswer,
    ReturnAnswer,
    WeekdayAnswer,
)
from handlers.calendar_names import month_name, weekday_name
from handlers.doubtful import doubtful_fields
from handlers.stats import CatalogStats, decade_rows

CHART_COLUMNS = ("id", "title", "release_date", "release_year", "collection", "budget", "revenue")
"""The catalog columns the charts read themselves (the rest comes from ``CatalogStats``)."""

WIDTH_IN = 8.0  # 8 in x 130 dpi = 1040 px wide: sharp on a phone after Telegram's recompression
DPI = 130
TITLE_SIZE = 21
LABEL_SIZE = 17
TICK_SIZE = 16
NOTE_SIZE = 15


def _lang(lang: str) -> str:
    return lang if lang in i18n.LANGS else i18n.DEFAULT_LANG


def _figure(height_in: float) -> Figure:
    return f.new_figure(WIDTH_IN, height_in, DPI)


def _tidy(ax: Axes, grid: Literal["x", "y"] = "y") -> None:
    f.tidy(ax, grid=grid, labelsize=TICK_SIZE)


# --------------------------------------------------------------------------------------------
# Data: what the statistics tables do not hold
# --------------------------------------------------------------------------------------------


def collection_films(movies: pd.DataFrame, collection: str) -> pd.DataFrame:
    """The films of a collection in release order: ``title``, ``year``, ``budget``, ``revenue``.

    Budget and revenue keep the catalog's convention (0 = unknown). Empty when no film matches.
    """
    films = movies.loc[movies["collection"].eq(collection).fillna(False)]
    films = films.sort_values(["release_date", "id"], kind="stable")
    return pd.DataFrame(
        {
            "title": films["title"].astype("str").to_numpy(),
            "year": films["release_year"].astype("int64").to_numpy(),
            "budget": films["budget"].astype("int64").to_numpy(),
            "revenue": films["revenue"].astype("int64").to_numpy(),
        }
    )


@dataclass(frozen=True)
class ReturnComparison:
    """A film's budget and box office next to the medians of its release year (known values)."""

    title: str
    year: int
    budget: int  # 0 = unknown
    revenue: int  # 0 = unknown
    median_budget: float | None  # None when no film of that year has a known budget
    median_revenue: float | None
    budget_known: int  # films of that year with a known budget
    revenue_known: int


def return_comparison(years: pd.DataFrame, answer: ReturnAnswer) -> ReturnComparison:
    """The answer's figures next to its release year's row of ``handlers.stats.year_table``."""
    row = years.reindex([answer.movie.year]).iloc[0]  # all NaN when the year has no film

    def value(column: str) -> float | None:
        return None if pd.isna(row[column]) else float(row[column])

    return ReturnComparison(
        title=answer.movie.title,
        year=answer.movie.year,
        budget=answer.budget,
        revenue=answer.revenue,
        median_budget=value("budget_median"),
        median_revenue=value("revenue_median"),
        budget_known=int(value("budget_known") or 0),
        revenue_known=int(value("revenue_known") or 0),
    )


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------


def _highlight_bars(
    counts: Sequence[int], labels: Sequence[str], chosen: int, title: str, lang: str
) -> Figure:
    fig = _figure(6.0)
    ax = fig.add_subplot()
    colours = [f.ACCENT if i == chosen else f.MUTED for i in range(len(counts))]
    bars = ax.bar(range(len(counts)), counts, color=colours, width=0.75)
    ax.set_xticks(range(len(counts)), labels)
    for i, tick in enumerate(ax.get_xticklabels()):
        if i == chosen:
            tick.set_color(f.ACCENT)
            tick.set_fontweight("bold")
    bar = bars[chosen]
    ax.annotate(
        number(counts[chosen], lang),
        (bar.get_x() + bar.get_width() / 2, bar.get_height()),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=LABEL_SIZE,
        fontweight="bold",
        color=f.ACCENT,
    )
    ax.set_ylim(0, max(max(counts), 1) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.yaxis.set_major_formatter(f.count_axis(lang))
    ax.set_title(title, fontsize=TITLE_SIZE, color=f.INK, loc="left")
    _tidy(ax)
    return fig


def _abbreviations(name: Callable[..., str], keys: range, lang: str) -> list[str]:
    return [name(key, lang, "abbreviated").capitalize() for key in keys]


def month_chart(
    counts: Sequence[int], month: int, lang: str = "es", year: int | None = None
) -> Figure:
    """Bars of releases per month (``counts`` from January), the asked ``month`` highlighted;
    ``year`` names the one year ``counts`` are of."""
    lang = _lang(lang)
    asked = month_name(month, lang) + (f" {year}" if year else "")
    title = i18n.text("chart.by_month", lang, month=asked)
    labels = _abbreviations(month_name, range(1, 13), lang)
    return _highlight_bars(counts, labels, month - 1, title, lang)


def weekday_chart(counts: Sequence[int], weekday: int, lang: str = "es") -> Figure:
    """Bars of releases per weekday (``counts`` from Monday), the asked ``weekday`` highlighted."""
    lang = _lang(lang)
    title = i18n.text("chart.by_weekday", lang, weekday=weekday_name(weekday, lang))
    labels = _abbreviations(weekday_name, range(7), lang)
    return _highlight_bars(counts, labels, weekday, title, lang)


def collection_chart(films: pd.DataFrame, collection: str, lang: str = "es") -> Figure:
    """Horizontal bars, one row per film in release order: box office, and budget where known."""
    lang = _lang(lang)
    n = len(films)
    fig = _figure(max(5.0, 2.4 + 0.62 * n))
    ax = fig.add_subplot()
    rows = np.arange(n)
    height = 0.38
    revenue = films["revenue"].to_numpy(dtype="float64")
    budget = films["budget"].to_numpy(dtype="float64")
    ax.barh(
        rows - height / 2, revenue, height, color=f.BLUE, label=i18n.text("chart.revenue", lang)
    )
    ax.barh(
        rows + height / 2, budget, height, color=f.ORANGE, label=i18n.text("chart.budget", lang)
    )
    top = max(float(revenue.max(initial=0)), float(budget.max(initial=0)), 1.0)
    unknown = i18n.text("unknown_value", lang)
    for row, value in zip(rows, revenue, strict=True):
        label = compact_money(value, lang) if value > 0 else unknown
        ax.text(
            value + top * 0.01,
            row - height / 2,
            label,
            va="center",
            fontsize=NOTE_SIZE - 2,
            color=f.INK if value > 0 else f.GREY,
        )
    labels = [
        f"{f.shorten(t, 22)} ({y})" for t, y in zip(films["title"], films["year"], strict=True)
    ]
    ax.set_yticks(rows, labels)
    ax.set_ylim(n - 0.45, -0.55)  # first film on top
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=3))
    ax.xaxis.set_major_formatter(f.money_axis(lang))
    _tidy(ax, grid="x")
    ax.tick_params(axis="y", labelsize=NOTE_SIZE)
    fig.suptitle(
        f.shorten(i18n.text("chart.collection", lang, name=collection), 46),
        fontsize=TITLE_SIZE - 2,
        color=f.INK,
        x=0.02,
        ha="left",
    )
    ax.legend(
        fontsize=NOTE_SIZE,
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=2,
        borderaxespad=0.2,
    )
    return fig


def _decade_bars(
    ax: Axes,
    decades: Sequence[int],
    values: Sequence[float],
    colour: str,
    labels: Sequence[str],
    lang: str,
) -> None:
    """Bars per decade; ``labels`` ("" for none) written above the bars.

    Ticks read "1990s" in English and "1990" in Spanish, which has no such plural.
    """
    bars = ax.bar(list(decades), values, width=7.5, color=colour)
    top = max(max(values, default=0), 1)
    for bar, label in zip(bars, labels, strict=True):
        if label and bar.get_height() > 0:
            ax.annotate(
                label,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=NOTE_SIZE - 1,
                color=f.INK,
            )
    ax.set_ylim(0, top * 1.2)
    step = 10 if len(decades) <= 6 else 20
    shown = [d for d in decades if d % step == 0] or list(decades)
    ax.set_xticks(shown, [i18n.text("chart.decade", lang, decade=d) for d in shown])
    _tidy(ax)


def decade_chart(
    table: pd.DataFrame, name: str, lang: str = "es", *, with_revenue: bool = False
) -> Figure:
    """Movies per decade as bars (``table`` from ``handlers.stats.decade_rows``); with
    ``with_revenue`` a second panel of known box office."""
    lang = _lang(lang)
    decades = [int(d) for d in table.index]
    counts = [int(c) for c in table["count"]]
    fig = _figure(8.0 if with_revenue else 5.6)
    fig.suptitle(f.shorten(name, 40), fontsize=TITLE_SIZE, color=f.INK, x=0.02, ha="left")
    axes = list(fig.subplots(2, 1, sharex=True)) if with_revenue else [fig.add_subplot()]
    _decade_bars(
        axes[0],
        decades,
        counts,
        f.MUTED if with_revenue else f.BLUE,
        [number(c, lang) for c in counts],
        lang,
    )
    axes[0].set_title(
        i18n.text("chart.decade_movies", lang), fontsize=LABEL_SIZE, color=f.INK, loc="left"
    )
    axes[0].yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    axes[0].yaxis.set_major_formatter(f.count_axis(lang))
    if with_revenue:
        revenue = [int(v) for v in table["revenue_total"]]
        best = max(range(len(revenue)), key=revenue.__getitem__)
        labels = [compact_money(v, lang) if i == best else "" for i, v in enumerate(revenue)]
        _decade_bars(axes[1], decades, revenue, f.BLUE, labels, lang)
        axes[1].set_title(
            i18n.text("chart.decade_revenue", lang), fontsize=LABEL_SIZE, color=f.INK, loc="left"
        )
        axes[1].yaxis.set_major_locator(MaxNLocator(nbins=3))
        axes[1].yaxis.set_major_formatter(f.money_axis(lang))
    return fig


def doubtful_note(data: ReturnComparison, lang: str) -> str:
    """A warning for the implausible figures (``handlers.doubtful``); the return is named only
    when neither figure is, since a doubtful figure explains the return."""
    fields = doubtful_fields(data.budget, data.revenue)
    notes = [
        i18n.text(f"chart.doubtful.{field}", lang, money=compact_money(value, lang))
        for field, value in (("budget", data.budget), ("revenue", data.revenue))
        if field in fields
    ]
    if not notes and "return" in fields:
        notes.append(
            i18n.text(
                "chart.doubtful.return", lang, ratio=f.ratio(data.revenue / data.budget, lang)
            )
        )
    return "; ".join(notes)


def return_chart(data: ReturnComparison, lang: str = "es") -> Figure:
    """Two groups (budget, box office): the film's bar next to the median of its release year."""
    lang = _lang(lang)
    fig = _figure(6.2)
    ax = fig.add_subplot()
    width = 0.38
    groups = np.arange(2)
    film = [float(data.budget), float(data.revenue)]
    median = [data.median_budget or 0.0, data.median_revenue or 0.0]
    known_n = max(data.budget_known, data.revenue_known)
    ax.bar(
        groups - width / 2, film, width, color=[f.ORANGE, f.BLUE], label=f.shorten(data.title, 30)
    )
    ax.bar(
        groups + width / 2,
        median,
        width,
        color=f.GREY,
        label=i18n.text("chart.median", lang, known_n, year=data.year, n=number(known_n, lang)),
    )
    top = max(*film, *median, 1.0)
    unknown = i18n.text("unknown_value", lang)
    for x, value, bold in [(x, v, True) for x, v in zip(groups - width / 2, film, strict=True)] + [
        (x, v, False) for x, v in zip(groups + width / 2, median, strict=True)
    ]:
        label = compact_money(value, lang) if value > 0 else unknown
        ax.annotate(
            label,
            (x, value),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=NOTE_SIZE,
            fontweight="bold" if bold else "normal",
            color=f.INK if bold else "#5b6670",
        )
    ax.set_xticks(groups, [i18n.text("chart.budget", lang), i18n.text("chart.revenue", lang)])
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax.set_ylim(0, top * 1.3)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.yaxis.set_major_formatter(f.money_axis(lang))
    ax.legend(fontsize=NOTE_SIZE - 1, frameon=False, loc="upper left")
    legend = ax.get_legend()
    if legend is not None:
        legend.legend_handles[0].set_color(f.INK)  # type: ignore[union-attr]
    _tidy(ax)
    title = f"{f.shorten(data.title, 30)} ({data.year})"
    if data.budget > 0 and data.revenue > 0:
        title += " · " + i18n.text(
            "chart.return", lang, ratio=f.ratio(data.revenue / data.budget, lang)
        )
    fig.suptitle(title, fontsize=TITLE_SIZE - 1, color=f.INK, x=0.02, ha="left")
    if note := doubtful_note(data, lang):
        ax.set_title("⚠ " + note, fontsize=NOTE_SIZE - 1, color=f.ACCENT, loc="left")
    return fig


# --------------------------------------------------------------------------------------------
# Answer → PNG
# --------------------------------------------------------------------------------------------


def chart_figure(
    movies: pd.DataFrame, stats: CatalogStats, answer: Answer, lang: str = "es"
) -> Figure | None:
    """The chart for ``answer`` as a Figure, or None when it has none or nothing to draw.

    ``stats`` are the catalog's statistics (``handlers.stats.compute_stats(movies)``).
    """
    lang = _lang(lang)
    match answer:
        case MonthAnswer(month=month, year=None) if 1 <= month <= 12:
            return month_chart([stats.month_counts[m] for m in range(1, 13)], month, lang)
        case MonthAnswer(month=month, year=int(year)) if 1 <= month <= 12:
            counts = [stats.year_month_counts.get((year, m), 0) for m in range(1, 13)]
            return month_chart(counts, month, lang, year)
        case WeekdayAnswer(weekday=weekday) if 0 <= weekday <= 6:
            return weekday_chart([stats.weekday_counts[d] for d in range(7)], weekday, lang)
        case CollectionAnswer(collection=name):
            films = collection_films(movies, name)
            if films.empty or not (films["revenue"].gt(0).any() or films["budget"].gt(0).any()):
                return None
            return collection_chart(films, name, lang)
        case CompanyAnswer(company=name):
            table = decade_rows(stats.company_decades, name)
            if table.empty:
                return None
            return decade_chart(table, name, lang, with_revenue=bool(table["revenue_total"].sum()))
        case CountryAnswer(country=name, iso=iso):
            table = decade_rows(stats.country_decades, iso)
            shown = answer.country_es if lang == "es" and answer.country_es else name
            return None if table.empty else decade_chart(table, shown, lang)
        case ReturnAnswer():
            if not (answer.budget or answer.revenue):
                return None
            return return_chart(return_comparison(stats.years, answer), lang)
    return None


def chart_png(
    movies: pd.DataFrame, stats: CatalogStats, answer: Answer, lang: str = "es"
) -> bytes | None:
    """The chart for ``answer`` as PNG bytes; None for answers without a chart (send text)."""
    fig = chart_figure(movies, stats, answer, lang)
    return None if fig is None else f.png(fig)


class ChartMaker:
    """``chart_png`` over one catalog and its statistics, caching the last ``size`` charts.

    An async caller draws in one thread of its own (``draw``): matplotlib loads its fonts once
    per thread and is not made for concurrent drawing, and the event loop stays free.
    """

    def __init__(self, movies: pd.DataFrame, stats: CatalogStats, size: int = 32) -> None:
        self.movies = movies
        self.stats = stats
        self._cached = functools.lru_cache(maxsize=size)(self._draw)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")

    def _draw(self, answer: Answer, lang: str) -> bytes | None:
        return chart_png(self.movies, self.stats, answer, lang)

    def png(self, answer: Answer, lang: str = "es") -> bytes | None:
        """PNG bytes for ``answer`` (cached), or None when it has no chart."""
        return self._cached(answer, _lang(lang))

    async def draw(self, answer: Answer, lang: str = "es") -> bytes | None:
        """``png`` in the chart thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self._thread, self.png, answer, lang
        )

    def cache_info(self) -> functools._CacheInfo:
        """Hits, misses and size of the cache (``functools.lru_cache``'s ``cache_info``)."""
        return self._cached.cache_info()
