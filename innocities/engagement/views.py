"""Public open calls, citizens' ideas and comments, and the organisation's moderation."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.accounts.roles import roles_of
from innocities.core.idempotency import Earlier, once
from innocities.core.models import AuditEvent
from innocities.core.views import errors_onto, require, saved
from innocities.organisations.models import Organisation
from innocities.pipeline.access import get_challenge_for_user, visible_projects
from innocities.programmes.models import FocusArea

from . import actions
from .access import (
    call_ideas,
    get_call,
    get_comment_for_moderator,
    get_participant_for_moderator,
    get_public_idea,
    idea_comments,
    public_calls,
)
from .forms import CallFilterForm, CallForm, CitizenIdeaForm, CommentForm, ModerationForm, ReportForm
from .models import Block, Follow, Report


def call_list(request):
    today = timezone.localdate()
    calls = public_calls().select_related("challenge", "organisation", "challenge__focus_area")
    form = CallFilterForm(
        request.GET or None,
        organisations=Organisation.objects.filter(pk__in=public_calls().values("organisation_id")),
        focus_areas=FocusArea.objects.filter(pk__in=public_calls().values("challenge__focus_area_id")),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    if filters.get("country"):
        calls = calls.filter(organisation__country=filters["country"])
    if filters.get("organisation"):
        calls = calls.filter(organisation=filters["organisation"])
    if filters.get("focus_area"):
        calls = calls.filter(challenge__focus_area=filters["focus_area"])
    calls = calls.annotate(
        idea_count=Count(
            "challenge__ideas",
            filter=Q(challenge__ideas__via_open_call=True, challenge__ideas__hidden_at__isnull=True),
        )
    )
    open_now = calls.filter(closes_on__gte=today, closed_at__isnull=True).order_by("closes_on")
    closed = calls.filter(Q(closes_on__lt=today) | Q(closed_at__isnull=False)).order_by("-closes_on")[:20]
    return render(
        request, "engagement/call_list.html", {"form": form, "open_calls": open_now, "closed_calls": closed}
    )


def call_detail(request, pk):
    call = get_call(request.user, pk)
    ideas = call_ideas(request.user, call)
    return render(
        request,
        "engagement/call_detail.html",
        {
            "call": call,
            "page": Paginator(ideas, 30).get_page(request.GET.get("page")),
            "can_moderate": roles_of(request.user).manages(call.organisation_id),
        },
    )


@login_required
def idea_submit(request, pk):
    call = get_call(request.user, pk)
    form = CitizenIdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            idea = once(
                request,
                form,
                lambda: actions.submit_call_idea(call=call, actor=request.user, **form.cleaned_data),
                url=lambda idea: idea.get_public_url(),
            )
        if not form.errors:
            if isinstance(idea, Earlier):  # the same form sent twice: one idea, and the page it is on
                return redirect(idea.url)
            saved(
                request,
                _("Thank you! Your idea is published. You will hear from us when its status changes."),
            )
            return redirect("engagement:idea", pk=idea.pk)
    verified = EmailAddress.objects.filter(user=request.user, verified=True).exists()
    return render(
        request, "engagement/idea_submit.html", {"call": call, "form": form, "email_verified": verified}
    )


def idea_detail(request, pk):
    idea = get_public_idea(request.user, pk)
    user = request.user
    context = {
        "idea": idea,
        "call": idea.challenge.open_call,
        "history": idea.status_changes.select_related("project"),
        "comments": idea_comments(user, idea),
        "support_count": idea.supports.count(),
        "supported": user.is_authenticated and idea.supports.filter(user=user).exists(),
        "following": user.is_authenticated and Follow.objects.filter(idea=idea, user=user).exists(),
        "comment_form": CommentForm(),
        "is_author": user.is_authenticated and idea.submitted_by_id == user.pk,
        "can_moderate": roles_of(user).manages(idea.organisation_id),
        "blocked": user.is_authenticated
        and Block.objects.filter(organisation_id=idea.organisation_id, user=user).exists(),
        "project": _public_project(user, idea),
    }
    return render(request, "engagement/idea_detail.html", context)


def _public_project(user, idea):
    """The project the idea became, when the reader may open it."""
    project = getattr(idea, "project", None)
    if project is None:
        return None
    if project.visibility == "public" or visible_projects(user).filter(pk=project.pk).exists():
        return project
    return None


def _idea_action(request, pk, work, message):
    idea = get_public_idea(request.user, pk)
    try:
        work(idea)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if message:
            saved(request, message)
    return redirect("engagement:idea", pk=idea.pk)


@login_required
@require_POST
def idea_support(request, pk):
    return _idea_action(
        request,
        pk,
        lambda idea: actions.support_idea(idea=idea, actor=request.user),
        _("Thank you for your support."),
    )


@login_required
@require_POST
def idea_follow(request, pk):
    follow = request.POST.get("follow") == "1"
    return _idea_action(
        request,
        pk,
        lambda idea: actions.set_following(idea=idea, actor=request.user, follow=follow),
        _("You follow this idea.") if follow else _("You no longer follow this idea."),
    )


@login_required
@require_POST
def idea_comment(request, pk):
    idea = get_public_idea(request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            comment = once(
                request,
                form,
                lambda: actions.post_comment(idea=idea, text=form.cleaned_data["text"], actor=request.user),
                url=lambda comment: f"{idea.get_public_url()}#comment-{comment.pk}",
            )
        if not form.errors:
            if isinstance(comment, Earlier):
                return redirect(comment.url)
            saved(request, _("Your comment is published."))
            return redirect(f"{idea.get_public_url()}#comment-{comment.pk}")
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(f"{idea.get_public_url()}#comments-title")


@login_required
def report(request, pk, comment_pk=None):
    idea = get_public_idea(request.user, pk)
    comment = get_object_or_404(idea_comments(request.user, idea), pk=comment_pk) if comment_pk else None
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            sent = once(
                request,
                form,
                lambda: actions.report(
                    actor=request.user, idea=None if comment else idea, comment=comment, **form.cleaned_data
                ),
                url=lambda _report: idea.get_public_url(),
            )
        if not form.errors:
            if not isinstance(sent, Earlier):
                saved(request, _("Thank you. A moderator will look at it."))
            return redirect("engagement:idea", pk=idea.pk)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "title": _("Report content"),
            "back_url": idea.get_public_url(),
            "quote": comment.text if comment else idea.title,
        },
    )


@login_required
def my_ideas(request):
    ideas = request.user.ideas.filter(via_open_call=True).select_related(
        "challenge", "organisation", "project"
    )
    return render(request, "engagement/my_ideas.html", {"ideas": ideas})


# --- the organisation's side ---------------------------------------------------------------------------


@login_required
def call_publish(request, pk):
    challenge = get_challenge_for_user(request.user, pk)
    require(request.user, "engagement.publish_call", challenge)
    call = getattr(challenge, "open_call", None)
    initial = (
        {"invitation": call.invitation, "opens_on": call.opens_on, "closes_on": call.closes_on}
        if call
        else {"opens_on": timezone.localdate()}
    )
    form = CallForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            call = actions.publish_call(challenge=challenge, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The challenge is published as an open call."))
            return redirect(call)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Publish as an open call"), "back": challenge},
    )


@login_required
@require_POST
def call_close(request, pk):
    challenge = get_challenge_for_user(request.user, pk)
    require(request.user, "engagement.publish_call", challenge)
    call = getattr(challenge, "open_call", None)
    if call is None:
        raise Http404
    actions.close_call(call=call, actor=request.user)
    saved(request, _("The call is closed."))
    return redirect(challenge)


def _moderated_organisations(user):
    roles = roles_of(user)
    return [org for org in roles.full_org_ids if roles.manages(org)]


@login_required
def moderation_queue(request):
    organisations = _moderated_organisations(request.user)
    if not organisations:
        raise Http404
    open_reports = Report.objects.filter(
        organisation_id__in=organisations, resolved_at__isnull=True
    ).select_related("idea", "comment", "comment__idea", "reporter", "comment__author", "idea__submitted_by")
    # One card per reported idea or comment, with every reason given for it.
    grouped = {}
    for item in open_reports:
        grouped.setdefault((item.idea_id, item.comment_id), []).append(item)
    reports = [(items[0], items) for items in grouped.values()]
    log = AuditEvent.objects.filter(
        organisation_id__in=organisations, verb__in=["hide", "unhide", "block_user", "dismiss_report"]
    ).select_related("actor")[:30]
    return render(
        request, "engagement/moderation.html", {"reports": reports, "log": log, "form": ModerationForm()}
    )


@login_required
@require_POST
def moderate(request, kind, pk):
    """Hide, show again or dismiss: one endpoint for the moderator's buttons."""
    form = ModerationForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    action = request.POST.get("action")
    if kind == "comment":
        target = get_comment_for_moderator(request.user, pk)
    elif kind == "idea":
        target = get_public_idea(request.user, pk)
        if not roles_of(request.user).manages(target.organisation_id):
            raise Http404
    else:
        report_ = get_object_or_404(Report, pk=pk, organisation_id__in=_moderated_organisations(request.user))
        actions.dismiss_report(report=report_, actor=request.user)
        saved(request, _("The report was dismissed."))
        return redirect("engagement:moderation")
    try:
        if action == "hide":
            actions.hide(obj=target, reason=reason, actor=request.user)
        else:
            actions.unhide(obj=target, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        saved(request, _("Done. The author sees the reason."))
    # Only a path on this site, and always as a URL: redirect() would take a bare word for a view name.
    back = request.POST.get("next", "")
    if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None)):
        back = reverse("engagement:moderation")
    return HttpResponseRedirect(back)


@login_required
@require_POST
def block(request, user_pk):
    organisations = _moderated_organisations(request.user)
    wanted = request.POST.get("organisation", "")
    if not wanted.isdigit():
        raise Http404
    organisation = get_object_or_404(Organisation, pk=int(wanted), pk__in=organisations)
    person = get_participant_for_moderator(request.user, organisation, user_pk)
    try:
        actions.block_user(
            organisation=organisation, user=person, reason=request.POST.get("reason", ""), actor=request.user
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        saved(request, _("The person is blocked from your open calls."))
    return redirect("engagement:moderation")
