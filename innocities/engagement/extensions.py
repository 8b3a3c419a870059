"""What engagement declares to the house: its events and audiences, what it carries over when an idea
becomes a project, and how a person's comments, support, follows, reports and blocks are exported
and erased."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innocities.accounts import nav as can
from innocities.core import registry
from innocities.pipeline.extensions import idea_url
from innocities.pipeline.models import Idea

from . import figures
from .models import Block, Comment, Follow, OpenCall, Report, Support


def _followers(idea_id) -> set[int]:
    return set(Follow.objects.filter(idea_id=idea_id).values_list("user_id", flat=True))


def _comment_posted(ids):
    comment = Comment.objects.filter(pk=ids["comment_id"]).select_related("idea", "author").first()
    if comment is None:
        return None
    idea = comment.idea
    return registry.Delivery(
        key=f"comment-{comment.pk}",
        # "person" names whoever the text names, so closing that account can blank it everywhere
        data={
            "idea": idea.title,
            "person": comment.author.full_name if comment.author else "",
            "person_id": comment.author_id,
        },
        url=idea_url(idea) + f"#comment-{comment.pk}",
        people={idea.submitted_by_id} | _followers(idea.pk),
        exclude={comment.author_id},
    )


def _comment_text(data) -> str:
    author = data.get("person", data.get("author")) or _("A former user")
    return _("%(author)s commented on “%(idea)s”.") % {"author": author, "idea": data.get("idea", "")}


def _content_hidden(ids):
    if ids.get("comment_id"):
        target = Comment.objects.filter(pk=ids["comment_id"]).select_related("idea").first()
        author_id, idea = (target.author_id, target.idea) if target else (None, None)
    else:
        idea = Idea.objects.filter(pk=ids["idea_id"]).first()
        author_id, target = (idea.submitted_by_id if idea else None), idea
    if target is None or not target.hidden_at:
        return None
    kind = "c" if ids.get("comment_id") else "i"
    return registry.Delivery(
        key=f"hidden-{kind}{target.pk}-{target.hidden_at.timestamp():.0f}",
        data={"idea": idea.title, "reason": target.hidden_reason},
        url=idea.get_public_url(),
        people={author_id},
    )


def _hidden_text(data) -> str:
    return _("A moderator hid what you wrote on “%(idea)s”. Reason: %(reason)s") % {
        "idea": data.get("idea", ""),
        "reason": data.get("reason", ""),
    }


def _supporters_follow(*, idea, project, actor) -> None:
    """Supporters follow the idea, so they hear that it became a project."""
    supporters = idea.supports.values_list("user_id", flat=True)
    Follow.objects.bulk_create([Follow(idea=idea, user_id=pk) for pk in supporters], ignore_conflicts=True)


def _delete(model, **lookup):
    return lambda user, successor: model.objects.filter(**{key: user for key in lookup}).delete()


PERSONAL_DATA = [
    registry.PersonalData(
        model="engagement.Comment",
        fields=("author",),
        section="comments",
        # kept, as a public body must keep its records, under the pseudonymised account
        export=lambda u: registry.rows(
            Comment.objects.filter(author=u), "idea__title", "text", "created_at", "hidden_reason"
        ),
    ),
    registry.PersonalData(
        model="engagement.Support",
        fields=("user",),
        section="supports",
        export=lambda u: registry.rows(Support.objects.filter(user=u), "idea__title", "created_at"),
    ),
    registry.PersonalData(
        model="engagement.Follow",
        fields=("user",),
        section="follows",
        export=lambda u: registry.rows(Follow.objects.filter(user=u), "idea__title", "created_at"),
        erase=_delete(Follow, user=True),
    ),
    registry.PersonalData(
        model="engagement.Report",
        fields=("reporter", "resolved_by"),
        section="reports_filed",
        export=lambda u: registry.rows(
            Report.objects.filter(reporter=u),
            "idea__title",
            "comment__text",
            "reason",
            "created_at",
            "resolved_at",
        ),
    ),
    registry.PersonalData(
        model="engagement.Block",
        fields=("user", "blocked_by"),
        section="blocked_by",
        export=lambda u: registry.rows(
            Block.objects.filter(user=u), "organisation__name", "reason", "created_at"
        ),
    ),
    registry.PersonalData(
        model="engagement.OpenCall",
        fields=("published_by",),
        section="open_calls_published",
        export=lambda u: registry.rows(
            OpenCall.objects.filter(published_by=u), "challenge__title", "opens_on"
        ),
    ),
]


NAV = [
    registry.NavItem(
        key="calls",
        order=60,
        label=gettext_lazy("Open calls"),
        url_name="engagement:calls",
        visible=can.everyone,
        group="main",
    ),
    registry.NavItem(
        key="my_ideas",
        order=70,
        label=gettext_lazy("My ideas"),
        url_name="engagement:my_ideas",
        visible=can.citizen,
        group="main",
    ),
]


OPEN_CALLS = registry.Figure(
    key="open_calls",
    order=140,
    section="coproduction",
    label=gettext_lazy("Open calls: ideas from citizens"),
    rule=gettext_lazy(
        "Ideas sent to an open call and submitted in the period, the people who sent them (each counted "
        "once) and how many of these ideas have become projects so far. Hidden ideas are not counted."
    ),
    compute=figures.open_calls,
    drill=figures.drill,
)


def register() -> None:
    for item in NAV:
        registry.add_nav(item)
    registry.add_figure("dashboard", OPEN_CALLS)
    registry.add_event(
        registry.Event(name="comment_posted", kind="comment", resolve=_comment_posted, text=_comment_text)
    )
    registry.add_event(
        registry.Event(name="content_hidden", kind="hidden", resolve=_content_hidden, text=_hidden_text)
    )
    registry.add_audience(
        registry.Audience(event="idea_status_changed", people=lambda ids: _followers(ids["idea_id"]))
    )
    registry.on("idea_promoted", _supporters_follow)
    for entry in PERSONAL_DATA:
        registry.add_personal_data(entry)
