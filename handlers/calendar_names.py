"""Months and weekdays by name, in Spanish and English (names from babel's CLDR data)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from babel.dates import get_day_names, get_month_names

from handlers.matching import NameIndex

LOCALES = ("es", "en")
EXTRA_MONTH_NAMES = {9: ("setiembre", "set")}  # accepted Spanish variant of "septiembre"


Width = Literal["wide", "abbreviated"]


def month_name(month: int, lang: str, width: Width = "wide") -> str:
    """``enero`` / ``January``; abbreviated: ``ene`` / ``Jan``."""
    return str(get_month_names(width, locale=lang)[month])


def weekday_name(weekday: int, lang: str, width: Width = "wide") -> str:
    """Monday = 0, as in Python's ``date.weekday()`` and babel; abbreviated: ``lun`` / ``Mon``."""
    return str(get_day_names(width, locale=lang)[weekday])


@cache
def month_index() -> NameIndex[int]:
    names: dict[int, list[str]] = {m: [month_name(m, "es")] for m in range(1, 13)}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for month, name in get_month_names(width, locale=locale).items():
                names[month].append(name)
    for month, extra in EXTRA_MONTH_NAMES.items():
        names[month].extend(extra)
    for month in names:
        names[month] += [str(month), f"{month:02d}"]
    return NameIndex(names)


@cache
def weekday_index() -> NameIndex[int]:
    names: dict[int, list[str]] = {d: [weekday_name(d, "es")] for d in range(7)}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for day, name in get_day_names(width, locale=locale).items():
                names[day].append(name)
    for day in names:
        names[day].append(str(day + 1))  # ISO numbering: Monday = 1
    return NameIndex(names)
