"""Cursor pagination: each page ends with the address of the next, which carries the last row's id
(opaque to the caller). Rows come in id order, so a row added meanwhile never shifts a page."""

import base64
import binascii

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

LIMIT, MOST = 50, 200


class Cursor(Schema):
    cursor: str | None = Field(None, max_length=40, description="From the previous page's `next`.")
    limit: int = Field(LIMIT, ge=1, le=MOST)


def _after(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = int(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise HttpError(400, _("The cursor is not one this API gave.")) from None
    if value < 0:
        raise HttpError(400, _("The cursor is not one this API gave."))
    return value


def _encode(pk: int) -> str:
    return base64.urlsafe_b64encode(str(pk).encode()).decode().rstrip("=")


def paginate(request, queryset, page: Cursor, serialise, params: dict | None = None) -> dict:
    """A page of rows after the cursor; ``next`` carries the operation's own parameters (``params``,
    already validated) and nothing else the caller sent."""
    rows = list(queryset.filter(pk__gt=_after(page.cursor)).order_by("pk")[: page.limit + 1])
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    following = None
    if more:
        query = {k: v for k, v in sorted((params or {}).items()) if v is not None}
        query.update(limit=page.limit, cursor=_encode(rows[-1].pk))
        following = f"{request.path}?{urlencode(query)}"
    return {"items": [serialise(r) for r in rows], "next": following}
