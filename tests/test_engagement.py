"""Open calls: the citizen's journey, support, comments, follows, moderation and spam limits."""

from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse

from innocities.accounts.models import User
from innocities.core.models import AuditEvent
from innocities.engagement import actions
from innocities.engagement.models import Block, Comment, Report, Support
from innocities.notifications.models import Notification
from innocities.pipeline.models import Idea

TODAY = date.today()


@pytest.fixture
def call(world):
    return actions.publish_call(
        challenge=world.challenge,
        invitation="Hjelp oss å finne lekkasjene!",
        opens_on=TODAY - timedelta(days=3),
        closes_on=TODAY + timedelta(days=30),
        actor=world.coordinator,
    )


def citizen(email="kari@example.com", name="Kari Innbygger", verified=True):
    user = User.objects.create_user(email=email, password="correct-horse-battery", full_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def test_publishing_a_call_makes_the_challenge_public(world, call, client):
    world.challenge.refresh_from_db()
    assert world.challenge.status == "open"
    page = client.get(reverse("engagement:calls")).content.decode()
    assert "Mindre vannlekkasje" in page and "Halden" in page
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Hjelp oss å finne lekkasjene!" in page and "Vi mister 30 %" in page


def test_calls_filter_by_country_organisation_and_focus_area(world, call, client):
    assert (
        "Mindre vannlekkasje" in client.get(reverse("engagement:calls"), {"country": "NO"}).content.decode()
    )
    assert (
        "Mindre vannlekkasje"
        not in client.get(reverse("engagement:calls"), {"country": "SE"}).content.decode()
    )
    page = client.get(reverse("engagement:calls"), {"organisation": world.halden.pk}).content.decode()
    assert "Mindre vannlekkasje" in page
    page = client.get(reverse("engagement:calls"), {"focus_area": world.energy.pk}).content.decode()
    assert "Mindre vannlekkasje" in page  # an unknown focus area filter is ignored, not an error


def test_a_call_not_yet_open_is_hidden_from_the_public(world, client):
    call = actions.publish_call(
        challenge=world.challenge,
        invitation="Snart",
        opens_on=TODAY + timedelta(days=5),
        closes_on=TODAY + timedelta(days=30),
        actor=world.coordinator,
    )
    assert client.get(call.get_absolute_url()).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(call.get_absolute_url()).status_code == 200


def test_citizen_journey_register_verify_submit_and_read_the_answer(
    world, call, client, mailoutbox, django_capture_on_commit_callbacks
):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Kari Innbygger",
            "email": "kari@example.com",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
        },
    )
    assert response.status_code == 302
    kari = User.objects.get(email="kari@example.com")
    assert not kari.memberships.exists()
    # Before confirming the email address, no idea can be sent.
    response = client.post(reverse("engagement:submit", args=[call.pk]), {"title": "T", "description": "D"})
    assert "Confirm your email address" in response.content.decode()
    confirmation = [m for m in mailoutbox if "kari@example.com" in m.to][-1].body
    assert confirmation.startswith("Hello from InnoCities!")
    key_url = next(line.strip() for line in confirmation.splitlines() if "/accounts/confirm-email/" in line)
    client.post(key_url[key_url.index("/accounts/") :])
    assert EmailAddress.objects.get(user=kari).verified

    response = client.post(
        reverse("engagement:submit", args=[call.pk]),
        {
            "title": "Akustiske sensorer på kumlokk",
            "description": "Lytt etter lekkasjer om natten.",
        },
    )
    idea = Idea.objects.get(title="Akustiske sensorer på kumlokk")
    assert response["Location"] == idea.get_public_url()
    assert idea.via_open_call and idea.visibility == "public" and idea.submitted_by == kari

    coordinator = client.__class__()
    coordinator.force_login(world.coordinator)
    # A status change of a citizen's idea needs a reason the citizen can read.
    response = coordinator.post(reverse("pipeline:idea_status", args=[idea.pk]), {"status": "under_review"})
    assert response.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("pipeline:idea_status", args=[idea.pk]),
            {"status": "under_review", "reason": "Vi vurderer idéen sammen med VA-avdelingen i mars."},
        )
    page = client.get(idea.get_public_url()).content.decode()
    assert "Vi vurderer idéen sammen med VA-avdelingen i mars." in page
    assert Notification.objects.filter(recipient=kari, kind="idea_status").count() == 1
    assert any("kari@example.com" in m.to and "Akustiske" in m.subject for m in mailoutbox)

    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("pipeline:idea_promote", args=[idea.pk]),
            {"title": "Lekkasjesøk med lyd", "summary": "Pilot", "visibility": "private"},
        )
    page = client.get(idea.get_public_url()).content.decode()
    assert "The idea became the project “Lekkasjesøk med lyd”." in page  # Kari is on its team
    project = Idea.objects.get(pk=idea.pk).project
    assert project.team.filter(user=kari, role="partner").exists()
    assert Notification.objects.filter(recipient=kari, kind="idea_status").count() == 2
    page = coordinator.get(idea.get_public_url()).content.decode()  # …and one who is not on the team
    per = client.__class__()
    per.force_login(citizen("per@example.com", "Per"))
    assert "The idea became a project." in per.get(idea.get_public_url()).content.decode()


def test_a_citizen_supports_an_idea_once(world, call, client):
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=citizen())
    per = citizen("per@example.com", "Per")
    client.force_login(per)
    client.post(reverse("engagement:support", args=[idea.pk]))
    client.post(reverse("engagement:support", args=[idea.pk]))
    assert Support.objects.filter(idea=idea).count() == 1
    assert "You support this idea (1)" in client.get(idea.get_public_url()).content.decode()


def test_comments_notify_followers_once_and_never_the_writer(
    world, call, client, django_capture_on_commit_callbacks
):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    per = citizen("per@example.com", "Per")
    client.force_login(per)
    client.post(reverse("engagement:follow", args=[idea.pk]), {"follow": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("engagement:comment", args=[idea.pk]), {"text": "God idé!"})
    assert Notification.objects.filter(kind="comment", recipient=kari).count() == 1
    assert not Notification.objects.filter(kind="comment", recipient=per).exists()
    # The same event delivered again notifies nobody twice.
    from innocities.notifications.delivery import deliver

    assert deliver("comment_posted", {"comment_id": Comment.objects.get().pk}) == []
    assert Notification.objects.filter(kind="comment").count() == 1


def test_staff_comments_are_marked_as_the_organisations(world, call, login):
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=citizen())
    login(world.coordinator).post(
        reverse("engagement:comment", args=[idea.pk]), {"text": "Takk, vi ser på det."}
    )
    assert Comment.objects.get().is_official


def test_spam_limits_on_ideas_and_comments(world, call):
    kari = citizen()
    for n in range(actions.IDEAS_PER_HOUR):
        actions.submit_call_idea(call=call, title=f"Idé {n}", description="d", actor=kari)
    with pytest.raises(ValidationError) as error:
        actions.submit_call_idea(call=call, title="En til", description="d", actor=kari)
    assert "a lot in a short time" in str(error.value)
    idea = Idea.objects.filter(submitted_by=kari).first()
    for n in range(actions.COMMENTS_PER_HOUR):
        actions.post_comment(idea=idea, text=f"k{n}", actor=kari)
    with pytest.raises(ValidationError):
        actions.post_comment(idea=idea, text="en til", actor=kari)


def test_registration_is_rate_limited(db, client):
    codes = []
    for n in range(12):
        client.logout()  # a successful registration signs the new person in
        response = client.post(
            reverse("account_signup"),
            {
                "full_name": f"Bot {n}",
                "email": f"bot{n}@example.com",
                "password1": "a-long-pass-phrase",
                "password2": "a-long-pass-phrase",
            },
        )
        codes.append(response.status_code)
    assert User.objects.filter(email__startswith="bot").count() == 10
    assert 429 in codes


def test_report_hide_with_reason_author_sees_it_others_do_not(world, call, client):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Reklame for firmaet mitt", description="d", actor=kari)
    per = citizen("per@example.com", "Per")
    client.force_login(per)
    client.post(reverse("engagement:report", args=[idea.pk]), {"reason": "Dette er reklame."})
    assert Report.objects.filter(idea=idea, resolved_at__isnull=True).exists()

    moderator = client.__class__()
    moderator.force_login(world.coordinator)
    assert "Dette er reklame." in moderator.get(reverse("engagement:moderation")).content.decode()
    moderator.post(reverse("engagement:moderate", args=["idea", idea.pk]), {"action": "hide", "reason": ""})
    idea.refresh_from_db()
    assert idea.hidden_at is None  # a reason is required
    moderator.post(
        reverse("engagement:moderate", args=["idea", idea.pk]),
        {"action": "hide", "reason": "Reklame hører ikke hjemme her."},
    )
    idea.refresh_from_db()
    assert idea.hidden_at is not None and not Report.objects.filter(resolved_at__isnull=True).exists()
    assert AuditEvent.objects.filter(verb="hide", object_id=idea.pk).exists()

    assert client.get(idea.get_public_url()).status_code == 404
    assert "Reklame for firmaet mitt" not in client.get(call.get_absolute_url()).content.decode()
    client.force_login(kari)
    page = client.get(idea.get_public_url()).content.decode()
    assert "Reklame hører ikke hjemme her." in page


def test_a_blocked_person_cannot_send_ideas_to_that_organisation(world, call, login):
    kari = citizen()
    actions.submit_call_idea(call=call, title="Første idé", description="d", actor=kari)
    client = login(world.coordinator)
    client.post(
        reverse("engagement:block", args=[kari.pk]),
        {"organisation": world.halden.pk, "reason": "Gjentatt trakassering"},
    )
    with pytest.raises(ValidationError):
        actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    assert AuditEvent.objects.filter(verb="block_user").exists()


def test_moderators_of_another_organisation_get_404(world, call, login):
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=citizen())
    comment = actions.post_comment(idea=idea, text="Hei", actor=citizen("per@example.com", "Per"))
    client = login(world.eskilstuna_coordinator)
    assert (
        client.post(
            reverse("engagement:moderate", args=["comment", comment.pk]), {"action": "hide", "reason": "x"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("engagement:moderate", args=["idea", idea.pk]), {"action": "hide", "reason": "x"}
        ).status_code
        == 404
    )
    assert login(world.member).get(reverse("engagement:moderation")).status_code == 404


def test_a_citizen_sees_nothing_private(world, call, client):
    client.force_login(citizen())
    for url in (
        world.private.get_absolute_url(),
        world.idea.get_absolute_url(),
        "/programmes/halden/",
        "/programmes/halden/board/",
        world.eskilstuna_challenge.get_absolute_url(),
    ):
        assert client.get(url).status_code == 404, url
    page = client.get("/projects/?scope=all").content.decode()
    assert "Smarte vannmålere" not in page and "Solceller på skoletak" in page


def test_my_data_download_and_closing_the_account(world, call, client):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Kari sin idé", description="d", actor=kari)
    actions.post_comment(idea=idea, text="Min kommentar", actor=kari)
    client.force_login(kari)
    data = client.get(reverse("account_data_download")).json()
    assert data["person"]["email"] == "kari@example.com"
    assert data["ideas"][0]["title"] == "Kari sin idé" and data["comments"][0]["text"] == "Min kommentar"
    response = client.post(reverse("account_data"), {"password": "wrong"})
    assert "not correct" in response.content.decode()
    client.post(reverse("account_data"), {"password": "correct-horse-battery"})
    kari.refresh_from_db()
    assert not kari.is_active and kari.email.endswith("@invalid.invalid") and "Kari" not in kari.full_name
    page = client.get(idea.get_public_url()).content.decode()
    assert "Kari sin idé" in page and "Min kommentar" in page and "Kari Innbygger" not in page


def test_one_cannot_support_ones_own_idea(world, call, client):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    client.force_login(kari)
    client.post(reverse("engagement:support", args=[idea.pk]))
    assert not Support.objects.exists()


def test_notifications_read_in_the_readers_language(
    world, call, django_capture_on_commit_callbacks, mailoutbox
):
    from innocities.notifications.messages import text
    from innocities.pipeline.actions import set_idea_status

    kari = citizen()
    kari.language = "sv"
    kari.save()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    with django_capture_on_commit_callbacks(execute=True):
        set_idea_status(idea=idea, status="parked", reason="Vi väntar på budgeten.", actor=world.coordinator)
    notification = Notification.objects.get(recipient=kari)
    from django.utils import translation

    with translation.override("nb"):
        assert "Parkert" in text(notification)
    with translation.override("en"):
        assert "Parked" in text(notification) and "Vi väntar på budgeten." in text(notification)
    assert (
        "Vi väntar på budgeten." in mailoutbox[-1].body or "Vi väntar på budgeten." in mailoutbox[-1].subject
    )


def test_moderation_does_not_redirect_elsewhere_or_crash_on_bad_input(world, call, login):
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=citizen())
    client = login(world.coordinator)
    response = client.post(
        reverse("engagement:moderate", args=["idea", idea.pk]),
        {"action": "hide", "reason": "Reklame", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("engagement:moderation")
    response = client.post(
        reverse("engagement:block", args=[idea.submitted_by_id]), {"organisation": "abc", "reason": "x"}
    )
    assert response.status_code == 404


def test_the_report_form_shows_what_is_reported_and_blocked_people_see_no_forms(world, call, login):
    from innocities.engagement.actions import block_user

    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    comment = actions.post_comment(idea=idea, text="En helt spesiell kommentar", actor=kari)
    per = citizen("per@example.com", "Per")
    page = login(per).get(reverse("engagement:report_comment", args=[idea.pk, comment.pk])).content.decode()
    assert "En helt spesiell kommentar" in page
    block_user(organisation=world.halden, user=per, reason="Trakassering", actor=world.coordinator)
    page = login(per).get(idea.get_public_url()).content.decode()
    assert "can no longer take part" in page and 'name="text"' not in page


def test_the_author_hears_that_a_moderator_hid_their_comment(world, call, django_capture_on_commit_callbacks):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    per = citizen("per@example.com", "Per")
    comment = actions.post_comment(idea=idea, text="Frekk kommentar", actor=per)
    with django_capture_on_commit_callbacks(execute=True):
        actions.hide(obj=comment, reason="Ufin tone", actor=world.coordinator)
    from innocities.notifications.messages import text

    notification = Notification.objects.get(recipient=per, kind="hidden")
    assert "Ufin tone" in text(notification)


def test_the_author_is_offered_neither_support_nor_report_on_their_own_idea_and_comment(world, call, login):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    comment = actions.post_comment(idea=idea, text="Min egen kommentar", actor=kari)
    page = login(kari).get(idea.get_public_url()).content.decode()
    assert reverse("engagement:support", args=[idea.pk]) not in page
    assert reverse("engagement:report", args=[idea.pk]) not in page
    assert reverse("engagement:report_comment", args=[idea.pk, comment.pk]) not in page
    assert "0 people support your idea." in page
    # Someone else is offered both.
    page = login(citizen("per@example.com", "Per")).get(idea.get_public_url()).content.decode()
    assert reverse("engagement:support", args=[idea.pk]) in page
    assert reverse("engagement:report", args=[idea.pk]) in page
    assert reverse("engagement:report_comment", args=[idea.pk, comment.pk]) in page


def test_the_author_cannot_support_or_report_their_own_idea_or_comment(world, call, login):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=kari)
    comment = actions.post_comment(idea=idea, text="Min egen kommentar", actor=kari)
    client = login(kari)
    response = client.post(reverse("engagement:support", args=[idea.pk]), follow=True)
    assert "You cannot support your own idea." in response.content.decode()
    response = client.post(
        reverse("engagement:report_comment", args=[idea.pk, comment.pk]), {"reason": "Feil"}
    )
    assert "You cannot report what you wrote yourself." in response.content.decode()
    response = client.post(reverse("engagement:report", args=[idea.pk]), {"reason": "Feil"})
    assert "You cannot report what you wrote yourself." in response.content.decode()
    assert not Report.objects.exists() and not Support.objects.exists()
    with pytest.raises(ValidationError):
        actions.report(actor=kari, reason="Feil", comment=comment)


@pytest.mark.parametrize("took_part", ["idea", "comment", "support"])
def test_a_moderator_can_block_a_person_who_took_part_in_the_calls(world, call, login, took_part):
    kari = citizen()
    idea = actions.submit_call_idea(call=call, title="Idé", description="d", actor=citizen("o@example.com"))
    if took_part == "idea":
        actions.submit_call_idea(call=call, title="Kari sin", description="d", actor=kari)
    elif took_part == "comment":
        actions.post_comment(idea=idea, text="Hei", actor=kari)
    else:
        actions.support_idea(idea=idea, actor=kari)
    response = login(world.coordinator).post(
        reverse("engagement:block", args=[kari.pk]), {"organisation": world.halden.pk, "reason": "Spam"}
    )
    assert response.status_code == 302
    assert Block.objects.filter(organisation=world.halden, user=kari).exists()


def test_blocking_anyone_else_answers_404_whether_or_not_the_person_exists(world, call, login):
    kari = citizen()  # registered, but never took part in Halden's calls
    elsewhere = actions.publish_call(
        challenge=world.eskilstuna_challenge,
        invitation="Hjälp oss!",
        opens_on=TODAY,
        closes_on=TODAY + timedelta(days=10),
        actor=world.eskilstuna_coordinator,
    )
    per = citizen("per@example.com", "Per")
    actions.submit_call_idea(call=elsewhere, title="Per i Eskilstuna", description="d", actor=per)
    client = login(world.coordinator)
    missing = User.objects.order_by("-pk").first().pk + 100
    for person in (kari.pk, per.pk, world.sarpsborg_member.pk, missing):
        response = client.post(
            reverse("engagement:block", args=[person]), {"organisation": world.halden.pk, "reason": "x"}
        )
        assert response.status_code == 404, person
    assert not Block.objects.exists()
    # Halden's moderator cannot block in Eskilstuna's name either.
    response = client.post(
        reverse("engagement:block", args=[per.pk]), {"organisation": world.eskilstuna.pk, "reason": "x"}
    )
    assert response.status_code == 404


def test_a_double_clicked_idea_or_comment_is_stored_once(world, call, client):
    from innocities.engagement.models import Comment

    kari = citizen()
    client.force_login(kari)
    data = {"title": "Lekkasjesensorer", "description": "Lytt om natten.", "once": "click-once-idea-0001"}
    first = client.post(reverse("engagement:submit", args=[call.pk]), data)
    second = client.post(reverse("engagement:submit", args=[call.pk]), data)
    assert Idea.objects.filter(title="Lekkasjesensorer").count() == 1
    idea = Idea.objects.get(title="Lekkasjesensorer")
    assert first.status_code == second.status_code == 302 and second["Location"] == idea.get_public_url()
    comment = {"text": "Enig!", "once": "click-once-comment-0001"}
    client.post(reverse("engagement:comment", args=[idea.pk]), comment)
    again = client.post(reverse("engagement:comment", args=[idea.pk]), comment)
    assert Comment.objects.filter(idea=idea, text="Enig!").count() == 1
    assert again["Location"].endswith(f"#comment-{Comment.objects.get(idea=idea).pk}")
