"""What the chat charts and the report's figures share: colours, figures without pyplot state (safe
in worker threads), PNG bytes, axis style and the number formats on axes and labels."""

from __future__ import annotations

import io
import math
from typing import Literal

import matplotlib

matplotlib.use("Agg")

from babel.numbers import format_decimal
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from bot.render import compact_money, number

BLUE = "#2e86ab"  # box office, and bars in general
ORANGE = "#f2b134"  # budgets
ACCENT = "#e4572e"  # what was asked; doubtful figures
GREY = "#9aa5ae"  # medians, fences
MUTED = "#b8c4ce"  # bars next to the accented one
GREEN = "#3bb273"
INK = "#222222"
GRID = "#e3e7ea"


def new_figure(width: float, height: float, dpi: int) -> Figure:
    """A ``Figure`` of ``width`` × ``height`` inches, laid out to fit its labels."""
    fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, at its own dpi, on white."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi="figure", facecolor="white")
    return buffer.getvalue()


def tidy(ax: Axes, *, grid: Literal["x", "y", "both"] = "y", labelsize: float = 10) -> None:
    """No top/right frame, a light grid behind the data."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=labelsize, colors=INK)
    ax.grid(axis=grid, color=GRID, linewidth=1)
    ax.set_axisbelow(True)


def money_axis(lang: str) -> FuncFormatter:
    """Tick labels in short dollars (``US$ 374 M``); "0" at zero, none below 1 (log axes)."""
    return FuncFormatter(
        lambda value, _pos: compact_money(value, lang) if value >= 1 else "0" if value == 0 else ""
    )


def count_axis(lang: str) -> FuncFormatter:
    """Tick labels as whole numbers with the language's grouping (``12.345`` / ``12,345``)."""
    return FuncFormatter(lambda value, _pos: number(int(value), lang))


def ratio(value: float, lang: str) -> str:
    """A return multiple with few significant digits: ``12,5`` / ``0,43`` / ``0,0046`` (es)."""
    if value <= 0:
        return "0"
    if value >= 100:
        digits = 0
    elif value >= 10:
        digits = 1
    else:
        digits = max(2, 1 - math.floor(math.log10(value)))  # two significant digits below 1
    return str(format_decimal(value, format="#,##0." + "#" * digits, locale=lang))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
