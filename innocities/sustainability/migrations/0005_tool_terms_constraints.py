from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sustainability", "0004_tool_terms_data"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="goalassessment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("knowledge_gap", False),
                    models.Q(("impact__isnull", True), ("pathway", "")),
                    _connector="OR",
                ),
                name="gap_instead_of_rating",
            ),
        ),
        migrations.AddConstraint(
            model_name="goalassessment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        models.Q(("impact__isnull", True), ("impact", 0), _connector="OR"), ("pathway", "")
                    ),
                    models.Q(
                        ("impact__isnull", False),
                        models.Q(("impact", 0), _negated=True),
                        ("pathway__in", ["direct", "indirect"]),
                    ),
                    _connector="OR",
                ),
                name="pathway_of_an_impact",
            ),
        ),
    ]
