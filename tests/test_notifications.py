"""Notifications: in the app and by email as each person prefers; never twice; no empty digests."""

from datetime import date

from django.core.management import call_command
from django.urls import reverse

from innocities.notifications.delivery import deliver, send_digests
from innocities.notifications.models import Notification, Preference
from innocities.pipeline.actions import decide_gate


def decide(world):
    gate = world.private.phase.gate
    return decide_gate(
        project=world.private,
        decision="go",
        reasoning="Behovet er dokumentert.",
        decided_on=date.today(),
        decision_makers=[world.leader],
        met={c.pk for c in gate.criteria.filter(kind="must")},
        scores={},
        actor=world.coordinator,
    )


def test_a_gate_decision_notifies_the_team_but_not_the_decider(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        record = decide(world)
    told = set(Notification.objects.filter(kind="gate_decided").values_list("recipient__email", flat=True))
    assert told == {"lead@halden.example", "member@halden.example", "partner@halden.example"}
    assert len(mailoutbox) == 3
    # Delivering the same event again sends nothing.
    assert deliver("gate_decided", {"decision_id": record.pk}) == []
    assert len(mailoutbox) == 3


def test_preferences_off_and_daily_keep_email_out_of_the_moment(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    Preference.objects.create(user=world.lead, email="off")
    Preference.objects.create(user=world.member, email="daily")
    with django_capture_on_commit_callbacks(execute=True):
        decide(world)
    assert [m.to for m in mailoutbox] == [["partner@halden.example"]]
    assert Notification.objects.filter(recipient=world.lead).exists()  # still in the app

    result = send_digests()
    assert result == {"people": 1, "notifications": 1}
    assert mailoutbox[-1].to == ["member@halden.example"]
    # A second run finds nothing new: no empty digest is sent.
    assert send_digests() == {"people": 0, "notifications": 0}
    assert len(mailoutbox) == 2


def test_the_digest_command_sends_nothing_when_nothing_is_waiting(world, mailoutbox, capsys):
    Preference.objects.create(user=world.member, email="daily")
    call_command("send-digests")
    assert mailoutbox == [] and "0 digests" in capsys.readouterr().out


def test_notifications_page_marks_read_and_settings_save(world, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(world)
    client = login(world.lead)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Smarte vannmålere" in page and "notification--unread" in page
    notification = Notification.objects.get(recipient=world.lead)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None, "a GET writes nothing"
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == world.private.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    client.post(reverse("notifications:preferences"), {"email": "daily", "language": "nb"})
    world.lead.refresh_from_db()
    assert world.lead.notification_preference.email == "daily" and world.lead.language == "nb"


def test_someone_elses_notification_cannot_be_opened(world, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(world)
    notification = Notification.objects.get(recipient=world.lead)
    response = login(world.member).post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_emails_are_written_in_the_recipients_language(world, django_capture_on_commit_callbacks, mailoutbox):
    world.partner.language = "sv"
    world.partner.save()
    with django_capture_on_commit_callbacks(execute=True):
        decide(world)
    body = next(m for m in mailoutbox if m.to == ["partner@halden.example"]).body
    assert "Hej" in body
