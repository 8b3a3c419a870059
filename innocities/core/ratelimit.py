"""A small fixed-window rate limit in the cache: enough to stop scripted spam of ideas and comments."""

from django.core.cache import cache


def allow(scope: str, key, *, limit: int, seconds: int) -> bool:
    """Count one more attempt at ``scope`` by ``key``; False once ``limit`` is passed in the window."""
    name = f"ratelimit:{scope}:{key}"
    if cache.add(name, 1, timeout=seconds):
        return True
    try:
        return cache.incr(name) <= limit
    except ValueError:  # the window expired between add and incr
        cache.add(name, 1, timeout=seconds)
        return True
