"""Open data: public work only, as CSV and JSON under a named licence, the same bytes for the same
data, made again by the nightly task, and described in a DCAT-AP catalogue portals can harvest."""

import csv
import io
import json

import pytest
from django.test import Client

from innocities.catalogue import opendata
from innocities.catalogue.models import DatasetFile
from innocities.catalogue.tasks import generate_open_data
from innocities.learning.actions import record_lesson

pytestmark = pytest.mark.django_db

PRIVATE = [
    "Smarte vannmålere",
    "Delte elsykler",
    "Sarpsborg private",
    "Sarpsborg shared",
    "Digital hemtjänst",
]


def test_every_file_holds_public_work_only(world):
    record_lesson(project=world.public, actor=world.lead, what_worked="Offentlig lærdom", visibility="public")
    record_lesson(project=world.private, actor=world.lead, what_worked="Intern lærdom", visibility="public")
    counts = opendata.generate()
    assert counts["projects"] == 2 and counts["lessons"] == 1
    for file in DatasetFile.objects.all():
        for secret in [*PRIVATE, "Intern lærdom", "Mindre vannlekkasje"]:
            assert secret not in file.content, f"{file} holds {secret}"
    projects = DatasetFile.objects.get(dataset="projects", format="csv").content
    rows = list(csv.DictReader(io.StringIO(projects.lstrip("\ufeff"))))
    assert {r["title"] for r in rows} == {"Solceller på skoletak", "Smarta vattenmätare"}
    assert rows[0]["url"].endswith(f"/catalogue/projects/{rows[0]['id']}/")
    body = json.loads(DatasetFile.objects.get(dataset="lessons", format="json").content)
    assert body["licence"] == opendata.CC_BY and body["rows"][0]["what_worked"] == "Offentlig lærdom"


def test_the_same_data_gives_the_same_bytes_and_formulas_are_defused(world):
    world.public.summary = '=HYPERLINK("http://evil")'
    world.public.save()
    opendata.generate()
    first = dict(DatasetFile.objects.values_list("dataset", "digest").filter(format="json"))
    csv_first = DatasetFile.objects.get(dataset="projects", format="csv").content
    assert "'=HYPERLINK" in csv_first
    opendata.generate()
    assert dict(DatasetFile.objects.values_list("dataset", "digest").filter(format="json")) == first
    assert DatasetFile.objects.get(dataset="projects", format="csv").content == csv_first


def test_downloads_name_their_licence_and_answer_304_when_unchanged(world):
    client = Client()
    assert client.get("/open-data/projects.csv").status_code == 404  # not made yet
    generate_open_data.enqueue()  # the nightly task (run at once in the tests)
    response = client.get("/open-data/projects.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert client.get("/open-data/projects.csv", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    page = client.get("/open-data/").content.decode()
    assert "CC BY 4.0" in page and "CC0 1.0" in page and "/open-data/catalog.jsonld" in page
    for bad in ("/open-data/projects.xlsx", "/open-data/secrets.csv", "/open-data/..%2Fprojects.csv"):
        assert client.get(bad).status_code == 404


def test_the_dcat_ap_catalogue_describes_every_dataset_and_its_files(world):
    opendata.generate()
    response = Client().get("/open-data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog" and "dcat" in catalogue["@context"]
    datasets = {d["dct:identifier"]: d for d in catalogue["dcat:dataset"]}
    assert set(datasets) == {d.key for d in opendata.DATASETS}
    projects = datasets["projects"]
    assert {t["@language"] for t in projects["dct:title"]} == {"sv", "nb", "en"}
    assert projects["dcat:theme"] and projects["dct:publisher"]["foaf:name"]
    downloads = [d["dcat:downloadURL"]["@id"] for d in projects["dcat:distribution"]]
    assert any(u.endswith("/open-data/projects.csv") for u in downloads)
    assert all(d["dct:license"]["@id"] == opendata.CC_BY for d in projects["dcat:distribution"])


def test_work_that_leaves_the_public_leaves_the_files_at_once(world, django_capture_on_commit_callbacks):
    opendata.generate()
    assert "Solceller på skoletak" in DatasetFile.objects.get(dataset="projects", format="csv").content
    with django_capture_on_commit_callbacks(execute=True):
        world.public.visibility = "private"
        world.public.save()
    assert "Solceller på skoletak" not in DatasetFile.objects.get(dataset="projects", format="csv").content
