"""Optimistic locking for edit forms: a ``revision`` column that every saved edit bumps.

An edit form carries the revision it was opened at (``core.forms.RevisionFormMixin``); the action
calls ``claim_revision`` first, which takes the next revision with one conditional UPDATE
(``… SET revision = revision + 1 WHERE pk = ? AND revision = ?``). When someone saved the object in
between, nothing is written and ``EditConflict`` lists, field by field, what is stored now beside
what this person sent, so the form can show both and keep the other person's work.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    """Someone saved the object after this form was opened. ``changes`` holds (label, stored now,
    sent by you) for each field that differs; ``revision`` is the stored revision to edit from."""

    def __init__(self, *, changes: list[tuple[str, str, str]], revision: int):
        super().__init__(
            _(
                "Someone else saved this after you opened the form. Nothing of yours was saved yet: "
                "compare what is stored now with what you sent, then save again to keep your version."
            ),
            code="edit_conflict",
        )
        self.changes = changes
        self.revision = revision


def _shown(obj, name: str, value) -> str:
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in value)) or "—"
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    return "—" if value in (None, "") else str(value)


def _stored(current, name: str):
    field = current._meta.get_field(name)
    return list(getattr(current, name).all()) if field.many_to_many else getattr(current, name)


def differences(current: models.Model, sent: dict) -> list[tuple[str, str, str]]:
    """(label, stored now, sent) for each field in ``sent`` whose stored value is different."""
    changes = []
    for name, value in sent.items():
        stored = _shown(current, name, _stored(current, name))
        mine = _shown(current, name, value)
        if stored != mine:
            changes.append((str(current._meta.get_field(name).verbose_name).capitalize(), stored, mine))
    return changes


def claim_revision(obj: models.Model, revision: int | None, sent: dict) -> None:
    """Take obj's next revision if it is still at ``revision``, else raise ``EditConflict``.

    ``None`` (a caller that opened no form: the demo loader, scripts) takes the next revision
    unconditionally. ``obj.revision`` is set to the new value, so a following ``save()`` keeps it.
    """
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    if revision is not None:
        rows = rows.filter(revision=revision)
    if rows.update(revision=F("revision") + 1) == 1:
        obj.revision = type(obj)._default_manager.values_list("revision", flat=True).get(pk=obj.pk)
        return
    current = type(obj)._default_manager.get(pk=obj.pk)
    raise EditConflict(changes=differences(current, sent), revision=current.revision)


def bump_revision(obj: models.Model) -> None:
    """Take the next revision whatever it is: for writes that change an object without its edit
    form (a gate decision moving a project), so a form opened before them is told."""
    claim_revision(obj, None, {})
