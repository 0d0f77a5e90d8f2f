"""Charts for answers: a PNG that shows what the text says, sized and labelled for a phone.

Two layers, kept apart so the numbers can be tested without drawing anything:

* pure data functions (``releases_by_month``, ``collection_films``, ``decade_table``,
  ``return_comparison``, …) that compute the numbers behind each chart from the catalog;
* ``chart_png(movies, answer, lang)`` that draws them with matplotlib (Agg, ``Figure`` objects, no
  pyplot state, so it is safe to call from worker threads) and returns PNG bytes, or ``None`` when
  the answer has no chart (not found, usage, recommendations, …) or there is nothing to draw.

``ChartMaker(movies)`` wraps ``chart_png`` with a small thread-safe LRU cache keyed by
``(answer, lang)``: answers are frozen dataclasses, so the same query asked again (or the chart
button pressed twice) is served from memory. Labels are Spanish (``lang="es"``, the default and the
fallback for any other code) or English (``"en"``).
"""

from __future__ import annotations

import io
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from handlers.answers import (
    Answer,
    CollectionAnswer,
    CompanyAnswer,
    CountryAnswer,
    MonthAnswer,
    ReturnAnswer,
    WeekdayAnswer,
)
from handlers.catalog import list_cell

LANGS = ("es", "en")
CHART_COLUMNS = (
    "id", "title", "release_date", "release_year", "collection", "budget", "revenue",
    "production_companies", "production_countries", "production_country_codes",
)  # fmt: skip
"""The catalog columns the charts read."""

MONTHS = {
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
WEEKDAYS = {
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
TEXT = {
    "es": {
        "by_month": "Estrenos por mes",
        "by_weekday": "Estrenos por día de la semana",
        "movies": "películas",
        "budget": "Presupuesto",
        "revenue": "Recaudación",
        "unknown": "sin dato",
        "collection": "{name}: recaudación por película",
        "decade_movies": "Películas por década",
        "decade_revenue": "Recaudación por década (conocida)",
        "this_film": "{title}",
        "median": "Mediana de {year} ({n} {films})",
        "doubtful": "{what} de {money}: dato dudoso en la fuente",
        "return": "retorno ×{ret}",
    },
    "en": {
        "by_month": "Releases by month",
        "by_weekday": "Releases by weekday",
        "movies": "movies",
        "budget": "Budget",
        "revenue": "Box office",
        "unknown": "unknown",
        "collection": "{name}: box office per film",
        "decade_movies": "Movies per decade",
        "decade_revenue": "Box office per decade (known)",
        "this_film": "{title}",
        "median": "{year} median ({n} {films})",
        "doubtful": "a {money} {what}: doubtful in the source data",
        "return": "return ×{ret}",
    },
}

FILMS = {"es": ("película", "películas"), "en": ("film", "films")}
DOUBTFUL_BELOW = 1_000
"""Budgets or box office under $1,000 are almost surely typos or amounts in millions."""

# Colours: muted bars, one accent for what was asked.
MUTED = "#b8c4ce"
ACCENT = "#e4572e"
BUDGET = "#f2b134"
REVENUE = "#2e86ab"
MEDIAN = "#9aa5ae"
INK = "#222222"

WIDTH_IN = 8.0  # 8 in x 130 dpi = 1040 px wide: sharp on a phone after Telegram's recompression
DPI = 130
TITLE_SIZE = 21
LABEL_SIZE = 17
TICK_SIZE = 16
NOTE_SIZE = 15


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "es"


# --------------------------------------------------------------------------------------------
# Data: the numbers behind each chart (pure functions of the catalog)
# --------------------------------------------------------------------------------------------


def releases_by_month(movies: pd.DataFrame) -> pd.Series:
    """Number of movies released in each month of any year, indexed 1..12 (zeros included)."""
    months = movies["release_date"].dt.month
    return months.value_counts().reindex(range(1, 13), fill_value=0).astype("int64")


def releases_by_weekday(movies: pd.DataFrame) -> pd.Series:
    """Number of movies released on each weekday, indexed 0 (Monday) .. 6 (Sunday)."""
    days = movies["release_date"].dt.day_of_week
    return days.value_counts().reindex(range(7), fill_value=0).astype("int64")


def list_contains(column: pd.Series, value: str) -> pd.Series:
    """Boolean mask: rows whose list cell contains ``value`` exactly."""
    return pd.Series(
        [value in list_cell(cell) for cell in column], index=column.index, dtype="bool"
    )


def company_mask(movies: pd.DataFrame, company: str) -> pd.Series:
    """Movies produced by ``company`` (exact name)."""
    return list_contains(movies["production_companies"], company)


def country_mask(movies: pd.DataFrame, iso: str, name: str = "") -> pd.Series:
    """Movies produced in a country: by ISO 3166-1 code, or by English name when no code."""
    if iso:
        return list_contains(movies["production_country_codes"], iso.upper())
    return list_contains(movies["production_countries"], name)


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


def decade_table(movies: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """Per decade of the selected movies: ``movies``, ``revenue`` (sum of known), ``revenue_known``.

    Indexed by the decade's first year (1990, 2000, …) from the first to the last decade with a
    movie, empty decades in between included as zeros. Empty when nothing is selected.
    """
    chosen = movies.loc[mask]
    columns = ["movies", "revenue", "revenue_known"]
    if chosen.empty:
        return pd.DataFrame(columns=columns, dtype="int64").rename_axis("decade")
    decade = (chosen["release_year"] // 10 * 10).astype("int64")
    revenue = chosen["revenue"].astype("int64")
    table = pd.DataFrame(
        {
            "movies": decade.value_counts(),
            "revenue": revenue.groupby(decade).sum(),
            "revenue_known": revenue.gt(0).groupby(decade).sum(),
        }
    )
    full = range(int(decade.min()), int(decade.max()) + 1, 10)
    return table.reindex(full, fill_value=0).astype("int64").rename_axis("decade")[columns]


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


def return_comparison(movies: pd.DataFrame, movie_id: int) -> ReturnComparison | None:
    """Compare a film with the medians of its release year; None when the id is not there."""
    rows = movies.loc[movies["id"].eq(movie_id)]
    if rows.empty:
        return None
    film = rows.iloc[0]
    year = int(film["release_year"])
    same_year = movies.loc[movies["release_year"].eq(year)]
    budgets = same_year["budget"].loc[same_year["budget"].gt(0)]
    revenues = same_year["revenue"].loc[same_year["revenue"].gt(0)]
    return ReturnComparison(
        title=str(film["title"]),
        year=year,
        budget=int(film["budget"]),
        revenue=int(film["revenue"]),
        median_budget=float(budgets.median()) if len(budgets) else None,
        median_revenue=float(revenues.median()) if len(revenues) else None,
        budget_known=len(budgets),
        revenue_known=len(revenues),
    )


# --------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------


def format_count(value: int, lang: str = "es") -> str:
    """``12345`` → ``12.345`` (es) or ``12,345`` (en)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if _lang(lang) == "es" else text


def _decimal(value: float, digits: int, lang: str) -> str:
    text = f"{value:,.{digits}f}"
    if digits:
        text = text.rstrip("0").rstrip(".")  # 9.0 → 9, 0.080 → 0.08
    if _lang(lang) == "es":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_money(value: float, lang: str = "es") -> str:
    """Compact dollars: ``$373M`` / ``$1.2B`` / ``$12K`` / ``$7`` (en), ``US$ 373 M`` (es).

    Spanish uses millions all the way up (``US$ 1.200 M``), as Spanish-language press does.
    """
    value = float(value)
    lang = _lang(lang)
    if lang == "en":
        if value >= 1e9:
            return f"${_decimal(value / 1e9, 1, lang)}B"
        if value >= 1e6:
            return f"${_decimal(value / 1e6, 1 if value < 1e7 else 0, lang)}M"
        if value >= 1e3:
            return f"${_decimal(value / 1e3, 0, lang)}K"
        return f"${_decimal(value, 0, lang)}"
    if value >= 1e6:
        return f"US$ {_decimal(value / 1e6, 1 if value < 1e7 else 0, lang)} M"
    if value >= 1e3:
        return f"US$ {_decimal(value / 1e3, 0, lang)} mil"
    return f"US$ {_decimal(value, 0, lang)}"


def format_ratio(value: float, lang: str = "es") -> str:
    """A return multiple with few significant digits: ``12,5`` / ``0,43`` / ``0,0046`` (es)."""
    if value >= 100:
        return _decimal(value, 0, lang)
    if value >= 10:
        return _decimal(value, 1, lang)
    if value <= 0:
        return "0"
    digits = max(2, 1 - math.floor(math.log10(value)))  # two significant digits below 1
    return _decimal(value, digits, lang)


def _shorten(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------


def _figure(height_in: float = 6.0) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _style(ax: Axes, *, grid_axis: Literal["x", "y"] = "y") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=TICK_SIZE, colors=INK)
    ax.grid(axis=grid_axis, color="#e3e7ea", linewidth=1)
    ax.set_axisbelow(True)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _money_axis(lang: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: format_money(value, lang) if value > 0 else "0")


def _highlight_bars(
    counts: Sequence[int], labels: Sequence[str], chosen: int, title: str, lang: str
) -> Figure:
    fig = _figure(6.0)
    ax = fig.add_subplot()
    colours = [ACCENT if i == chosen else MUTED for i in range(len(counts))]
    bars = ax.bar(range(len(counts)), counts, color=colours, width=0.75)
    ax.set_xticks(range(len(counts)), labels)
    for i, tick in enumerate(ax.get_xticklabels()):
        if i == chosen:
            tick.set_color(ACCENT)
            tick.set_fontweight("bold")
    bar = bars[chosen]
    ax.annotate(
        format_count(counts[chosen], lang),
        (bar.get_x() + bar.get_width() / 2, bar.get_height()),
        xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
        fontsize=LABEL_SIZE, fontweight="bold", color=ACCENT,
    )  # fmt: skip
    ax.set_ylim(0, max(max(counts), 1) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_count(int(v), lang)))
    ax.set_title(title, fontsize=TITLE_SIZE, color=INK, loc="left")
    _style(ax)
    return fig


def month_chart(
    counts: pd.Series, month: int, lang: str = "es", year: int | None = None
) -> Figure:
    """Bars of releases per month (index 1..12), the asked ``month`` highlighted; ``year`` names
    the one year ``counts`` are of."""
    lang = _lang(lang)
    names = MONTHS[lang]
    labels = [name[:3].capitalize() for name in names]
    title = f"{TEXT[lang]['by_month']}: {names[month - 1]}" + (f" {year}" if year else "")
    return _highlight_bars(counts.tolist(), labels, month - 1, title, lang)


def weekday_chart(counts: pd.Series, weekday: int, lang: str = "es") -> Figure:
    """Bars of releases per weekday (index 0 = Monday), the asked ``weekday`` highlighted."""
    lang = _lang(lang)
    names = WEEKDAYS[lang]
    labels = [name[:3].capitalize() for name in names]
    title = f"{TEXT[lang]['by_weekday']}: {names[weekday]}"
    return _highlight_bars(counts.tolist(), labels, weekday, title, lang)


def collection_chart(films: pd.DataFrame, collection: str, lang: str = "es") -> Figure:
    """Horizontal bars, one row per film in release order: box office, and budget where known."""
    lang = _lang(lang)
    text = TEXT[lang]
    n = len(films)
    fig = _figure(max(5.0, 2.4 + 0.62 * n))
    ax = fig.add_subplot()
    rows = np.arange(n)
    height = 0.38
    revenue = films["revenue"].to_numpy(dtype="float64")
    budget = films["budget"].to_numpy(dtype="float64")
    ax.barh(rows - height / 2, revenue, height, color=REVENUE, label=text["revenue"])
    ax.barh(rows + height / 2, budget, height, color=BUDGET, label=text["budget"])
    top = max(float(revenue.max(initial=0)), float(budget.max(initial=0)), 1.0)
    for row, value in zip(rows, revenue, strict=True):
        label = format_money(value, lang) if value > 0 else text["unknown"]
        ax.text(value + top * 0.01, row - height / 2, label, va="center",
                fontsize=NOTE_SIZE - 2, color=INK if value > 0 else MEDIAN)
    labels = [
        f"{_shorten(t, 22)} ({y})" for t, y in zip(films["title"], films["year"], strict=True)
    ]
    ax.set_yticks(rows, labels)
    ax.set_ylim(n - 0.45, -0.55)  # first film on top
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=3))
    ax.xaxis.set_major_formatter(_money_axis(lang))
    _style(ax, grid_axis="x")
    ax.tick_params(axis="y", labelsize=NOTE_SIZE)
    fig.suptitle(_shorten(text["collection"].format(name=collection), 46),
                 fontsize=TITLE_SIZE - 2, color=INK, x=0.02, ha="left")
    ax.legend(fontsize=NOTE_SIZE, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.0),
              ncols=2, borderaxespad=0.2)
    return fig


def _decade_bars(ax: Axes, decades: Sequence[int], values: Sequence[float], colour: str,
                 labels: Sequence[str], lang: str) -> None:
    """Bars per decade; ``labels`` ("" for none) written above the bars.

    Ticks read "1990s" in English and "1990" in Spanish, which has no such plural.
    """
    bars = ax.bar(list(decades), values, width=7.5, color=colour)
    top = max(max(values, default=0), 1)
    for bar, label in zip(bars, labels, strict=True):
        if label and bar.get_height() > 0:
            ax.annotate(label, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        fontsize=NOTE_SIZE - 1, color=INK)
    ax.set_ylim(0, top * 1.2)
    step = 10 if len(decades) <= 6 else 20
    shown = [d for d in decades if d % step == 0] or list(decades)
    ax.set_xticks(shown, [f"{d}s" if lang == "en" else str(d) for d in shown])
    _style(ax)


def decade_chart(table: pd.DataFrame, name: str, lang: str = "es", *,
                 with_revenue: bool = False) -> Figure:
    """Movies per decade as bars; with ``with_revenue`` a second panel of known box office."""
    lang = _lang(lang)
    text = TEXT[lang]
    decades = [int(d) for d in table.index]
    counts = [int(c) for c in table["movies"]]
    fig = _figure(8.0 if with_revenue else 5.6)
    fig.suptitle(_shorten(name, 40), fontsize=TITLE_SIZE, color=INK, x=0.02, ha="left")
    axes = list(fig.subplots(2, 1, sharex=True)) if with_revenue else [fig.add_subplot()]
    _decade_bars(axes[0], decades, counts, MUTED if with_revenue else REVENUE,
                 [format_count(c, lang) for c in counts], lang)
    axes[0].set_title(text["decade_movies"], fontsize=LABEL_SIZE, color=INK, loc="left")
    axes[0].yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    axes[0].yaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_count(int(v), lang)))
    if with_revenue:
        revenue = [int(v) for v in table["revenue"]]
        best = max(range(len(revenue)), key=revenue.__getitem__)
        labels = [format_money(v, lang) if i == best else "" for i, v in enumerate(revenue)]
        _decade_bars(axes[1], decades, revenue, REVENUE, labels, lang)
        axes[1].set_title(text["decade_revenue"], fontsize=LABEL_SIZE, color=INK, loc="left")
        axes[1].yaxis.set_major_locator(MaxNLocator(nbins=3))
        axes[1].yaxis.set_major_formatter(_money_axis(lang))
    return fig


def _doubtful_note(data: ReturnComparison, lang: str) -> str:
    """A warning when the film's budget or box office is implausibly small."""
    words = {"es": ("presupuesto", "recaudación"), "en": ("budget", "box office")}[lang]
    notes = [
        TEXT[lang]["doubtful"].format(what=what, money=format_money(value, lang))
        for what, value in zip(words, (data.budget, data.revenue), strict=True)
        if 0 < value < DOUBTFUL_BELOW
    ]
    return "; ".join(notes)


def return_chart(data: ReturnComparison, lang: str = "es") -> Figure:
    """Two groups (budget, box office): the film's bar next to the median of its release year."""
    lang = _lang(lang)
    text = TEXT[lang]
    fig = _figure(6.2)
    ax = fig.add_subplot()
    width = 0.38
    groups = np.arange(2)
    film = [float(data.budget), float(data.revenue)]
    median = [data.median_budget or 0.0, data.median_revenue or 0.0]
    known_n = max(data.budget_known, data.revenue_known)
    films_word = FILMS[lang][0 if known_n == 1 else 1]
    ax.bar(groups - width / 2, film, width, color=[BUDGET, REVENUE],
           label=_shorten(data.title, 30))
    ax.bar(groups + width / 2, median, width, color=MEDIAN,
           label=text["median"].format(year=data.year, n=format_count(known_n, lang),
                                       films=films_word))
    top = max(*film, *median, 1.0)
    for x, value, bold in [(x, v, True) for x, v in zip(groups - width / 2, film, strict=True)] + [
        (x, v, False) for x, v in zip(groups + width / 2, median, strict=True)
    ]:
        label = format_money(value, lang) if value > 0 else text["unknown"]
        ax.annotate(label, (x, value), xytext=(0, 4), textcoords="offset points", ha="center",
                    va="bottom", fontsize=NOTE_SIZE, fontweight="bold" if bold else "normal",
                    color=INK if bold else "#5b6670")
    ax.set_xticks(groups, [text["budget"], text["revenue"]])
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax.set_ylim(0, top * 1.3)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.yaxis.set_major_formatter(_money_axis(lang))
    ax.legend(fontsize=NOTE_SIZE - 1, frameon=False, loc="upper left")
    legend = ax.get_legend()
    if legend is not None:
        legend.legend_handles[0].set_color(INK)  # type: ignore[union-attr]
    _style(ax)
    title = f"{_shorten(data.title, 30)} ({data.year})"
    if data.budget > 0 and data.revenue > 0:
        title += " · " + text["return"].format(ret=format_ratio(data.revenue / data.budget, lang))
    fig.suptitle(title, fontsize=TITLE_SIZE - 1, color=INK, x=0.02, ha="left")
    if note := _doubtful_note(data, lang):
        ax.set_title("⚠ " + note, fontsize=NOTE_SIZE - 1, color=ACCENT, loc="left")
    return fig


# --------------------------------------------------------------------------------------------
# Answer → PNG
# --------------------------------------------------------------------------------------------


def chart_figure(movies: pd.DataFrame, answer: Answer, lang: str = "es") -> Figure | None:
    """The chart for ``answer`` as a Figure, or None when it has none or nothing to draw."""
    lang = _lang(lang)
    match answer:
        case MonthAnswer(month=month, year=None) if 1 <= month <= 12:
            return month_chart(releases_by_month(movies), month, lang)
        case MonthAnswer(month=month, year=int(year)) if 1 <= month <= 12:
            in_year = movies.loc[movies["release_year"] == year]
            return month_chart(releases_by_month(in_year), month, lang, year)
        case WeekdayAnswer(weekday=weekday) if 0 <= weekday <= 6:
            return weekday_chart(releases_by_weekday(movies), weekday, lang)
        case CollectionAnswer(collection=name):
            films = collection_films(movies, name)
            if films.empty or not (films["revenue"].gt(0).any() or films["budget"].gt(0).any()):
                return None
            return collection_chart(films, name, lang)
        case CompanyAnswer(company=name):
            table = decade_table(movies, company_mask(movies, name))
            if table.empty:
                return None
            return decade_chart(table, name, lang, with_revenue=bool(table["revenue"].sum()))
        case CountryAnswer(country=name, iso=iso):
            table = decade_table(movies, country_mask(movies, iso, name))
            shown = answer.country_es if lang == "es" and answer.country_es else name
            return None if table.empty else decade_chart(table, shown, lang)
        case ReturnAnswer(movie=movie):
            data = return_comparison(movies, movie.id)
            if data is None or not (data.budget or data.revenue):
                return None
            return return_chart(data, lang)
    return None


def chart_png(movies: pd.DataFrame, answer: Answer, lang: str = "es") -> bytes | None:
    """The chart for ``answer`` as PNG bytes; None for answers without a chart (send text)."""
    fig = chart_figure(movies, answer, lang)
    return None if fig is None else _png(fig)


class ChartMaker:
    """``chart_png`` over one catalog, with an LRU cache of the last ``size`` (answer, lang)."""

    def __init__(self, movies: pd.DataFrame, size: int = 128) -> None:
        self.movies = movies
        self.size = size
        self._cache: OrderedDict[tuple[Answer, str], bytes | None] = OrderedDict()
        self._lock = threading.Lock()

    def png(self, answer: Answer, lang: str = "es") -> bytes | None:
        """PNG bytes for ``answer`` (cached), or None when it has no chart."""
        key = (answer, _lang(lang))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        png = chart_png(self.movies, answer, key[1])
        with self._lock:
            self._cache[key] = png
            self._cache.move_to_end(key)
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return png

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)
