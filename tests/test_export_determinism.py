"""Every export the product makes gives the same bytes twice over the same data.

The exports: open data (every dataset as CSV and JSON, and the DCAT-AP catalogue), the dashboards'
workbooks and figure CSVs (programme, organisation, network), the research dataset, the annual reports
(PDF and workbook), the meeting pack, a one-pager and a result board (PDF), an organisation's
measurements (CSV and XLSX) and a person's own data (JSON). Each is made twice over the demo and compared.

Between the two runs, on PostgreSQL every other row of every table is rewritten in place (`id = id`), which
moves it to the end of its table: a query whose ORDER BY leaves ties (or that has none) then returns
those rows in another order, as it would after a restore, a VACUUM FULL or on a replica. SQLite breaks
ties by rowid, so there the test shows the bytes are stable, and the PostgreSQL pass finds missing
tie-breakers.

Workbooks carry the time they were written in their properties and zip entries: they are compared by
their sheets' names and every cell's value. A person's data export names the moment it was made
(`exported_at`), which is left out of the comparison; signing the readers in does not stamp their last
login here, so the data stays the same between the runs.
"""

import difflib
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse

from innocities.accounts.models import User
from innocities.catalogue import opendata
from innocities.catalogue.models import DatasetFile
from innocities.core import registry
from innocities.organisations.models import Network, Organisation
from innocities.pipeline.models import Project
from innocities.programmes.models import Programme
from innocities.sustainability.models import Assessment

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the tests below and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load-demo")
        yield
        transaction.set_rollback(True)


def cells(content: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [(sheet.title, [[c.value for c in row] for row in sheet.iter_rows()]) for sheet in book.worksheets]


def body(response) -> bytes:
    assert response.status_code == 200, (response.status_code, response.content[:300])
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def shuffle_rows() -> int:
    """PostgreSQL: rewrite every other row of every table with an integer id, moving it to the end of its
    table's heap. Returns how many tables were touched (0 on SQLite)."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
            "ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
            "WHERE c.table_schema = 'public' AND c.column_name = 'id' AND t.table_type = 'BASE TABLE' "
            "AND c.data_type IN ('integer', 'bigint')"
        )
        tables = [row[0] for row in cursor.fetchall()]
        for table in tables:
            cursor.execute(f'UPDATE "{table}" SET id = id WHERE id % 2 = 0')
    return len(tables)


def everything(client) -> dict:
    """Every export, as what is compared: bytes, or the cells of a workbook."""
    out = {}
    halden = Organisation.objects.get(slug="halden")
    programme = Programme.objects.filter(organisation=halden).order_by("pk").first()
    network = Network.objects.filter(members=halden).order_by("pk").first()
    year = programme.starts_on.year + 1

    # open data: made again, then every file and the catalogue
    opendata.generate()
    for f in DatasetFile.objects.order_by("dataset", "format"):
        out[f"open data {f.dataset}.{f.format}"] = f.content.encode()
    client.logout()
    out["open data catalogue"] = body(client.get(reverse("catalogue:dcat")))

    def as_(email):
        client.force_login(User.objects.get(email=email))
        return client

    operator = as_("operator@innocities.example")
    shared = Programme.objects.filter(network=network).order_by("pk").first()
    for kind, slug in (("programme", shared.slug), ("network", network.slug)):
        out[f"research {kind}"] = body(operator.get(reverse("insight:research_csv", args=[kind, slug])))
    boards = {
        ("programme", programme.slug): "coordinator@halden.example",
        ("organisation", halden.slug): "admin@halden.example",
        ("network", network.slug): "operator@innocities.example",
    }
    for (kind, slug), email in boards.items():
        reader = as_(email)
        args = [kind, slug]
        out[f"workbook {kind}"] = cells(body(reader.get(reverse("insight:workbook", args=args), **EN)))
        for figure in registry.figures("dashboard"):
            if kind in figure.scopes:
                url = reverse("insight:figure_csv", args=[*args, figure.key])
                out[f"figure {kind} {figure.key}"] = body(reader.get(url, **EN))
        xlsx = reverse("insight:annual_report_xlsx", args=[*args, year])
        out[f"annual report {kind} xlsx"] = cells(body(reader.get(xlsx, **EN)))
        pdf = reverse("insight:annual_report_pdf", args=[*args, year])
        out[f"annual report {kind} pdf"] = body(reader.get(pdf, **EN))
    coordinator = as_("coordinator@halden.example")
    out["meeting pack"] = body(
        coordinator.get(reverse("insight:meeting_pack_pdf", args=[programme.slug]), **EN)
    )
    project = (
        Project.objects.filter(programme=programme, gate_decisions__isnull=False, funding__isnull=False)
        .order_by("pk")
        .first()
    )
    out["one-pager"] = body(coordinator.get(reverse("insight:one_pager", args=[project.pk]), **EN))
    assessment = (
        Assessment.objects.filter(project__programme=programme, completed_at__isnull=False)
        .order_by("pk")
        .first()
    )
    out["result board"] = body(coordinator.get(reverse("insight:board_pdf", args=[assessment.pk]), **EN))
    for fmt in ("csv", "xlsx"):
        content = body(coordinator.get(reverse("sustainability:export", args=[fmt]), **EN))
        out[f"measurements {fmt}"] = cells(content) if fmt == "xlsx" else content
    for email in ("coordinator@halden.example", "lead@halden.example", "citizen@example.com"):
        data = json.loads(body(as_(email).get(reverse("account_data_download"))))
        data.pop("exported_at")
        out[f"personal data {email}"] = json.dumps(data, ensure_ascii=False, indent=1).encode()
    return out


@pytest.fixture
def no_login_stamp():
    """Signing the readers in must not change the data: a person's export names their last login."""
    user_logged_in.disconnect(dispatch_uid="update_last_login")
    yield
    user_logged_in.connect(update_last_login, dispatch_uid="update_last_login")


def test_every_export_gives_the_same_bytes_twice(demo, db, client, settings, no_login_stamp):
    settings.SITE_URL = "https://innocities.example"
    first = everything(client)
    assert len([k for k in first if k.startswith("figure ")]) >= 10, sorted(first)
    shuffled = shuffle_rows()
    assert shuffled > 50 or connection.vendor != "postgresql"
    cache.clear()
    second = everything(client)
    assert set(first) == set(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"these exports differ between two runs over the same data: {differ}\n" + "\n".join(
        _diff(first[name], second[name]) for name in differ
    )


def _diff(a, b) -> str:
    lines = [
        x.decode(errors="replace").splitlines() if isinstance(x, bytes) else repr(x).split("), (")
        for x in (a, b)
    ]
    return "\n".join(list(difflib.unified_diff(*lines, lineterm="", n=1))[:30])
