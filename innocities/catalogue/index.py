"""The search index follows the objects: a save writes the object's document, a delete removes it.

Each searchable model's ``post_save`` and ``post_delete`` are connected in ``extensions.register()``;
``reindex`` rebuilds everything (after a bulk load, which bypasses signals) and is what ``setup`` runs.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from innocities.core import fragments, registry

from .models import Document

FIELDS = (
    "organisation_id",
    "visibility",
    "language",
    "title",
    "summary",
    "body",
    "url",
    "public_url",
    "status",
)
BATCH = 1000


def _row(searchable, obj) -> Document | None:
    data = searchable.document(obj)
    if data is None:
        return None
    document = Document(kind=searchable.kind, object_id=obj.pk, **{k: data.get(k) or "" for k in FIELDS})
    document.organisation_id = data.get("organisation_id")
    document.title = document.title[:300]
    return document


def write(searchable, obj) -> None:
    fragments.touch("search")
    document = _row(searchable, obj)
    if document is None:
        Document.objects.filter(kind=searchable.kind, object_id=obj.pk).delete()
        return
    values = {name: getattr(document, name) for name in FIELDS}
    Document.objects.update_or_create(kind=searchable.kind, object_id=obj.pk, defaults=values)


def _follow(searchable):
    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            write(searchable, instance)

    def deleted(sender, instance, **kwargs):
        fragments.touch("search")
        Document.objects.filter(kind=searchable.kind, object_id=instance.pk).delete()

    return saved, deleted


def connect() -> None:
    for searchable in registry.searchables():
        model = apps.get_model(searchable.model)
        saved, deleted = _follow(searchable)
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"catalogue-{searchable.kind}-save")
        post_delete.connect(
            deleted, sender=model, weak=False, dispatch_uid=f"catalogue-{searchable.kind}-delete"
        )


@transaction.atomic
def reindex(kinds=None, progress=None) -> dict[str, int]:
    """Rebuild the documents of every searchable kind (or those named); returns how many each has."""
    counts = {}
    for searchable in registry.searchables():
        if kinds and searchable.kind not in kinds:
            continue
        Document.objects.filter(kind=searchable.kind).delete()
        batch, n = [], 0
        for obj in searchable.objects().iterator(chunk_size=BATCH):
            document = _row(searchable, obj)
            if document is not None:
                batch.append(document)
            if len(batch) >= BATCH:
                n += len(Document.objects.bulk_create(batch))
                batch = []
                if progress:
                    progress(searchable.kind, n)
        n += len(Document.objects.bulk_create(batch))
        counts[searchable.kind] = n
    fragments.touch("search")
    return counts
