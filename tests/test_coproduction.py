"""Actors, their participation in projects, activities with files, and the helix balance."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innocities.coproduction import actions
from innocities.coproduction.identifiers import normalise_org_number, valid_norwegian, valid_swedish
from innocities.coproduction.models import Activity, Actor, Attachment, Participation
from innocities.coproduction.queries import helix_balance
from innocities.pipeline.models import Project


@pytest.mark.parametrize("number", ["556036-0793", "5560360793", "212000-0142", "16556036-0793"])
def test_valid_swedish_organisation_numbers(number):
    assert valid_swedish(number.replace("-", ""))


@pytest.mark.parametrize("number", ["556036-0794", "55603607", "abcdefghij"])
def test_invalid_swedish_organisation_numbers(number):
    assert not valid_swedish(number.replace("-", ""))


def test_norwegian_organisation_numbers():
    assert valid_norwegian("974760673")  # Brønnøysundregistrene
    assert valid_norwegian("923609016")  # Equinor
    assert not valid_norwegian("974760674")
    assert normalise_org_number("974 760 673", "NO") == "974760673"
    assert normalise_org_number("16556036-0793", "SE") == "5560360793"
    with pytest.raises(ValidationError):
        normalise_org_number("123456789", "NO")


def actor(world, **extra):
    fields = {"name": "Høgskolen i Østfold", "sector": "academia", "country": "NO", "org_number": "974760673"}
    fields.update(extra)
    return actions.save_actor(organisation=world.halden, actor_user=world.coordinator, **fields)


def test_duplicates_are_caught_by_number_and_by_name(world):
    actor(world)
    with pytest.raises(ValidationError) as error:
        actor(world, name="Another name")
    assert "org_number" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        actor(world, name="høgskolen i  østfold", org_number="")
    assert "name" in error.value.error_dict
    # Another organisation keeps its own register.
    actions.save_actor(
        organisation=world.eskilstuna,
        actor_user=world.eskilstuna_coordinator,
        name="Høgskolen i Østfold",
        sector="academia",
        country="NO",
        org_number="974760673",
    )


def test_contact_data_needs_consent_and_purpose(world):
    with pytest.raises(ValidationError) as error:
        actor(world, contact_name="Kari", contact_email="kari@hiof.example")
    assert "consent_on" in error.value.error_dict
    saved = actor(
        world,
        contact_name="Kari",
        contact_email="kari@hiof.example",
        consent_on="2026-01-10",
        consent_purpose="Contact about the water-meter pilot",
    )
    assert saved.contact_email == "kari@hiof.example"


def test_actor_form_rerenders_with_errors_and_writes_nothing(world, login):
    response = login(world.coordinator).post(
        reverse("coproduction:actor_create"),
        {
            "organisation": "halden",
            "name": "Firma AS",
            "sector": "business",
            "country": "NO",
            "org_number": "123",
        },
    )
    assert (
        response.status_code == 200
        and "not a valid Norwegian organisation number" in response.content.decode()
    )
    assert not Actor.objects.exists()


def test_participation_with_a_partner_person_puts_them_on_the_team(world, login):
    hiof = actor(world)
    client = login(world.coordinator)
    response = client.post(
        reverse("coproduction:participation_add", args=[world.public.pk]),
        {
            "actor": hiof.pk,
            "role": "expert",
            "depth": 4,
            "commitment": "letter_of_intent",
            "commitment_on": "2026-02-01",
            "person": world.partner.pk,
        },
    )
    assert response.status_code == 302
    assert world.public.team.filter(user=world.partner, role="partner").exists()
    page = login(world.partner).get("/projects/?scope=all").content.decode()
    assert "Solceller på skoletak" in page


def test_commitment_needs_a_date_and_actor_must_be_our_own(world, login):
    client = login(world.coordinator)
    response = client.post(
        reverse("coproduction:participation_add", args=[world.private.pk]),
        {
            "actor": actor(world).pk,
            "role": "funder",
            "depth": 2,
            "commitment": "agreement",
        },
    )
    assert response.status_code == 200 and "Give the date" in response.content.decode()
    theirs = actions.save_actor(
        organisation=world.eskilstuna,
        actor_user=world.eskilstuna_coordinator,
        name="Mälarenergi",
        sector="business",
        country="SE",
        org_number="",
    )
    response = client.post(
        reverse("coproduction:participation_add", args=[world.private.pk]),
        {
            "actor": theirs.pk,
            "role": "funder",
            "depth": 2,
        },
    )
    assert response.status_code == 200
    assert not Participation.objects.exists()


def test_activity_with_participants_by_sector(world, login):
    client = login(world.lead)
    response = client.post(
        reverse("coproduction:activity_create", args=[world.private.pk]),
        {
            "title": "Workshop med brukerrådet",
            "kind": "workshop",
            "held_on": "2026-03-03",
            "phase": world.private.phase.pk,
            "tool": world.private.phase.tools[0]["key"],
            "facilitator": "Ingrid",
            "public_count": 4,
            "business_count": 0,
            "academia_count": 2,
            "civil_society_count": 3,
            "citizens_count": 8,
            "outcomes": "Tre behov bekreftet.",
        },
    )
    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert activity.participants == 17
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Tre behov bekreftet." in page and "17" in page


def test_activity_phase_must_belong_to_the_projects_method(world, login):
    other_phase = world.guide.phases.first()
    response = login(world.lead).post(
        reverse("coproduction:activity_create", args=[world.private.pk]),
        {
            "title": "X",
            "kind": "meeting",
            "held_on": "2026-03-03",
            "phase": other_phase.pk,
        },
    )
    assert response.status_code == 200 and not Activity.objects.exists()


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,accepted",
    [
        ("minutes.pdf", b"%PDF-1.7\n...", True),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, True),
        ("notes.txt", "Referat fra møtet".encode(), True),
        ("report.docx", docx_bytes(), True),
        ("evil.pdf", b"<html><script>alert(1)</script></html>", False),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", False),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00", False),
        ("broken.docx", b"PK\x03\x04not really a zip", False),
        ("empty.txt", b"", False),
    ],
)
def test_attachments_are_checked_by_content(world, login, name, content, accepted):
    activity = actions.record_activity(
        project=world.private,
        user=world.lead,
        title="W",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.private.phase,
    )
    response = login(world.lead).post(
        reverse("coproduction:attachment_add", args=[activity.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert Attachment.objects.exists() == accepted
    assert response.status_code == (302 if accepted else 400)


def test_attachment_over_the_size_limit_is_refused(world, login, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    activity = actions.record_activity(
        project=world.private,
        user=world.lead,
        title="W",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.private.phase,
    )
    response = login(world.lead).post(
        reverse("coproduction:attachment_add", args=[activity.pk]),
        {"file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)},
    )
    assert response.status_code == 400 and "larger than" in response.content.decode()
    assert not Attachment.objects.exists()


def test_attachments_are_downloaded_only_by_the_organisation_and_the_team(world, login):
    activity = actions.record_activity(
        project=world.public,
        user=world.lead,
        title="W",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.public.phase,
    )
    file = actions.attach_file(
        activity=activity, user=world.lead, upload=SimpleUploadedFile("notes.txt", b"Hemmelig referat")
    )
    url = reverse("coproduction:attachment", args=[file.pk])
    response = login(world.member).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Hemmelig referat"
    assert response["Content-Disposition"].startswith("attachment")
    # The project is public, so Eskilstuna sees the activity, but not its files.
    assert login(world.eskilstuna_coordinator).get(activity.get_absolute_url()).status_code == 200
    assert login(world.eskilstuna_coordinator).get(url).status_code == 404


def test_an_activity_without_outcomes_says_so(world, login):
    activity = actions.record_activity(
        project=world.private,
        user=world.lead,
        title="W",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.private.phase,
    )
    page = login(world.lead).get(activity.get_absolute_url()).content.decode()
    assert "No outcomes recorded yet." in page and "<p></p>" not in page


def test_helix_balance_counts_sectors_depth_and_evenness(world):
    for name, sector, depth in [
        ("Borg Havn", "public", 5),
        ("Hafslund", "business", 3),
        ("HiØ", "academia", 3),
        ("Pensjonistforbundet", "civil_society", 2),
    ]:
        a = actions.save_actor(
            organisation=world.halden,
            actor_user=world.coordinator,
            name=name,
            sector=sector,
            country="NO",
            org_number="",
        )
        actions.save_participation(
            project=world.private, actor=a, user=world.coordinator, role="co_creator", depth=depth
        )
    balance = helix_balance(Project.objects.filter(pk=world.private.pk))
    assert balance.present == 4
    assert [sector.value for sector in balance.missing] == ["citizens"]
    assert balance.mean_depth == 3.2
    assert 0.8 < balance.evenness < 0.86
    actions.record_activity(
        project=world.private,
        user=world.lead,
        title="W",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.private.phase,
        citizens_count=3,
    )
    balance = helix_balance(Project.objects.filter(pk=world.private.pk))
    assert balance.present == 5 and balance.missing == []


def test_gate_review_shows_the_stakeholder_map_and_both_balances(world, login):
    a = actor(world)
    actions.save_participation(project=world.private, actor=a, user=world.coordinator, role="expert", depth=4)
    page = login(world.coordinator).get(reverse("pipeline:gate", args=[world.private.pk])).content.decode()
    assert "Stakeholder map" in page and "Høgskolen i Østfold" in page
    assert "Helix balance of the programme" in page and "1 of 5 helix sectors take part" in page


def test_other_organisations_see_counts_not_names_on_a_public_project(world, login):
    a = actor(world)
    actions.save_participation(project=world.public, actor=a, user=world.coordinator, role="expert", depth=4)
    page = login(world.eskilstuna_coordinator).get(world.public.get_absolute_url()).content.decode()
    assert "Høgskolen i Østfold" not in page and "an actor" in page


def test_member_may_not_register_actors_or_change_participation(world, login):
    client = login(world.member)
    assert client.get(reverse("coproduction:actor_create") + "?organisation=halden").status_code == 404
    assert client.get(reverse("coproduction:participation_add", args=[world.public.pk])).status_code == 403
    assert client.get(reverse("coproduction:participation_add", args=[world.private.pk])).status_code == 200
