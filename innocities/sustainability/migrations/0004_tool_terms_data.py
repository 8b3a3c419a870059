"""Existing assessments in the tool's terms.

- Relevance "direct" or "indirect" becomes "relevant"; the old word becomes the pathway of a positive or
  negative impact (an impact of 0 is now "no impact" and has no pathway).
- A goal marked "we lack knowledge here" becomes a knowledge gap instead of a rating: the old scale's 0
  ("neutral or uncertain") with a gap meant "we don't know". Where the team had also given a positive or
  negative rating, that rating is kept in the rationale, in the organisation's language, so nothing the
  workshop wrote is lost; it no longer counts in the means.
"""

from django.db import migrations

EARLIER = {
    "sv": "(Bedömning före kunskapsluckan blev ett eget val: {impact}.)",
    "nb": "(Vurdering før kunnskapshullet ble et eget valg: {impact}.)",
    "en": "(Rating before a knowledge gap became a choice of its own: {impact}.)",
}
LANGUAGE = {"SE": "sv", "NO": "nb"}


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"\u2212{abs(value)}"


def forwards(apps, schema_editor):
    GoalAssessment = apps.get_model("sustainability", "GoalAssessment")
    rows = GoalAssessment.objects.select_related("assessment__organisation")
    changed = []
    for row in rows.iterator(chunk_size=2000):
        old = row.relevance
        if old in ("direct", "indirect"):
            row.relevance = "relevant"
        if row.knowledge_gap:
            if row.impact not in (None, 0):
                note = EARLIER[LANGUAGE.get(row.assessment.organisation.country, "en")]
                row.rationale = f"{row.rationale}\n\n{note.format(impact=signed(row.impact))}".strip()
            row.impact, row.pathway = None, ""
        elif row.impact not in (None, 0):
            row.pathway = old if old in ("direct", "indirect") else "direct"
        else:
            row.pathway = ""
        changed.append(row)
    GoalAssessment.objects.bulk_update(
        changed, ["relevance", "impact", "pathway", "rationale"], batch_size=1000
    )


def backwards(apps, schema_editor):
    GoalAssessment = apps.get_model("sustainability", "GoalAssessment")
    for row in GoalAssessment.objects.exclude(relevance="not_relevant").iterator(chunk_size=2000):
        row.relevance = "direct" if row.pathway == "direct" else "indirect"
        if row.knowledge_gap:
            row.impact = 0
        row.save(update_fields=["relevance", "impact"])


class Migration(migrations.Migration):
    dependencies = [
        ("sustainability", "0003_tool_terms"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
