"""Uploaded files are stored under random names with the extension of their checked type; the name the
person gave is kept, made safe, only to show and to send back on download."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innocities.coproduction import actions
from innocities.coproduction.models import Attachment
from innocities.core.uploads import safe_name

STORED = re.compile(r"^attachments/\d{4}/\d{2}/[0-9a-f]{32}\.(?P<extension>\w+)$")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def activity(world):
    return actions.record_activity(
        project=world.private,
        user=world.lead,
        title="Verksted",
        kind="workshop",
        held_on="2026-01-01",
        phase=world.private.phase,
    )


def upload(login, world, activity, name, content):
    response = login(world.lead).post(
        reverse("coproduction:attachment_add", args=[activity.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return Attachment.objects.latest("pk")


def test_a_file_is_stored_under_a_random_name_and_shown_under_its_own(world, login, activity):
    first = upload(login, world, activity, "Referat fra møtet.txt", b"Referat")
    second = upload(login, world, activity, "Referat fra møtet.txt", b"Et annet referat")
    for attachment in (first, second):
        assert STORED.match(attachment.file.name).group("extension") == "txt"
        assert "Referat" not in attachment.file.name
        assert attachment.name == "Referat fra møtet.txt"
    assert first.file.name != second.file.name
    page = login(world.lead).get(activity.get_absolute_url()).content.decode()
    assert "Referat fra møtet.txt" in page and first.file.name not in page


def test_the_stored_extension_comes_from_the_checked_type_not_the_name(world, login, activity):
    attachment = upload(login, world, activity, "bilde.exe", PNG)
    assert STORED.match(attachment.file.name).group("extension") == "png"
    assert attachment.content_type == "image/png"
    assert attachment.name == "bilde.exe.png"  # downloaded, it opens as what it is
    attachment = upload(login, world, activity, "rapport.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert STORED.match(attachment.file.name).group("extension") == "pdf"
    assert attachment.name == "rapport.html.pdf"
    attachment = upload(login, world, activity, "Foto.JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    assert STORED.match(attachment.file.name).group("extension") == "jpg"
    assert attachment.name == "Foto.JPEG"


def test_a_hostile_name_is_made_safe_for_display_and_download(world, login, activity):
    attachment = upload(login, world, activity, '..\\..\\etc/"pass\r\nwd"\u202egnp.txt', b"innhold")
    assert STORED.match(attachment.file.name)
    for bad in ("/", "\\", '"', "\r", "\n", "\u202e"):
        assert bad not in attachment.name
    assert attachment.name.endswith(".txt") and not attachment.name.startswith(".")
    response = login(world.member).get(reverse("coproduction:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and "\n" not in disposition and "\r" not in disposition
    assert disposition.count('"') in (0, 2)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_name_in_another_alphabet_reaches_the_download_intact(world, login, activity):
    attachment = upload(login, world, activity, "Møtereferat – Ålesund.txt", b"innhold")
    response = login(world.member).get(reverse("coproduction:attachment", args=[attachment.pk]))
    assert (
        "filename*=utf-8''M%C3%B8tereferat%20%E2%80%93%20%C3%85lesund.txt" in response["Content-Disposition"]
    )


@pytest.mark.parametrize(
    "given, extension, safe",
    [
        ("notes.txt", "txt", "notes.txt"),
        ("data.csv", "txt", "data.csv"),
        ("notes", "txt", "notes.txt"),
        ("", "pdf", "file.pdf"),
        (".htaccess", "txt", "htaccess.txt"),
        ("../../secret.pdf", "pdf", "secret.pdf"),
        ("C:\\Users\\kari\\plan.docx", "docx", "plan.docx"),
        ("a<b>c:d*e?f|g.pdf", "pdf", "a_b_c_d_e_f_g.pdf"),
        ("x" * 300 + ".pdf", "pdf", "x" * 196 + ".pdf"),
        ("report. ", "pdf", "report.pdf"),
    ],
)
def test_safe_names(given, extension, safe):
    assert safe_name(given, extension) == safe
