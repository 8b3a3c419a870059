"""Small settings read where they are used, with their defaults in one place."""

from django.conf import settings


def digest_hour() -> int:
    return int(getattr(settings, "DIGEST_HOUR", 7))


def open_data_hour() -> int:
    return int(getattr(settings, "OPEN_DATA_HOUR", 3))
