"""Everything a user reads, one catalog per language (``es.py``, ``en.py``).

An entry is a template with ``{named}`` fields, or a dict of CLDR plural forms (``one``,
``other``…) chosen by babel for a count, so Spanish agreement ("se estrenó 1 película",
"se estrenaron 2 películas") lives in the catalog; a ``zero`` form, when given, says a count of
nothing in words ("no se estrenó ninguna"). Templates are plain text: ``markup`` escapes
their literal text and inserts values that the caller has already marked up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from string import Formatter
from typing import Final

from babel import Locale

from bot.i18n import en, es

Entry = str | Mapping[str, str]

LANGS: Final = ("es", "en")
DEFAULT_LANG: Final = "es"
CATALOGS: Final[dict[str, Mapping[str, Entry]]] = {"es": es.STRINGS, "en": en.STRINGS}
_FORMATTER = Formatter()


def language_of(code: str | None) -> str:
    """A client's language code (``"en-GB"``, ``"es"``, None) → a catalog language."""
    return "en" if (code or "").lower().startswith("en") else DEFAULT_LANG


def _lang(lang: str) -> str:
    return lang if lang in CATALOGS else DEFAULT_LANG


@cache
def _plural_form(lang: str) -> Callable[[float], str]:
    return Locale.parse(lang).plural_form


def template(key: str, lang: str, n: float | None = None) -> str:
    """The raw template for ``key`` in ``lang``, in its plural form for the number ``n``."""
    entry = CATALOGS[_lang(lang)][key]
    if isinstance(entry, str):
        return entry
    if n is None:
        raise ValueError(f"{key!r} has plural forms: pass a number")
    if n == 0 and "zero" in entry:
        return entry["zero"]
    form = _plural_form(_lang(lang))(abs(n))
    return entry.get(form, entry["other"])


def text(key: str, lang: str, n: float | None = None, /, **values: object) -> str:
    """The string ``key`` in ``lang`` (Spanish when unknown), with ``values`` filled in; ``n``
    picks the plural form."""
    return template(key, lang, n).format(**values)


def markup(
    key: str, lang: str, esc: Callable[[str], str], n: float | None = None, /, **values: str
) -> str:
    """Like ``text``, but the template's own text goes through ``esc`` and ``values`` do not
    (they are already escaped or marked up by the caller)."""
    parts = []
    for literal, field, spec, _ in _FORMATTER.parse(template(key, lang, n)):
        parts.append(esc(literal))
        if field is not None:
            parts.append(format(values[field], spec or ""))
    return "".join(parts)


def has(key: str, lang: str = DEFAULT_LANG) -> bool:
    return key in CATALOGS[_lang(lang)]
