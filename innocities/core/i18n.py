"""Texts held as data carry every language in one mapping: {"en": ..., "sv": ..., "nb": ...}."""

from django.utils.translation import get_language

FALLBACK_ORDER = ("en", "sv", "nb")


def pick(texts: dict | str | None, language: str | None = None) -> str:
    """The text in the active language, falling back to English, then any language there is."""
    if not texts:
        return ""
    if isinstance(texts, str):
        return texts
    language = (language or get_language() or "sv").split("-")[0]
    for code in (language, *FALLBACK_ORDER):
        if texts.get(code):
            return texts[code]
    return next((value for value in texts.values() if value), "")


NORDIC = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "Æ": "Ae", "Ø": "O", "Å": "A", "Ä": "A", "Ö": "O"}
)


def nordic_slug(text: str, max_length: int = 70) -> str:
    """A URL slug that keeps Nordic names readable: Østfold → ostfold, Västerås → vasteras."""
    from django.utils.text import slugify

    return slugify(text.translate(NORDIC))[:max_length]
