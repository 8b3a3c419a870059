"""One search over every searchable kind, on PostgreSQL's full-text search or SQLite's FTS5.

The query's words (at most eight) are widened through the thesaurus; each word or phrase matches
any of its terms, every one of them must match, and the user's own last word also matches as a
prefix ("landstr" finds "landström"). On PostgreSQL the query is parsed with the Swedish, Norwegian
and English configurations at once (stemming after unaccent), so a document written in any of them
meets it; on SQLite every word is a prefix, and diacritics are folded. What a person may see is each
kind's own access rule (``Searchable.visible``), applied in the same query.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Count, FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from innocities.core import fragments, registry

from . import thesaurus
from .models import Document

MAX_WORDS = 8
COUNT_UP_TO = 1000
START, STOP = "\x02", "\x03"
CONFIGS = ("innocities_sv", "innocities_nb", "innocities_en")


@dataclass
class Hit:
    document: Document
    excerpt: SafeString = mark_safe("")


@dataclass
class Results:
    text: str
    hits: list[Hit] = field(default_factory=list)
    count: int = 0  # up to COUNT_UP_TO + 1
    kinds: dict[str, int] = field(default_factory=dict)
    expansions: list[thesaurus.Expansion] = field(default_factory=list)

    @property
    def more_than(self) -> bool:
        return self.count > COUNT_UP_TO

    @property
    def also(self) -> list[str]:
        """The other terms the thesaurus added, to say what else was searched for."""
        return [" ".join(t) for e in self.expansions for t in e.terms[1:]]


def visible_q(user) -> Q:
    """The documents the person may see: each kind under its own module's access rule; someone not
    signed in, only what has a public page."""
    q = Q(pk__in=[])
    for searchable in registry.searchables():
        q |= Q(kind=searchable.kind) & searchable.visible(user)
    if not getattr(user, "is_authenticated", False):
        q &= ~Q(public_url="")
    return q


def parse(text: str) -> list[str]:
    """The query's words (a word of underscores alone is no word: FTS5 would match nothing with it)."""
    return [w for w in thesaurus.words(text or "") if w.strip("_")][:MAX_WORDS]


ALL, TWO, ANY = "all", "two", "any"  # how many of the query's words a document must have


def _combine(groups: list[str], mode: str, both: str, either: str) -> str:
    """The words' groups joined: every one, at least two of them, or any."""
    if mode == TWO and len(groups) > 2:
        pairs = [f"({a}{both}{b})" for i, a in enumerate(groups) for b in groups[i + 1 :]]
        return either.join(pairs)
    return (either if mode == ANY else both).join(groups)


def _sqlite_groups(expansions) -> list[str]:
    groups = []
    for e in expansions:
        alternatives = ['"' + " ".join(thesaurus.fold(w) for w in term) + '" *' for term in e.terms]
        groups.append("(" + " OR ".join(alternatives) + ")")
    return groups


def _postgres_groups(expansions) -> list[str]:
    """Each word's alternatives as PostgreSQL query text: every term parsed with the Swedish, Norwegian
    and English configurations in one round trip, duplicates dropped (the three often stem alike), the
    person's own words as prefixes."""
    alternatives = [
        " <-> ".join([*term[:-1], term[-1] + (":*" if n == 0 else "")])
        for e in expansions
        for n, term in enumerate(e.terms)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.n, to_tsquery(c.config::regconfig, a.term)::text "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS a(term, n), "
            "unnest(%s::text[]) WITH ORDINALITY AS c(config, k) ORDER BY a.n, c.k",
            [alternatives, list(CONFIGS)],
        )
        parsed: dict[int, list[str]] = {}
        for n, text in cursor.fetchall():
            if text and text not in parsed.setdefault(n, []):
                parsed[n].append(text)
    groups, n = [], 0
    for e in expansions:
        terms = [t for i in range(n + 1, n + 1 + len(e.terms)) for t in parsed.get(i, [])]
        n += len(e.terms)
        if terms:
            groups.append("(" + " | ".join(dict.fromkeys(terms)) + ")")
    return groups


def prepare(expansions) -> list[str]:
    """The query's words as the database's query text, one group a word (parsed once per search)."""
    return _postgres_groups(expansions) if connection.vendor == "postgresql" else _sqlite_groups(expansions)


def _matching(queryset, groups: list[str], mode=ALL):
    """The documents matching, annotated with ``score`` (higher is better), and the query's text."""
    if connection.vendor == "postgresql":
        tsquery = _combine(groups, mode, " & ", " | ")
        if not tsquery:
            return queryset.none().annotate(score=Value(0.0, output_field=FloatField())), ""
        matches = RawSQL("catalogue_document.vector @@ %s::tsquery", [tsquery], output_field=BooleanField())
        score = RawSQL(
            "ts_rank(catalogue_document.vector, %s::tsquery)", [tsquery], output_field=FloatField()
        )
        return queryset.filter(matches).annotate(score=score), tsquery
    expression = _combine(groups, mode, " AND ", " OR ")
    matches = RawSQL(
        "catalogue_document.id IN "
        "(SELECT rowid FROM catalogue_document_fts WHERE catalogue_document_fts MATCH %s)",
        [expression],
        output_field=BooleanField(),
    )
    score = RawSQL(
        "(SELECT -bm25(catalogue_document_fts, 10.0, 4.0, 1.0) FROM catalogue_document_fts "
        "WHERE catalogue_document_fts MATCH %s AND rowid = catalogue_document.id)",
        [expression],
        output_field=FloatField(),
    )
    return queryset.filter(matches).annotate(score=score), expression


def _excerpts(documents, query: str, expansions) -> dict[int, str]:
    """The best passages of each document's summary and body with the matched words marked:
    PostgreSQL's ``ts_headline`` (stemming-aware); on SQLite, words starting with a query term."""
    if connection.vendor != "postgresql":
        prefixes = tuple({thesaurus.fold(w) for e in expansions for term in e.terms for w in term})
        return {d.pk: _marked(_joined(d.summary, d.body), prefixes) for d in documents}
    ids = [d.pk for d in documents]  # asked even when empty: the page's queries never depend on what matched
    config = (
        "CASE language "
        + " ".join(f"WHEN '{c[-2:]}' THEN '{c}'::regconfig" for c in CONFIGS)
        + " ELSE 'innocities_en'::regconfig END"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, ts_headline({config}, summary || ' ' || body, %s::tsquery, %s) "
            "FROM catalogue_document WHERE id = ANY(%s)",
            [
                query,
                f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, "
                'FragmentDelimiter=" … "',
                ids,
            ],
        )
        return dict(cursor.fetchall())


def _joined(*texts) -> str:
    return " ".join(t for t in texts if t)


def _marked(text: str, prefixes: tuple[str, ...], words_around: int = 14) -> str:
    """About 30 words around the first match, each matching word between START and STOP."""
    pieces = re.split(r"(\w+)", text)
    hits = [i for i, p in enumerate(pieces) if i % 2 and thesaurus.fold(p).startswith(prefixes)]
    if not hits:
        return ""
    first = max(0, hits[0] - 2 * words_around)
    last = min(len(pieces), hits[0] + 2 * words_around)
    out = [f"{START}{p}{STOP}" if i in hits else p for i, p in enumerate(pieces[first:last], start=first)]
    return ("… " if first else "") + "".join(out).strip() + (" …" if last < len(pieces) else "")


def highlight(text: str) -> SafeString:
    """Escaped text with the search's marks as <mark>: nothing in a document becomes markup."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)


def search(user, text: str, *, kind: str = "", page: int = 1, per_page: int = 20) -> Results:
    """A page of the documents the person may see that match ``text``, best first, with excerpts."""
    results = Results(text=text)
    query_words = parse(text)
    if not query_words:
        return results
    results.expansions = thesaurus.expand(query_words)
    visible = Document.objects.filter(visible_q(user))
    matching, query = _matching(visible, prepare(results.expansions))
    results.kinds = dict(matching.order_by().values_list("kind").annotate(n=Count("pk")))
    if kind:
        matching = matching.filter(kind=kind)
    results.count = results.kinds.get(kind, 0) if kind else sum(results.kinds.values())
    start = (max(page, 1) - 1) * per_page
    documents = list(
        matching.select_related("organisation").order_by("-score", "-pk")[start : start + per_page]
    )
    excerpts = _excerpts(documents, query, results.expansions)
    results.hits = [Hit(d, highlight(excerpts.get(d.pk) or d.summary[:240])) for d in documents]
    return results


def cached_search(user, text: str, *, kind: str = "", page: int = 1, per_page: int = 20) -> Results:
    """``search``, kept per reader (one shared copy for visitors), query, kind and page until the
    index or the thesaurus changes: popular searches are answered from the cache."""
    words = " ".join(parse(text))
    shape = hashlib.sha256(f"{words}|{kind}|{page}|{per_page}".encode()).hexdigest()[:24]
    signed_in = getattr(user, "is_authenticated", False)
    reader = f"person{user.pk}" if signed_in else "visitor"
    return fragments.cached(
        f"search:{reader}:{shape}",
        # a person also sees what their team seats open to them: a seat's change touches "projects"
        ["search", "thesaurus", *(["projects", *fragments.readers(user)] if signed_in else [])],
        lambda: search(user, text, kind=kind, page=page, per_page=per_page),
    )


POOL = 2000  # documents a broad "any of these words" query ranks at most


def ranked(user, text_words: list[str], *, kind: str, limit: int) -> list[tuple[int, float]]:
    """(object id, score) of the ``limit`` documents of ``kind`` the person may see that share most
    with the words (widened through the thesaurus): the text side of "similar work". Documents with
    every word come first, then those with at least two of them, then any of them — the last ranked
    among at most ``POOL`` of them, so a title of common words costs no more than a rare one. Always
    the same queries, whatever the data: a page's query count never depends on what matches."""
    if not text_words:
        return []
    groups = prepare(thesaurus.expand(text_words))
    documents = Document.objects.filter(visible_q(user), kind=kind)
    found: dict[int, float] = {}
    for mode in (ALL, TWO, ANY):
        matching, _query = _matching(documents.exclude(object_id__in=list(found)), groups, mode)
        if mode == ANY:
            pool = list(matching.order_by().values_list("pk", flat=True)[:POOL])
            matching, _query = _matching(Document.objects.filter(pk__in=pool or [0]), groups, mode)
        rows = matching.order_by("-score", "-pk").values_list("object_id", "score")[:limit]
        for object_id, score in rows:
            if len(found) < limit:
                found.setdefault(object_id, score)
    return list(found.items())
