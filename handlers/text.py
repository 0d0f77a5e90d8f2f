"""Folding what people type into a comparable form."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "¡Miércoles!" → "miercoles".

    Usable as a rapidfuzz ``processor`` (whose default keeps accents).
    """
    ascii_text = text if text.isascii() else unidecode(text)
    return _NOT_WORD.sub(" ", ascii_text.lower()).strip()


_GLUED = re.compile(r"[^a-z0-9\s]+")
_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "xi": 11,
          "xii": 12, "xiii": 13}  # fmt: skip
"""Numerals of sequels. Single letters (I, V, X) are left alone: "V for Vendetta", "Malcolm X"."""
_DIGITS = {str(n): roman for roman, n in _ROMAN.items()}


def fold_glued(text: str) -> str:
    """Like ``fold``, but punctuation is dropped instead of becoming a space:
    "E.T. the Extra-Terrestrial" → "et the extraterrestrial", "Schindler's" → "schindlers"."""
    ascii_text = text if text.isascii() else unidecode(text)
    return " ".join(_GLUED.sub("", ascii_text.lower()).split())


def key_variants(text: str) -> list[str]:
    """The ways a name may be typed, folded: as spelled, punctuation glued, and with sequel
    numerals swapped ("Rocky II" ↔ "rocky 2", "Terminator 2" ↔ "terminator ii")."""
    variants = [fold(text)]
    for key in (fold_glued(text), *(_numerals_swapped(k) for k in list(variants))):
        if key and key not in variants:
            variants.append(key)
    return variants


def _numerals_swapped(key: str) -> str:
    words = key.split()
    swapped = [str(_ROMAN[w]) if w in _ROMAN else _DIGITS.get(w, w) for w in words]
    return " ".join(swapped) if swapped != words else ""


def clean_argument(text: str) -> str:
    """Trim a raw argument: drop control characters, collapse spaces, cap the length."""
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(printable.split())[:MAX_QUERY_CHARS]
