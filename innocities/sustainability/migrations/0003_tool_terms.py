"""The SDG Impact Assessment Tool's terms: goals sorted relevant / don't know / not relevant, and an
impact that is direct or indirect. The data are mapped in 0004, the new constraints added in 0005."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sustainability", "0002_indicators"),
    ]

    operations = [
        migrations.AddField(
            model_name="goalassessment",
            name="pathway",
            field=models.CharField(
                blank=True,
                choices=[("direct", "Direct"), ("indirect", "Indirect")],
                max_length=10,
                verbose_name="direct or indirect",
            ),
        ),
        migrations.AlterField(
            model_name="goalassessment",
            name="impact",
            field=models.SmallIntegerField(
                blank=True,
                choices=[
                    (-2, "−2 clearly negative"),
                    (-1, "−1 somewhat negative"),
                    (0, "0 no impact"),
                    (1, "+1 somewhat positive"),
                    (2, "+2 clearly positive"),
                ],
                null=True,
                verbose_name="impact",
            ),
        ),
        migrations.AlterField(
            model_name="goalassessment",
            name="knowledge_gap",
            field=models.BooleanField(default=False, verbose_name="knowledge gap"),
        ),
        migrations.AlterField(
            model_name="goalassessment",
            name="relevance",
            field=models.CharField(
                choices=[
                    ("relevant", "Relevant"),
                    ("dont_know", "Don't know"),
                    ("not_relevant", "Not relevant"),
                ],
                max_length=15,
                verbose_name="relevance",
            ),
        ),
    ]
