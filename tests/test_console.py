"""The operator's console command."""

import pytest
from django.core.management import CommandError, call_command

from innocities.cli import main
from innocities.organisations.models import Municipality, Organisation
from innocities.programmes.models import Method


def test_import_municipalities_loads_the_four_lists_once(db):
    call_command("import-municipalities")
    counts = {c: Municipality.objects.filter(country=c).count() for c in ("SE", "NO", "DK", "FI")}
    assert counts == {"SE": 290, "NO": 357, "DK": 98, "FI": 309}
    call_command("import-municipalities")
    assert Municipality.objects.count() == 1054
    assert Municipality.objects.get(country="SE", code="0484").name == "Eskilstuna"


def test_load_methods_ships_both_methods_once(db):
    call_command("load-methods")
    call_command("load-methods")
    innocities = Method.objects.get(key="innocities", owner_programme=None)
    guide = Method.objects.get(key="innovationsguiden", owner_programme=None)
    assert (innocities.phases.count(), innocities.gates.count()) == (6, 5)
    assert (guide.phases.count(), guide.gates.count()) == (6, 5)
    for method in (innocities, guide):
        for gate in method.gates.all():
            kinds = set(gate.criteria.values_list("kind", flat=True))
            assert kinds == {"must", "should"}
    texts = innocities.phases.get(order=1).name
    assert set(texts) == {"sv", "nb", "en"} and all(texts.values())


def test_create_organisation_with_its_first_admin(db):
    call_command("import-municipalities", country=["SE"])
    call_command(
        "create-organisation",
        "Nyköpings kommun",
        country="SE",
        code="0480",
        admin_email="Admin@Nykoping.example",
        admin_name="Nina Admin",
    )
    organisation = Organisation.objects.get(name="Nyköpings kommun")
    assert organisation.slug == "nykopings-kommun" and organisation.official_code == "0480"
    membership = organisation.memberships.get()
    assert membership.role == "admin" and membership.user.email == "admin@nykoping.example"
    assert not membership.user.has_usable_password()


def test_create_organisation_refuses_an_unknown_code(db):
    with pytest.raises(CommandError):
        call_command(
            "create-organisation", "X", country="SE", code="9999", admin_email="a@x.example", admin_name="A"
        )
    assert not Organisation.objects.exists()


def test_the_console_prints_its_help(capsys):
    main(["--help"])
    out = capsys.readouterr().out
    for command in ("setup", "serve", "load-demo", "create-organisation", "import-municipalities"):
        assert command in out
