"""Folding what people type into a comparable form."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_PUNCTUATION = re.compile(r"[^a-z0-9\s]+")
MAX_QUERY_CHARS = 200
_ROMAN = {
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
}
"""Numerals of sequels. Single letters (I, V, X) are left alone: "V for Vendetta", "Malcolm X"."""
_SWAPPED = {
    **{roman: str(n) for roman, n in _ROMAN.items()},
    **{str(n): roman for roman, n in _ROMAN.items()},
}
_PART_WORDS = frozenset(
    {"part", "parte", "chapter", "capitulo", "episode", "episodio", "vol", "volume", "volumen"}
)
"""Words before a sequel's number that people leave out: "godfather 2" for "Part II"."""


def _ascii_lower(text: str) -> str:
    return (text if text.isascii() else unidecode(text)).lower()


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "¡Miércoles!" → "miercoles".

    Usable as a rapidfuzz ``processor`` (whose default keeps accents).
    """
    return _NOT_WORD.sub(" ", _ascii_lower(text)).strip()


def fold_glued(text: str) -> str:
    """Like ``fold``, but punctuation is dropped instead of becoming a space:
    "E.T. the Extra-Terrestrial" → "et the extraterrestrial", "Schindler's" → "schindlers"."""
    return " ".join(_PUNCTUATION.sub("", _ascii_lower(text)).split())


def key_variants(text: str) -> list[str]:
    """The ways a name may be typed, folded: as spelled, punctuation glued, with sequel
    numerals swapped ("Rocky II" ↔ "rocky 2", "Terminator 2" ↔ "terminator ii"), and without
    the word before a sequel's number ("The Godfather: Part II" → "the godfather 2")."""
    lower = _ascii_lower(text)
    folded = _NOT_WORD.sub(" ", lower).strip()
    variants = [folded]
    if _PUNCTUATION.search(lower):
        glued = " ".join(_PUNCTUATION.sub("", lower).split())
        if glued and glued != folded:
            variants.append(glued)
    words = folded.split()
    if _SWAPPED.keys().isdisjoint(words):
        return variants
    forms = [words]
    if not _PART_WORDS.isdisjoint(words):
        forms.append(
            [
                w
                for at, w in enumerate(words)
                if not (0 < at < len(words) - 1 and w in _PART_WORDS and words[at + 1] in _SWAPPED)
            ]
        )
    for form in forms:
        for variant in (" ".join(form), " ".join(_SWAPPED.get(w, w) for w in form)):
            if variant not in variants:
                variants.append(variant)
    return variants


def clean_argument(text: str) -> str:
    """Trim a raw argument: drop control characters, collapse spaces, cap the length."""
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(printable.split())[:MAX_QUERY_CHARS]
