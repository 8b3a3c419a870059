"""Idea evaluation rounds: criteria, evaluators (outside experts too), hidden scores, ranking, selection."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from innocities.coproduction.actions import save_actor
from innocities.engagement.models import Follow, Support
from innocities.evaluation import actions
from innocities.evaluation.models import Criterion
from innocities.notifications.models import Notification
from innocities.pipeline.actions import submit_idea


@pytest.fixture
def round_(world):
    actions.add_default_criteria(challenge=world.challenge, actor=world.coordinator)
    second = submit_idea(
        organisation=world.halden,
        actor=world.lead,
        challenge=world.challenge,
        title="Droner med termokamera",
        description="d",
    )
    return world.challenge, [world.idea, second]


def scores_for(challenge, value):
    return {c.pk: (value, f"note {value}") for c in challenge.evaluation_criteria.all()}


def test_default_criteria_are_the_five_named_ones(round_):
    challenge, _ = round_
    assert [c.name["en"] for c in Criterion.objects.filter(challenge=challenge)] == [
        "Value for users",
        "Sustainability potential",
        "Feasibility",
        "Strategic fit",
        "Cost",
    ]


def test_an_outside_expert_is_invited_notified_and_sees_only_the_round(
    world, round_, client, django_capture_on_commit_callbacks, mailoutbox
):
    challenge, ideas = round_
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(world.coordinator)
        client.post(
            reverse("evaluation:invite", args=[challenge.pk]),
            {"full_name": "Eva Ekspert", "email": "eva@hiof.example"},
        )
    expert = challenge.evaluators.get().user
    assert not expert.memberships.exists()
    assert Notification.objects.filter(recipient=expert, kind="evaluation_assigned").count() == 1
    assert any("eva@hiof.example" in m.to for m in mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            reverse("evaluation:invite", args=[challenge.pk]),
            {"full_name": "Eva Ekspert", "email": "eva@hiof.example"},
            follow=True,
        )
    assert "This person already evaluates the round." in again.content.decode()
    assert Notification.objects.filter(recipient=expert, kind="evaluation_assigned").count() == 1
    client.force_login(expert)
    page = client.get(reverse("evaluation:round", args=[challenge.pk])).content.decode()
    assert "Akustiske lekkasjesensorer" in page and "Average score" not in page
    assert client.get(reverse("evaluation:score", args=[challenge.pk, ideas[0].pk])).status_code == 200
    for url in (
        world.private.get_absolute_url(),
        world.idea.get_absolute_url(),
        challenge.get_absolute_url(),
        reverse("evaluation:round", args=[world.eskilstuna_challenge.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_others_scores_are_hidden_until_ones_own_are_in(world, round_, client):
    challenge, ideas = round_
    coordinator = actions.invite_evaluator(
        challenge=challenge, user=world.coordinator, actor=world.coordinator
    )
    leader = actions.invite_evaluator(challenge=challenge, user=world.leader, actor=world.coordinator)
    actions.score_idea(evaluator=coordinator, idea=ideas[0], scores=scores_for(challenge, 5))
    client.force_login(world.leader)
    url = reverse("evaluation:score", args=[challenge.pk, ideas[0].pk])
    page = client.get(url).content.decode()
    assert "note 5" not in page and "once yours are in" in page
    response = client.post(url, {f"score_{c.pk}": "3" for c in challenge.evaluation_criteria.all()})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "note 5" in page and "Ingrid Halvorsen" in page
    assert leader.scores.count() == 5


def test_scores_must_be_given_for_every_criterion_from_one_to_five(world, round_):
    challenge, ideas = round_
    evaluator = actions.invite_evaluator(challenge=challenge, user=world.leader, actor=world.coordinator)
    bad = scores_for(challenge, 3)
    bad[next(iter(bad))] = (7, "")
    with pytest.raises(ValidationError):
        actions.score_idea(evaluator=evaluator, idea=ideas[0], scores=bad)
    with pytest.raises(ValidationError):
        actions.score_idea(evaluator=evaluator, idea=ideas[0], scores={})
    assert not evaluator.scores.exists()


def test_ranking_orders_ideas_by_average_score(world, round_, login):
    challenge, ideas = round_
    a = actions.invite_evaluator(challenge=challenge, user=world.coordinator, actor=world.coordinator)
    b = actions.invite_evaluator(challenge=challenge, user=world.leader, actor=world.coordinator)
    actions.score_idea(evaluator=a, idea=ideas[0], scores=scores_for(challenge, 2))
    actions.score_idea(evaluator=b, idea=ideas[0], scores=scores_for(challenge, 3))
    actions.score_idea(evaluator=a, idea=ideas[1], scores=scores_for(challenge, 5))
    page = login(world.coordinator).get(reverse("evaluation:round", args=[challenge.pk])).content.decode()
    assert page.index("Droner med termokamera") < page.index("Akustiske lekkasjesensorer")
    assert "2.5" in page and "5.0" in page


def test_selecting_an_idea_carries_over_author_supporters_and_actors(world, round_, login):
    challenge, ideas = round_
    idea = ideas[0]
    actor = save_actor(
        organisation=world.halden,
        actor_user=world.coordinator,
        name="Østfold Energi",
        sector="business",
        country="NO",
        org_number="",
    )
    idea.actors.add(actor)
    Support.objects.create(idea=idea, user=world.sarpsborg_member)
    login(world.coordinator).post(
        reverse("pipeline:idea_promote", args=[idea.pk]),
        {"title": "Lekkasjesøk med sensorer", "summary": "Pilot", "visibility": "private"},
    )
    idea.refresh_from_db()
    project = idea.project
    assert project.team.filter(user=world.member).exists()  # the author
    assert project.participations.filter(actor=actor, role="co_creator").exists()
    assert Follow.objects.filter(idea=idea, user=world.sarpsborg_member).exists()


def test_only_managers_set_up_the_round(world, round_, login):
    challenge, _ = round_
    actions.invite_evaluator(challenge=challenge, user=world.member, actor=world.coordinator)
    client = login(world.member)
    client.post(reverse("evaluation:criteria", args=[challenge.pk]), {"text": "Min egen"})
    client.post(reverse("evaluation:invite", args=[challenge.pk]), {"user": world.lead.pk})
    assert not Criterion.objects.filter(name__en="Min egen").exists()
    assert not challenge.evaluators.filter(user=world.lead).exists()
    assert login(world.lead).get(reverse("evaluation:round", args=[challenge.pk])).status_code == 404


def test_every_default_criterion_says_which_end_of_the_scale_is_good_in_every_language(round_):
    challenge, _ = round_
    for criterion in Criterion.objects.filter(challenge=challenge):
        for language in ("sv", "nb", "en"):
            scale = criterion.scale[language]
            assert scale.startswith("1 = ") and ", 5 = " in scale, (criterion.name["en"], language)
    cost = Criterion.objects.get(challenge=challenge, name__en="Cost")
    assert cost.scale == {
        "en": "1 = very costly, 5 = very cheap",
        "sv": "1 = mycket kostsam, 5 = mycket billig",
        "nb": "1 = svært kostbar, 5 = svært billig",
    }


def test_the_evaluator_reads_what_1_and_5_mean_beside_each_criterion(world, round_, login):
    challenge, ideas = round_
    actions.invite_evaluator(challenge=challenge, user=world.coordinator, actor=world.coordinator)
    url = reverse("evaluation:score", args=[challenge.pk, ideas[0].pk])
    page = login(world.coordinator).get(url).content.decode()
    assert "1 = very costly, 5 = very cheap" in page
    assert "1 = little value for users, 5 = great value for users" in page
    page = login(world.coordinator).get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "1 = mycket kostsam, 5 = mycket billig" in page
    round_url = reverse("evaluation:round", args=[challenge.pk])
    page = login(world.coordinator).get(round_url, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "1 = svært kostbar, 5 = svært billig" in page


def test_a_criterion_of_ones_own_keeps_its_text_and_may_say_which_end_is_good(world, round_, login):
    challenge, ideas = round_
    # A criterion from before criteria said which end is good keeps its text and reads 1 weak, 5 strong.
    older = Criterion.objects.create(
        organisation=world.halden, challenge=challenge, order=9, name={"en": "Kostnad", "sv": "Kostnad"}
    )
    client = login(world.coordinator)
    client.post(
        reverse("evaluation:criteria", args=[challenge.pk]),
        {"text": "Driftskostnad", "scale": "1 = dyr i drift, 5 = billig i drift"},
    )
    own = Criterion.objects.get(challenge=challenge, name__en="Driftskostnad")
    assert own.scale["nb"] == "1 = dyr i drift, 5 = billig i drift"
    actions.invite_evaluator(challenge=challenge, user=world.coordinator, actor=world.coordinator)
    page = client.get(reverse("evaluation:score", args=[challenge.pk, ideas[0].pk])).content.decode()
    assert "1 = dyr i drift, 5 = billig i drift" in page and "1 = weak, 5 = strong" in page
    older.refresh_from_db()
    assert older.name == {"en": "Kostnad", "sv": "Kostnad"} and older.scale == {}
