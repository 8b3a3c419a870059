"""What many people read, computed once and kept until something it shows changes.

A fragment names what it depends on ("programme:12", "organisation:3"). Each name has a token in the
cache; the fragment is stored under its key and the tokens of its names. ``touch`` gives names new
tokens, so every fragment that depended on them is computed afresh at its next reading. Tokens are
random, never counters: a token the cache has dropped cannot bring an old fragment back.

``touch`` acts at once and again when the transaction commits: a reader who computed the fragment
between the two, from what was not yet committed, is not left with it.
"""

import hashlib
from collections.abc import Callable, Iterable
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

TIMEOUT = 600  # seconds; a safety net for a change made outside the actions (a database console)


def _tokens(names: list[str]) -> list[str]:
    keys = [f"token:{name}" for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid4().hex, None)
    if len(found) < len(keys):
        found = cache.get_many(keys)  # another process may have added first
    return [found.get(key, "-") for key in keys]


def cached(key: str, depends_on: Iterable[str], compute: Callable[[], object], timeout: int = TIMEOUT):
    names = sorted(depends_on)
    tokens = hashlib.sha256(":".join(_tokens(names)).encode()).hexdigest()[:32]
    full = f"fragment:{key}:{tokens}"
    value = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, timeout)
    return value


def rendered(request, template: str, key: str, depends_on: Iterable[str], context: Callable[[], dict]) -> str:
    """A template rendered once per language and query string for ``key`` (which must name the
    reader when what it shows depends on them), until what it depends on changes. The template gets
    ``request`` but no context processors: a fragment holds what the page shows, never the header."""
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]
    return cached(
        f"{key}:{get_language()}:{query}",
        depends_on,
        lambda: mark_safe(render_to_string(template, {**context(), "request": request})),  # noqa: S308 - our template's output
    )


def readers(user) -> list[str]:
    """The names a fragment kept for one reader depends on besides what it shows: what that person
    may see changes with their memberships and networks (``accounts.roles`` touches them)."""
    return [f"person:{user.pk}", "roles"]


def touch(*names: str) -> None:
    def renew():
        cache.set_many({f"token:{name}": uuid4().hex for name in names}, None)

    renew()
    transaction.on_commit(renew)
