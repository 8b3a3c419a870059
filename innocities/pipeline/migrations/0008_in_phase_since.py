import django.utils.timezone
from django.db import migrations, models
from django.db.models import DateField, Max, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce


def fill(apps, schema_editor):
    """The date of each project's last standing gate decision, or its creation date."""
    Project = apps.get_model("pipeline", "Project")
    GateDecision = apps.get_model("pipeline", "GateDecision")
    last = (
        GateDecision.objects.filter(project=OuterRef("pk"), annulled_at__isnull=True)
        .order_by()
        .values("project")
        .annotate(last=Max("decided_on"))
        .values("last")
    )
    Project.objects.update(in_phase_since=Coalesce(Subquery(last), Cast("created_at", DateField())))


class Migration(migrations.Migration):
    dependencies = [
        ("pipeline", "0007_list_order_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="in_phase_since",
            field=models.DateField(default=django.utils.timezone.localdate, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
