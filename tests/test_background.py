"""Background work that survives faults (issue 11), in process: emails retried with growing pauses and
sent once; daily jobs queued once a day across servers; tasks a dead worker left behind put back; the
heartbeat /readyz reads. (tests/test_faults.py restarts a real PostgreSQL under a real worker.)"""

import smtplib
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from innocities.core import registry, tasks
from innocities.core.management.commands import scheduler, worker
from innocities.core.models import ScheduledRun
from innocities.notifications.models import Notification
from innocities.notifications.tasks import email_notifications

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """The database queue, as production runs it (the test settings otherwise run tasks at once)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run(result_id) -> None:
    """Work one queued task as the worker does."""
    row = DBTaskResult.objects.get(pk=result_id)
    worker.Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test", excluded_queue_names=[],
    ).run_task(row)  # fmt: skip


def notification(world) -> Notification:
    return Notification.objects.create(
        recipient=world.lead, kind="comment", key="comment:1", data={"author": "Per", "idea": "Idé"}, url="/"
    )


def test_an_email_the_mail_server_refuses_is_tried_again_later_and_sent_once(world, queue, mailoutbox):
    told = notification(world)
    first = email_notifications.enqueue(notification_ids=[told.pk])
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPServerDisconnected("the mail server went away")
        run(first.id)
    told.refresh_from_db()
    assert told.emailed_at is None and mailoutbox == []
    retry = DBTaskResult.objects.exclude(pk=first.id).get()
    assert retry.status == "READY" and retry.args_kwargs["kwargs"]["attempt"] == 2
    pause = (retry.run_after - timezone.now()).total_seconds()
    assert tasks.RETRY_DELAYS[0] - 5 < pause <= tasks.RETRY_DELAYS[0]
    run(retry.id)
    run(retry.id)  # a task run twice (a worker lost after sending) sends nothing more
    told.refresh_from_db()
    assert told.emailed_at is not None and len(mailoutbox) == 1
    assert mailoutbox[0].extra_headers["Message-ID"] == f"<notifications-{told.pk}@innocities.example>"


def test_an_email_is_given_up_after_its_last_attempt(world, queue):
    told = notification(world)
    last = email_notifications.enqueue(notification_ids=[told.pk], attempt=len(tasks.RETRY_DELAYS) + 1)
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPServerDisconnected("still away")
        run(last.id)
    assert DBTaskResult.objects.get(pk=last.id).status == "FAILED"
    assert DBTaskResult.objects.count() == 1  # no further attempt


def test_a_subject_with_a_line_break_is_sent_on_one_line(world, mailoutbox):
    told = Notification.objects.create(
        recipient=world.lead,
        kind="comment",
        key="c",
        data={"author": "Per\r\nBcc: x@evil", "idea": "I"},
        url="/",
    )
    email_notifications.enqueue(notification_ids=[told.pk])
    assert len(mailoutbox) == 1 and "\n" not in mailoutbox[0].subject and not mailoutbox[0].bcc


def test_a_daily_job_is_queued_once_a_day_however_many_schedulers_run(settings):
    settings.OPEN_DATA_HOUR, settings.DIGEST_HOUR = 3, 7
    queued = []
    jobs = [
        registry.Daily(key=j.key, hour=j.hour, enqueue=lambda k=j.key: queued.append(k))
        for j in registry.daily()
        if j.key in {"open data", "daily digests"}
    ]
    with mock.patch.object(registry, "daily", return_value=jobs):
        assert scheduler.run_due(datetime(2026, 12, 2, 2, 0)) == []
        assert scheduler.run_due(datetime(2026, 12, 2, 5, 0)) == ["open data"]
        assert scheduler.run_due(datetime(2026, 12, 2, 5, 1)) == []  # a second server, a minute later
        # a scheduler started after the hour (or down over it) catches up on the day
        assert scheduler.run_due(datetime(2026, 12, 2, 15, 0)) == ["daily digests"]
        assert scheduler.run_due(datetime(2026, 12, 3, 4, 0)) == ["open data"]
        # two schedulers that both saw the job due: the unique row lets only one queue it
        with mock.patch.object(scheduler, "due", return_value=[j for j in jobs if j.key == "open data"]):
            assert scheduler.run_due(datetime(2026, 12, 3, 4, 1)) == []
    assert queued == ["open data", "daily digests", "open data"]
    assert ScheduledRun.objects.count() == 3


def test_old_task_results_are_pruned_every_night(queue):
    assert "task results" in {job.key for job in registry.daily()}
    old = DBTaskResult.objects.create(
        task_path="innocities.catalogue.tasks.generate_open_data", args_kwargs={"args": [], "kwargs": {}},
        queue_name="default", backend_name="default", priority=0, run_after=timezone.now(),
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=20),
    )  # fmt: skip
    run(tasks.prune_task_results.enqueue().id)
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()


def test_tasks_a_lost_worker_left_running_go_back_to_the_queue(queue):
    mine = DBTaskResult.objects.create(
        task_path="innocities.catalogue.tasks.generate_open_data", args_kwargs={"args": [], "kwargs": {}},
        queue_name="default", backend_name="default", priority=0, run_after=timezone.now(),
        status="RUNNING", started_at=timezone.now(), worker_ids=["a", "me"],
    )  # fmt: skip
    theirs = DBTaskResult.objects.create(
        task_path="innocities.catalogue.tasks.generate_open_data", args_kwargs={"args": [], "kwargs": {}},
        queue_name="default", backend_name="default", priority=0, run_after=timezone.now(),
        status="RUNNING", started_at=timezone.now(), worker_ids=["other"],
    )  # fmt: skip
    assert worker.requeue(worker_id="me") == 1
    assert worker.requeue(older_than=timedelta(hours=1)) == 0  # another worker's, still within its lease
    DBTaskResult.objects.filter(pk=theirs.pk).update(started_at=timezone.now() - timedelta(hours=2))
    assert worker.requeue(older_than=timedelta(hours=1)) == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"READY"}
    assert mine.pk and theirs.pk


def test_readyz_says_when_no_worker_polls_the_queue(client, queue):
    tasks.heartbeat()
    assert client.get("/readyz").status_code == 200
    with mock.patch("time.time", return_value=10**10):
        response = client.get("/readyz")
    assert response.status_code == 503 and "no worker" in response.json()["checks"]["tasks"]["error"]


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(client, settings):
    response = client.generic(
        "POST", "/accounts/login/", b"x", CONTENT_TYPE="application/octet-stream",
        CONTENT_LENGTH=str(settings.UPLOAD_MAX_BYTES + 2 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 413 and "10 MB" in response.text
    assert mail.outbox == []
