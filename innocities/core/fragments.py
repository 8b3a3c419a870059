"""What many people read, computed once and kept until something it shows changes.

A fragment names what it depends on ("programme:12", "organisation:3"). Each name has a token in the
cache; the fragment is stored under its key and the tokens of its names. ``touch`` gives names new
tokens, so every fragment that depended on them is computed afresh at its next reading. Tokens are
random, never counters: a token the cache has dropped cannot bring an old fragment back.

``touch`` acts at once and again when the transaction commits: a reader who computed the fragment
between the two, from what was not yet committed, is not left with it.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

logger = logging.getLogger(__name__)
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
    """The fragment, from the cache or computed (and stored). When the cache cannot be reached the
    fragment is computed for this request: slower, never an error page."""
    names = sorted(depends_on)
    try:
        tokens = hashlib.sha256(":".join(_tokens(names)).encode()).hexdigest()[:32]
        full = f"fragment:{key}:{tokens}"
        value = cache.get(full)
    except Exception:  # noqa: BLE001 - any cache failure (Redis down, a value of an older release)
        logger.warning("cache unavailable: computing %s", key, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full, value, timeout)
        except Exception:  # noqa: BLE001
            logger.warning("cache unavailable: not keeping %s", key, exc_info=True)
    return value


def rendered(
    request,
    template: str,
    key: str,
    depends_on: Iterable[str],
    context: Callable[[], dict],
    vary: str = "",
    timeout: int = TIMEOUT,
) -> str:
    """A template rendered once per language (and ``vary``: the cleaned filters that shape it, never
    the raw query string) for ``key``, which must name the reader when what it shows depends on them,
    until what it depends on changes. The template gets ``request`` but no context processors: a
    fragment holds what the page shows, never the header."""
    shape = hashlib.sha256(vary.encode()).hexdigest()[:16]
    return cached(
        f"{key}:{get_language()}:{shape}",
        depends_on,
        lambda: mark_safe(render_to_string(template, {**context(), "request": request})),  # noqa: S308 - our template's output
        timeout,
    )


def readers(user) -> list[str]:
    """The names a fragment kept for one reader depends on besides what it shows: what that person
    may see changes with their memberships and networks (``accounts.roles`` touches them)."""
    return [f"person:{user.pk}", "roles"]


def touch(*names: str) -> None:
    def renew():
        try:
            cache.set_many({f"token:{name}": uuid4().hex for name in names}, None)
        except Exception:  # noqa: BLE001 - the fragments expire on their own (TIMEOUT)
            logger.error("cache unavailable: could not renew %s", names, exc_info=True)

    renew()
    transaction.on_commit(renew)
