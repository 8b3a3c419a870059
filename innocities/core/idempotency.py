"""One-time tokens: a create form sent twice (a double click, a reload) stores one object.

The form carries a random token (``core.forms.OnceFormMixin``). ``once`` records the token in the
same transaction as the create: the token column is unique, so of two simultaneous submits the
second waits for the first to commit (PostgreSQL's unique index; SQLite's single writer), finds
the token taken, and is sent to what the first created instead of creating again. A create that
fails validation rolls its token back, so the corrected form may be sent with the same token.
Tokens older than a day are pruned on the same write path (an indexed range delete).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmitToken

KEEP = timedelta(days=1)


@dataclass(frozen=True)
class Earlier:
    """What the first submit of a form created, for the view to redirect to."""

    url: str
    label: str

    def get_absolute_url(self) -> str:
        return self.url

    def __str__(self) -> str:
        return self.label


def once(request, form, create: Callable, *, url: Callable | None = None):
    """Call ``create()`` unless the form's one-time token already created something; answer the new
    object, or ``Earlier`` (with a message) for a repeated submit. ``url(obj)`` says where the created
    object is shown when it has no ``get_absolute_url``."""
    token = form.once_token()
    if not token:  # a form the app did not render (scripts, old pages): nothing to match
        return create()
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = SubmitToken.objects.create(token=token, user=request.user)
        except IntegrityError:
            return _earlier(request, token)
        SubmitToken.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        obj = create()
        record.url = url(obj) if url else obj.get_absolute_url()
        record.label = str(obj)[:200]
        record.save(update_fields=["url", "label"])
        return obj


def _earlier(request, token):
    record = SubmitToken.objects.get(token=token)
    if record.user_id != request.user.pk or not record.url:
        raise ValidationError(_("This form was already sent. Open it again to send something new."))
    messages.info(request, _("You sent this form twice; it was saved once."))
    return Earlier(url=record.url, label=record.label)
