"""The demo: deterministic, realistic, and loading it twice changes nothing."""

from django.apps import apps
from django.core.management import call_command

from innocities.accounts.models import Membership, User
from innocities.organisations.models import Network, Organisation
from innocities.pipeline.models import GateDecision, Project
from innocities.programmes.models import Programme


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "organisations", "programmes", "pipeline"}
    }


def test_demo_loads_once_and_a_second_load_changes_nothing(db, capsys):
    call_command("load-demo")
    first = row_counts()
    call_command("load-demo")
    assert row_counts() == first
    out = capsys.readouterr().out
    assert "already loaded" in out and "coordinator@halden.example" in out

    assert Organisation.objects.count() == 15
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"municipality", "port", "energy"} <= kinds
    assert {"Halden", "Sarpsborg", "Fredrikstad", "Narvik", "Eskilstuna", "Västerås", "Strängnäs"} <= {
        name.split(" ")[0] for name in Organisation.objects.values_list("name", flat=True)
    }
    assert Organisation.objects.get(slug="halden").official_code == "3101"
    assert Programme.objects.count() >= 3 and Network.objects.count() >= 1
    assert Programme.objects.filter(network__isnull=False).exists()

    assert Project.objects.count() == 120
    assert set(Project.objects.values_list("status", flat=True)) == {
        "active",
        "on_hold",
        "stopped",
        "implemented",
        "scaled",
    }
    assert set(Project.objects.values_list("phase__order", flat=True)) == {1, 2, 3, 4, 5, 6}
    past_first = Project.objects.filter(phase__order__gt=1)
    assert not past_first.filter(gate_decisions__isnull=True).exists()
    assert not GateDecision.objects.filter(reasoning="").exists()
    assert Project.objects.filter(visibility="public").exists()

    halden_people = Membership.objects.filter(user__email__endswith="@halden.example")
    roles = set(halden_people.values_list("role", flat=True))
    assert roles == {"admin", "coordinator", "project_lead", "member", "leadership", "partner"}
    assert User.objects.get(email="operator@innocities.example").operated_networks.exists()
    assert User.objects.get(email="coordinator@halden.example").check_password("innocities-demo")
