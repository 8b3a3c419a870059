"""Run as a public service (issue 11, first parts): health for the load balancer and the operators, a
missing file answered with a message, and no display name that could break an e-mail's headers."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from innocities.coproduction import actions as co

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_healthz_answers_without_asking_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_database_cache_storage_and_the_task_queue(client, settings):
    response = client.get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert set(checks) == {"database", "cache", "storage", "tasks"} and all(c["ok"] for c in checks.values())
    DBTaskResult.objects.create(
        task_path="innocities.catalogue.tasks.generate_open_data", args_kwargs={"args": [], "kwargs": {}},
        queue_name="default", backend_name="default", priority=0,
    )  # fmt: skip
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=settings.TASK_AGE_LIMIT + 60))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert (
        response.json()["checks"]["tasks"]["ok"] is False
        and "worker" in response.json()["checks"]["tasks"]["error"]
    )


def test_a_missing_file_answers_404_with_a_message_never_500(world, login):
    activity = co.record_activity(
        project=world.private, user=world.coordinator, title="Workshop", kind="workshop",
        held_on="2026-02-01", phase=world.private.phase,
    )  # fmt: skip
    attachment = co.attach_file(
        activity=activity, user=world.coordinator, upload=SimpleUploadedFile("notater.txt", b"Notater")
    )
    default_storage.delete(attachment.file.name)
    response = login(world.coordinator).get(f"/files/{attachment.pk}/")
    assert response.status_code == 404
    assert "notater.txt is missing from the storage" in response.content.decode()


def test_a_display_name_with_a_line_break_is_refused_at_the_form(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "ny@example.com", "full_name": "Ny\r\nBcc: alle@example.com",
         "password1": "et-langt-passord-123", "password2": "et-langt-passord-123"},
    )  # fmt: skip
    assert response.status_code == 200  # the form again, with the reason
    assert "remove the line breaks" in response.content.decode()


def _production(**overrides) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "MEDIA_ROOT"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="p" * 50,
        REDIS_URL="redis://127.0.0.1:6379/15",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/innocities",
        MEDIA_ROOT="/srv/innocities/media",
    )
    env.update(overrides)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.STORAGES['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_its_shared_services():
    assert _production().returncode == 0
    for missing, named in [
        ({"DATABASE_URL": ""}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:////tmp/x.sqlite3"}, "DATABASE_URL"),
        ({"REDIS_URL": ""}, "REDIS_URL"),
        ({"MEDIA_ROOT": ""}, "MEDIA_ROOT"),
        ({"FILE_STORAGE": "s3"}, "S3_BUCKET"),
    ]:
        result = _production(**missing)
        assert result.returncode != 0 and named in result.stderr, (missing, result.stderr[-500:])
    s3 = _production(FILE_STORAGE="s3", S3_BUCKET="innocities-files", MEDIA_ROOT="")
    assert s3.returncode == 0 and s3.stdout.strip() == "storages.backends.s3.S3Storage"
