"""An evaluation round is open to the challenge's organisation managers and to its evaluators —
including outside experts, who see these ideas and nothing else of the organisation."""

from django.http import Http404

from innocities.accounts.roles import roles_of
from innocities.pipeline.models import Challenge, Idea


def get_round_for_user(user, challenge_pk) -> tuple[Challenge, bool]:
    """(challenge, manages) for a manager or an evaluator of the challenge; 404 for anyone else."""
    try:
        challenge = Challenge.objects.select_related("organisation", "programme").get(pk=int(challenge_pk))
    except (ValueError, TypeError, Challenge.DoesNotExist):
        raise Http404 from None
    manages = roles_of(user).manages(challenge.organisation_id)
    if not manages and not challenge.evaluators.filter(user=user).exists():
        raise Http404
    return challenge, manages


def get_round_idea(challenge, idea_pk) -> Idea:
    try:
        return challenge.ideas.exclude(status="rejected").get(pk=int(idea_pk), hidden_at__isnull=True)
    except (ValueError, TypeError, Idea.DoesNotExist):
        raise Http404 from None
