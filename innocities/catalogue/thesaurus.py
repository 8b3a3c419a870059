"""The domain thesaurus: concepts named in Swedish, Norwegian and English, held as data.

``data/thesaurus.yaml`` is loaded by ``setup`` (concepts it does not know yet; platform staff edit
the rest in the admin). A query's words are matched against every term, folded (case, ø/ö, accents),
longest phrase first, and each match widens to all the concept's terms, so "landström" also asks for
"landstrøm" and "shore power".
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from innocities.core import fragments

from .models import Concept, Term

FILE = Path(__file__).resolve().parent / "data" / "thesaurus.yaml"
WORD = re.compile(r"\w+")
LONGEST = 5  # words in the longest term matched
FOLD = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l"})


def fold(text: str) -> str:
    """Case and diacritics folded: "Landstrøm" and "landström" both read "landstrom"."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


@dataclass(frozen=True)
class Expansion:
    """A run of the query's words and the other terms it stands for."""

    words: tuple[str, ...]
    terms: tuple[tuple[str, ...], ...]  # each term as its words, the query's own first


def _index() -> dict:
    """{folded term: [[term words], …] of every concept it names}, computed once, kept until an edit."""

    def compute():
        by_concept: dict[int, list[tuple[str, ...]]] = {}
        for concept_id, text in Term.objects.values_list("concept_id", "text"):
            by_concept.setdefault(concept_id, []).append(tuple(words(text)))
        index: dict[str, list[tuple[str, ...]]] = {}
        for terms in by_concept.values():
            for term in terms:
                bucket = index.setdefault(" ".join(fold(w) for w in term), [])
                bucket.extend(t for t in terms if t not in bucket)
        return index

    return fragments.cached("thesaurus", ["thesaurus"], compute, timeout=24 * 3600)


def expand(query_words: list[str]) -> list[Expansion]:
    """The query's words grouped into runs, each with the terms it stands for (none for a plain word)."""
    index = _index()
    folded = [fold(w) for w in query_words]
    out, i = [], 0
    while i < len(query_words):
        for n in range(min(LONGEST, len(query_words) - i), 0, -1):
            key = " ".join(folded[i : i + n])
            terms = index.get(key) or (n == 1 and _stem_match(index, key))
            if terms:
                own = tuple(query_words[i : i + n])
                out.append(
                    Expansion(own, (own, *[t for t in terms if [fold(w) for w in t] != folded[i : i + n]]))
                )
                i += n
                break
        else:
            out.append(Expansion((query_words[i],), ((query_words[i],),)))
            i += 1
    return out


def _stem_match(index: dict, word: str):
    """A word that is a term with an ending ("hemtjänsten", "landstrømmen") stands for the term."""
    for cut in (1, 2, 3, 4):
        if len(word) - cut >= 5 and (terms := index.get(word[:-cut])):
            return terms
    return None


@transaction.atomic
def load(path: Path = FILE) -> tuple[int, int]:
    """Add the file's concepts and terms that are not there yet; never changes or removes staff edits.
    Returns (concepts added, terms added)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    languages = {code for code, _name in settings.LANGUAGES}
    known = set(Concept.objects.values_list("key", flat=True))
    new_concepts = [Concept(key=e["key"], area=e.get("area", "")) for e in entries if e["key"] not in known]
    Concept.objects.bulk_create(new_concepts)
    concepts = {c.key: c for c in Concept.objects.filter(key__in=[c.key for c in new_concepts])}
    terms = [
        Term(concept=concepts[e["key"]], language=language, text=text, order=n)
        for e in entries
        if e["key"] in concepts
        for language in sorted(languages)
        for n, text in enumerate(e.get(language) or [])
    ]
    Term.objects.bulk_create(terms)
    if new_concepts:
        fragments.touch("thesaurus")
    return len(new_concepts), len(terms)
