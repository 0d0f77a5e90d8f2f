"""Countries by Spanish or English name or ISO code, from pycountry and its Spanish locale."""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache

import pycountry

from handlers.matching import NameIndex

COLLOQUIAL = {
    "US": ("EEUU", "EE UU", "United States", "America", "Norteamérica"),
    "GB": ("UK", "Inglaterra", "England", "Gran Bretaña", "Great Britain", "Britain"),
    "NL": ("Holanda", "Holland"),
    "KR": ("Corea del Sur",),
    "KP": ("Corea del Norte", "North Korea"),
    "RU": ("Rusia", "Russia"),
    "SU": ("URSS", "Unión Soviética", "Soviet Union"),
    "XC": ("Checoslovaquia", "Czechoslovakia"),
    "XG": ("Alemania del Este", "Alemania Oriental", "RDA", "East Germany"),
    "YU": ("Yugoslavia",),
    "CZ": ("República Checa", "Czech Republic"),
}
LOWER_CASE_CODES = frozenset({"usa", "uk"})
"""Codes typed in lower case as everyday names ("pelis de usa"); any other code only counts
written as one ("UK", "FRA"): "ben", "can", "it" are words."""
"""Everyday names that ISO 3166 does not list (and the catalog's own codes for former states)."""


@cache
def _spanish() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    except OSError:
        return gettext.NullTranslations()


def _variants(name: str) -> list[str]:
    """``"Korea, Republic of"`` → the name, ``"Korea"`` and ``"Republic of Korea"``."""
    if "," not in name:
        return [name]
    head, _, tail = name.partition(",")
    return [name, head.strip(), f"{tail.strip()} {head.strip()}"]


def spanish_name(iso: str, fallback: str) -> str:
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return fallback
    return _spanish().gettext(getattr(country, "common_name", country.name))


def country_names(catalog_names: Mapping[str, str]) -> dict[str, list[str]]:
    """ISO code → names to match (English, Spanish, official, codes, everyday names).

    ``catalog_names`` (ISO → name as the catalog spells it) comes first, so answers use the
    catalog's own spelling.
    """
    names: dict[str, list[str]] = {iso: [name] for iso, name in catalog_names.items()}
    spanish = _spanish()
    for country in pycountry.countries:
        iso = country.alpha_2
        english = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        entry = names.setdefault(iso, [])
        for name in filter(None, english):
            entry += _variants(name) + _variants(spanish.gettext(name))
        entry += [iso, country.alpha_3]
    for iso, extra in COLLOQUIAL.items():
        names.setdefault(iso, []).extend(extra)
    return names


def country_index(catalog_names: Mapping[str, str], counts: Mapping[str, int]) -> NameIndex[str]:
    return NameIndex(country_names(catalog_names), {iso: float(n) for iso, n in counts.items()})


def display_name(iso: str, catalog_names: Mapping[str, str]) -> str:
    """The English display name: the catalog's spelling, else ISO's."""
    if iso in catalog_names:
        return catalog_names[iso]
    country = pycountry.countries.get(alpha_2=iso)
    return str(getattr(country, "common_name", None) or getattr(country, "name", iso))
