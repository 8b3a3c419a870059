"""Trigram indexes for the lists' search on PostgreSQL.

The lists search with ``icontains``, which PostgreSQL runs as ``UPPER(column::text) LIKE '%…%'``; a GIN
index of trigrams over that very expression answers it without reading every row (pg_trgm, shipped with
PostgreSQL and trusted, so the database's owner may enable it). SQLite, the embedded default, keeps its
full scan: it serves one organisation, not the Nordics.
"""

from django.db import migrations

SEARCHED = {
    "pipeline_project": ["title", "summary"],
    "pipeline_challenge": ["title", "description"],
    "pipeline_idea": ["title", "description"],
}


def _statements(create: bool):
    for table, columns in SEARCHED.items():
        for column in columns:
            name = f"{table}_{column}_trgm"
            if create:
                yield f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)"
            else:
                yield f"DROP INDEX IF EXISTS {name}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statement in _statements(True):
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in _statements(False):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("pipeline", "0008_in_phase_since")]
    operations = [migrations.RunPython(create, drop)]
