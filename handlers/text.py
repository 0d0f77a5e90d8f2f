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


def clean_argument(text: str) -> str:
    """Trim a raw argument: drop control characters, collapse spaces, cap the length."""
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(printable.split())[:MAX_QUERY_CHARS]
