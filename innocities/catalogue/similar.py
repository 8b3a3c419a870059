"""Similar work elsewhere: explainable, from what the projects share.

Candidates come from two cheap, indexed lookups — the search index (the words of the title and the
summary, widened through the thesaurus, any of them) and the SDG targets that completed assessments
rate positively — each capped at ``CANDIDATES``; then only projects the reader may see are kept, the
reader's own organisation's are left out, and each is scored: 2 for each shared target, 1.5 for the
same focus area, up to 1 for the text. Implemented and scaled work comes first, then the score. Every
match says why it is similar, and carries the lessons its team recorded that the reader may read.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innocities.core import fragments
from innocities.core.i18n import pick
from innocities.learning.access import visible_lessons
from innocities.pipeline.access import visible_projects
from innocities.pipeline.models import ProjectStatus
from innocities.programmes.models import FocusArea
from innocities.sustainability.models import Assessment, GoalAssessment

from . import search

CANDIDATES = 40
DONE = (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED)
WORD = re.compile(r"\w+")


@dataclass
class Match:
    project: object
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    lessons: list = field(default_factory=list)


def _words(text: str, shortest: int, most: int) -> list[str]:
    seen, out = set(), []
    for word in WORD.findall(text or ""):
        folded = word.casefold()
        if len(folded) >= shortest and not folded.isdigit() and folded not in seen:
            seen.add(folded)
            out.append(folded)
    return out[:most]


def positive_targets(project) -> list[int]:
    """The targets the project's latest completed assessment rates a positive impact on (one query)."""
    latest = (
        Assessment.objects.filter(project=project, completed_at__isnull=False)
        .order_by("-assessed_on", "-pk")
        .values("pk")[:1]
    )
    rows = GoalAssessment.targets.through.objects.filter(
        goalassessment__assessment=Subquery(latest), goalassessment__impact__gt=0
    )
    return list(rows.values_list("target_id", flat=True))


def _sharing_targets(targets) -> dict[int, list[str]]:
    """{project: [target codes it shares]} for the projects sharing most of ``targets``."""
    rows = GoalAssessment.targets.through.objects.filter(
        target_id__in=list(targets) or [0],  # always the same two queries, whatever the project has
        goalassessment__impact__gt=0,
        goalassessment__assessment__completed_at__isnull=False,
    )
    top = (
        rows.values("goalassessment__assessment__project_id")
        .annotate(n=Count("target_id", distinct=True))
        .order_by("-n", "goalassessment__assessment__project_id")[:CANDIDATES]
    )
    ids = [r["goalassessment__assessment__project_id"] for r in top]
    shared: dict[int, set[str]] = {pk: set() for pk in ids}
    for pk, code in rows.filter(goalassessment__assessment__project_id__in=ids or [0]).values_list(
        "goalassessment__assessment__project_id", "target__code"
    ):
        shared[pk].add(code)
    return {pk: sorted(codes) for pk, codes in shared.items()}


def similar_projects(
    user, *, title: str, summary: str = "", focus_area=None, targets=(), exclude_project=None,
    exclude_organisation=None, limit: int = 5,
) -> list[Match]:  # fmt: skip
    # The title's words say what the work is; the summary's longer words help only a short title.
    words = _words(title, 4, 6)
    if len(words) < 3:
        words += [w for w in _words(summary, 6, 6) if w not in words][: 3 - len(words)]
    by_text = dict(search.ranked(user, words, kind="project", limit=CANDIDATES))
    by_targets = _sharing_targets(list(targets))
    ids = set(by_text) | set(by_targets)
    if exclude_project is not None:
        ids.discard(exclude_project.pk)
    projects = (
        visible_projects(user).filter(pk__in=ids or [0]).select_related("organisation", "phase", "focus_area")
    )
    if exclude_organisation is not None:
        projects = projects.exclude(organisation=exclude_organisation)
    text_rank = {pk: 1 - n / CANDIDATES for n, pk in enumerate(by_text)}
    area_key = getattr(focus_area, "key", None)
    matches = []
    for project in projects:
        match = Match(project)
        codes = by_targets.get(project.pk, [])
        if codes:
            match.score += 2 * len(codes)
            match.reasons.append(_("Shares SDG targets %(targets)s") % {"targets": ", ".join(codes)})
        if area_key and project.focus_area_id and project.focus_area.key == area_key:
            match.score += 1.5
            match.reasons.append(_("Same focus area: %(area)s") % {"area": pick(project.focus_area.name)})
        if project.pk in text_rank:
            match.score += text_rank[project.pk]
            match.reasons.append(_("Similar words in its title or summary"))
        matches.append(match)
    matches.sort(key=lambda m: (m.project.status not in DONE, -m.score, m.project.pk))
    matches = matches[:limit]
    lessons = (
        visible_lessons(user)
        .filter(project__in=[m.project.pk for m in matches] or [0])
        .order_by("-recorded_on")
    )
    by_project: dict[int, list] = {}
    for lesson in lessons:
        by_project.setdefault(lesson.project_id, []).append(lesson)
    for match in matches:
        match.lessons = by_project.get(match.project.pk, [])[:2]
    return matches


def similar_to_project(user, project) -> list:
    """Similar work in other organisations, kept per project and reader until any project changes."""
    return fragments.cached(
        f"similar:{project.pk}:{getattr(user, 'pk', None)}:{get_language()}",  # the reasons are in words
        ["projects", "catalogue", *fragments.readers(user)],  # "catalogue": the lessons shown with them
        lambda: similar_projects(
            user,
            title=project.title,
            summary=project.summary,
            focus_area=project.focus_area,
            targets=positive_targets(project),
            exclude_project=project,
            exclude_organisation=project.organisation,
        ),
    )


def draft_matches(user, organisation, data) -> list:
    """Similar work for a text being written (``data``: title, summary or description, focus_area)."""
    title = data.get("title", "")[:200]
    summary = (data.get("summary") or data.get("description") or "")[:2000]
    if len(title.strip()) < 4 and len(summary.strip()) < 12:
        return []
    area = None
    try:
        area = FocusArea.objects.filter(pk=int(data.get("focus_area") or 0)).first()
    except (TypeError, ValueError):
        pass
    return similar_projects(
        user, title=title, summary=summary, focus_area=area, exclude_organisation=organisation
    )
