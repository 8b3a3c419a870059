"""Open calls and the ideas sent to them are public; what moderators hid is seen only by its author
and by the organisation's own people, with the reason."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from innocities.accounts.models import User
from innocities.accounts.roles import roles_of
from innocities.pipeline.models import Idea

from .models import Comment, OpenCall, Support


def public_calls():
    return OpenCall.objects.filter(opens_on__lte=timezone.localdate())


def get_call(user, pk) -> OpenCall:
    """A published call for anyone; one not yet open only for its organisation's people."""
    roles = roles_of(user)
    calls = OpenCall.objects.filter(
        Q(opens_on__lte=timezone.localdate()) | Q(organisation_id__in=roles.full_org_ids)
    )
    try:
        return calls.select_related("challenge", "organisation", "challenge__focus_area").get(pk=int(pk))
    except (ValueError, TypeError, OpenCall.DoesNotExist):
        raise Http404 from None


def _may_see_hidden(user, organisation_id) -> bool:
    return roles_of(user).is_full_member(organisation_id)


def call_ideas(user, call):
    """The ideas sent to a call, most supported first; hidden ones only for those who may see them."""
    ideas = Idea.objects.filter(challenge_id=call.challenge_id, via_open_call=True)
    if not _may_see_hidden(user, call.organisation_id):
        mine = Q(submitted_by=user) if user.is_authenticated else Q(pk__in=[])
        ideas = ideas.filter(Q(hidden_at__isnull=True) | mine)
    return (
        ideas.select_related("submitted_by")
        .annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count("comments", distinct=True, filter=Q(comments__hidden_at__isnull=True)),
        )
        .order_by("-support_count", "-created_at")
    )


def get_public_idea(user, pk) -> Idea:
    ideas = Idea.objects.filter(via_open_call=True, challenge__open_call__opens_on__lte=timezone.localdate())
    try:
        idea = ideas.select_related("challenge__open_call", "organisation", "submitted_by").get(pk=int(pk))
    except (ValueError, TypeError, Idea.DoesNotExist):
        raise Http404 from None
    if idea.hidden_at and not (
        (user.is_authenticated and idea.submitted_by_id == user.pk)
        or _may_see_hidden(user, idea.organisation_id)
    ):
        raise Http404
    return idea


def idea_comments(user, idea):
    comments = idea.comments.select_related("author")
    if not _may_see_hidden(user, idea.organisation_id):
        mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
        comments = comments.filter(Q(hidden_at__isnull=True) | mine)
    return comments


def supported_by(user, idea) -> bool:
    return user.is_authenticated and Support.objects.filter(idea=idea, user=user).exists()


def get_comment_for_moderator(user, pk) -> Comment:
    try:
        comment = Comment.objects.select_related("idea").get(pk=int(pk))
    except (ValueError, TypeError, Comment.DoesNotExist):
        raise Http404 from None
    if not roles_of(user).manages(comment.organisation_id):
        raise Http404
    return comment


def get_participant_for_moderator(user, organisation, pk):
    """A person who took part in the organisation's open calls (sent an idea, commented or supported
    one), for one of its moderators; anyone else answers 404, so the page never tells whether an
    account exists."""
    if not roles_of(user).manages(organisation.pk):
        raise Http404
    try:
        person = User.objects.get(pk=int(pk))
    except (ValueError, TypeError, User.DoesNotExist):
        raise Http404 from None
    in_calls = Q(organisation=organisation, via_open_call=True)
    took_part = (
        Idea.objects.filter(in_calls, submitted_by=person).exists()
        or Comment.objects.filter(organisation=organisation, author=person).exists()
        or Support.objects.filter(user=person, idea__in=Idea.objects.filter(in_calls)).exists()
    )
    if not took_part:
        raise Http404
    return person
