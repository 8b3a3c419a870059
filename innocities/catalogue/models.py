"""The search index and the thesaurus.

``Document`` is one searchable object's text as its module describes it (``core.registry.Searchable``),
with the visibility and organisation copied so that search filters by the owner's own access rule.
On PostgreSQL a generated ``vector`` column (migration 0001) holds the text stemmed in its own
language with unaccent, weighted title A, summary B, body C; on SQLite an FTS5 table follows the rows
through triggers. Neither is a Django field: ``search.py`` is the only reader.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, on_delete=models.CASCADE, related_name="+"
    )
    visibility = models.CharField(max_length=10)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    public_url = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")]
        indexes = [
            models.Index(fields=["visibility", "kind"]),
            models.Index(fields=["organisation", "visibility"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"


class Concept(models.Model):
    """One idea named in several languages: a search for any of its terms finds texts with the others."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    area = models.CharField(
        _("area"),
        max_length=40,
        blank=True,
        help_text=_("The focus area or part of the method it belongs to."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("thesaurus concept")
        verbose_name_plural = _("thesaurus")

    def __str__(self):
        return self.key


class Term(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    text = models.CharField(_("term"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("0 is the preferred term."))

    class Meta:
        ordering = ["concept", "language", "order", "text"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "text"], name="one_term_per_concept_language"
            )
        ]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return f"{self.text} ({self.language})"


class Reuse(models.Model):
    """A project started from another organisation's public one: the origin is credited on the new
    project, and what was carried over (the method tools the origin's team used and rated, the helix
    sectors of its partners, the indicators it followed) is kept as the new team's starting package."""

    project = models.OneToOneField("pipeline.Project", on_delete=models.CASCADE, related_name="reuse")
    origin = models.ForeignKey("pipeline.Project", on_delete=models.CASCADE, related_name="reuses")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    tools = models.JSONField(default=list)  # [{"key", "name": {…}, "usefulness": 1–5 or null}]
    sectors = models.JSONField(default=list)  # helix sector codes of the origin's partners
    indicators = models.ManyToManyField("sustainability.TrackedIndicator", blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["origin", "organisation"])]

    def __str__(self):
        return f"{self.project} ← {self.origin}"


class DatasetFile(models.Model):
    """One open data file as last made (``opendata.generate``, every night): kept in the database so
    that every app server serves the same bytes."""

    dataset = models.SlugField(max_length=40)
    format = models.CharField(max_length=5)
    content = models.TextField()
    rows = models.PositiveIntegerField()
    digest = models.CharField(max_length=64)
    generated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dataset", "format"], name="one_file_per_dataset_format")
        ]

    def __str__(self):
        return f"{self.dataset}.{self.format}"
