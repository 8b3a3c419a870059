"""Co-production and citizen engagement in the demo, written through the same actions the pages use.

Everything here runs inside the loader's transaction, with notifications muted. ``_Coproduction``
adds the actors organisations work with before the projects are written (``prepare``), each project's
participation as the project is written, before its gate decisions (``participate``: the sustainability
assessments a gate asks for name the actors taking part), and then, in ``build(demo)`` after the
projects, the workshops and other activities held. ``build`` goes on with two open calls with citizens'
ideas, comments and support, an evaluation round, and a few notifications written directly (so nothing
is emailed or queued).

Work in projects keeps the demo's fixed dates. The open calls are open around the real date the demo
is loaded, so everything in them is dated by days after the call opened.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from innocities.accounts.models import User
from innocities.coproduction.actions import record_activity, save_actor, save_participation
from innocities.coproduction.models import SECTOR_FIELDS, Activity, Actor, Commitment, Depth
from innocities.engagement import actions as engagement
from innocities.engagement.models import Comment, Follow, OpenCall, Report, Support
from innocities.evaluation.actions import add_default_criteria, invite_evaluator, score_idea
from innocities.evaluation.models import Evaluator, Score
from innocities.notifications.models import Kind, Notification
from innocities.pipeline import actions as pipeline
from innocities.pipeline.models import (
    Challenge,
    GateDecision,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    Project,
    ProjectStatus,
    TeamRole,
)

from . import data

SEED = 2027  # separate from the projects' generator, so adding here never reshuffles the projects
TODAY = data.DEMO_TODAY
ZONE = ZoneInfo("Europe/Oslo")
ENDED = (ProjectStatus.STOPPED, ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED)

# How many actors take part in a project, and how deeply (IAP2), by the phase it has reached. Every
# level occurs: a funder or a supplier is at times only kept informed.
ACTORS_PER_PHASE = {2: (1, 2), 3: (1, 3), 4: (2, 4), 5: (2, 5), 6: (2, 5)}
DEPTHS = {
    2: [Depth.INFORM, Depth.CONSULT, Depth.INVOLVE, Depth.INVOLVE, Depth.COLLABORATE],
    3: [Depth.INFORM, Depth.CONSULT, Depth.INVOLVE, Depth.COLLABORATE, Depth.COLLABORATE],
    4: [Depth.INFORM, Depth.INVOLVE, Depth.COLLABORATE, Depth.COLLABORATE, Depth.EMPOWER],
    5: [Depth.INFORM, Depth.INVOLVE, Depth.COLLABORATE, Depth.EMPOWER, Depth.EMPOWER],
    6: [Depth.INFORM, Depth.INVOLVE, Depth.COLLABORATE, Depth.EMPOWER, Depth.EMPOWER],
}
# Only a funder or a supplier may be only informed; co-creators, experts, test users and future owners
# are at least consulted.
INFORMED_ROLES = {"funder", "supplier"}
NO_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def norwegian_org_number(base: str) -> str:
    """Eight digits and their modulus-11 check digit. No number has the check digit 10, so such a base
    is skipped for the next one."""
    number = int(base)
    while True:
        digits = f"{number:08d}"
        check = 11 - sum(int(d) * w for d, w in zip(digits, NO_WEIGHTS, strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return digits + str(check)
        number += 1


def swedish_org_number(base: str) -> str:
    """Nine digits and their Luhn check digit, written as Swedish organisation numbers are: 556016-2145."""
    total = 0
    for position, char in enumerate(base):
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    number = base + str(-total % 10)
    return f"{number[:6]}-{number[6:]}"


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


def build(demo, *, password: str) -> None:
    """The activities, after the projects are written, then citizen engagement.

    The actors and their participation come first (``demo.coproduction``, see ``_Coproduction``): a
    project's actors exist before its gate decisions, so its sustainability assessments can name them.
    """
    demo.coproduction.activities()
    cache.clear()  # the citizens' rate limits count in the cache; start and leave it empty
    try:
        _Engagement(demo, password).build()
    finally:
        cache.clear()


class _Coproduction:
    """Actors, then each project's participations as the project is written, then the activities.

    The calls come in this order, participations in the order the projects are written, so the draws
    of the generator are the same as when everything was written after the projects.
    """

    def __init__(self, demo):
        self.demo = demo
        self.rng = random.Random(SEED)
        self.actors = {}  # org slug -> [(actor, areas, person email)]
        self.persona_spec = None

    def prepare(self, specs):
        """The actors of every organisation with projects, before any project is written."""
        persona_specs = sorted(
            (s for s in specs if s.partner == data.HALDEN_PARTNER_EMAIL), key=lambda s: s.start
        )
        self.persona_spec = persona_specs[0]  # the persona is named on one of the two projects, not both
        self._actors(specs)

    def activities(self):
        self._activities()

    def _actors(self, specs):
        demo, rng = self.demo, self.rng
        first_start = {}
        for spec in specs:
            slug = spec.org["slug"]
            first_start[slug] = min(first_start.get(slug, spec.start), spec.start)
        for slug, entries in data.ACTORS.items():
            if slug not in first_start:
                continue  # actors only for organisations with projects
            organisation = demo.orgs[slug]
            coordinator = demo._coordinator_of(slug)
            self.actors[slug] = []
            for entry in entries:
                number = entry["number"]
                if number:
                    number = (
                        norwegian_org_number(number)
                        if organisation.country == "NO"
                        else swedish_org_number(number)
                    )
                contact = entry.get("contact") or {}
                consent_on = contact.get("consent_on")
                actor = save_actor(
                    organisation=organisation,
                    actor_user=coordinator,
                    name=entry["name"],
                    sector=entry["sector"],
                    country=organisation.country,
                    org_number=number,
                    description=entry["description"],
                    contact_name=contact.get("name", ""),
                    contact_email=contact.get("email", ""),
                    consent_on=consent_on,
                    consent_purpose=contact.get("purpose", ""),
                )
                created = first_start[slug] - timedelta(days=rng.randint(5, 40))
                if consent_on:
                    created = min(created, consent_on)
                updated = max(created, consent_on or created)
                demo.stamps[Actor].append((actor, _at(created, 10, rng.randint(0, 59)), _at(updated, 11)))
                self.actors[slug].append((actor, entry["areas"], entry.get("person", "")))
                demo.counts["actors"] += 1

    def participate(self, spec, project):
        """The actors taking part in one project, written with the project, before its gate decisions."""
        demo, rng, persona_spec = self.demo, self.rng, self.persona_spec
        phase = 6 if spec.status in (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED) else spec.phase
        if phase < 2 or (rng.random() < 0.15 and spec is not persona_spec):
            return
        pool = self.actors[spec.org["slug"]]
        matching = [a for a in pool if not a[1] or spec.area in a[1]]
        chosen = rng.sample(matching, min(len(matching), rng.randint(*ACTORS_PER_PHASE[phase])))
        # The partner on the team takes part for their organisation, where it works in the area.
        partner = [a for a in matching if spec.partner and a[2] == spec.partner]
        if partner and partner[0] not in chosen:
            chosen = (partner + chosen)[: ACTORS_PER_PHASE[phase][1]]
        lead = demo.users[spec.lead]
        end = min(TODAY, spec.ends_on) if spec.status in ENDED else TODAY
        span = max(0, (end - spec.start).days)
        for actor, _areas, person_email in chosen:
            role = rng.choice(data.ACTOR_ROLES[actor.sector])
            depth = rng.choice(DEPTHS[phase])
            person = None
            if person_email and person_email == spec.partner:
                if person_email != data.HALDEN_PARTNER_EMAIL or spec is persona_spec:
                    person = demo.users[person_email]
                    role = "expert" if actor.sector == "academia" else "co_creator"
                    depth = max(depth, Depth.COLLABORATE)
            if actor.sector == "citizens":
                depth = min(depth, Depth.COLLABORATE if phase >= 4 else Depth.INVOLVE)
            if role == "future_owner" and phase >= 4:
                depth = max(depth, Depth.COLLABORATE)
            if depth == Depth.INFORM and role not in INFORMED_ROLES:
                depth = Depth.CONSULT
            starts_on = spec.start + timedelta(days=rng.randint(0, span // 3))
            commitment, commitment_on = Commitment.NONE, None
            if phase >= 4 and role != "test_arena" and rng.random() < 0.1:
                commitment = Commitment.AGREEMENT
            elif phase >= 3 and rng.random() < 0.06:
                commitment = Commitment.LETTER_OF_INTENT
            if commitment:
                commitment_on = starts_on + timedelta(days=rng.randint(0, max(0, (end - starts_on).days)))
            save_participation(
                project=project,
                actor=actor,
                user=lead,
                role=role,
                depth=depth,
                starts_on=starts_on,
                ends_on=spec.ends_on if spec.status in ENDED else None,
                commitment=commitment,
                commitment_on=commitment_on,
                person=person,
            )
            demo.counts["participations"] += 1

    def _activities(self):
        demo, rng = self.demo, self.rng
        for spec, project in demo.built:
            if rng.random() < 0.2:
                continue
            lead, lang = demo.users[spec.lead], spec.lang
            facilitators = [lead.full_name] * 3 + [demo.users[e].full_name for e in spec.members]
            if spec.partner:
                facilitators.append(demo.users[spec.partner].full_name)
            outcomes = data.ACTIVITY_OUTCOMES[spec.method][lang]
            for order, entered, left, _how in spec.segments:
                end = min(left or TODAY, TODAY)
                span = (end - entered).days
                if span < 3:
                    continue
                wanted = rng.choice([1, 1, 2] if left is None else [0, 1, 1, 2])
                phase = demo.phases[(spec.method, order)]
                for offset in sorted(rng.sample(range(1, span), min(wanted, span - 1))):
                    held_on = entered + timedelta(days=offset)
                    tool = rng.choice(phase.tools)
                    kind, audience = (data.ACTIVITY_TOOLS[tool["key"]][k] for k in ("kind", "audience"))
                    counts = {
                        SECTOR_FIELDS[sector]: rng.randint(*bounds)
                        for sector, bounds in data.ACTIVITY_PEOPLE[audience].items()
                    }
                    title_format = data.ACTIVITY_TITLES[lang][kind]
                    if tool["key"] == "co-creation-workshop":
                        title_format = "{tool} {audience}"
                    activity = record_activity(
                        project=project,
                        user=lead,
                        phase=phase,
                        kind=kind,
                        title=title_format.format(
                            tool=tool["name"][lang], audience=data.ACTIVITY_AUDIENCE[lang][audience]
                        ),
                        held_on=held_on,
                        tool=tool["key"],
                        facilitator=rng.choice(facilitators),
                        outcomes=f"{outcomes[tool['key']]} {rng.choice(data.ACTIVITY_FOLLOW_UPS[lang])}",
                        **counts,
                    )
                    written = _at(min(TODAY, held_on + timedelta(days=1)), 15, rng.randint(0, 59))
                    demo.stamps[Activity].append((activity, written, written))
                    demo.counts["activities"] += 1


class _Engagement:
    def __init__(self, demo, password: str):
        self.demo = demo
        self.password = password
        self.rng = random.Random(SEED + 1)
        self.citizens: dict[str, User] = {}
        self.ideas = {}  # idea key -> Idea
        self.idea_times = {}  # idea pk -> [created, updated]
        self.support_times, self.follow_times = {}, {}  # (idea pk, user pk) -> when
        self.comments = {}  # (idea key, author email, day) -> (comment, when)
        self.changes = {}  # (idea key, status) -> (change, when)
        self.evaluators = {}  # who -> (evaluator, when)
        self.challenge = None  # the challenge of the evaluated call

    def build(self):
        self._citizens()
        for cd in data.OPEN_CALLS:
            self._call(cd)
        self._backdate()
        self._notifications()

    def _citizens(self):
        for email, citizen in data.CITIZENS.items():
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(email=email, full_name=citizen["name"], language=citizen["language"])
                user.set_unusable_password()
            if email == data.CITIZEN_PERSONA_EMAIL:
                user.set_password(self.password)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            self.citizens[email] = user
        self.demo.counts["citizens"] = len(self.citizens)

    def _call(self, cd):
        demo, rng = self.demo, self.rng
        slug, area = cd["organisation"], cd["area"]
        coordinator = demo.coordinators[cd["programme"]][0]
        opens = timezone.localdate() - timedelta(days=data.CALL_OPENED_DAYS_AGO)

        def on(day, hour=None):
            hour = rng.randint(8, 21) if hour is None else hour
            return _at(opens + timedelta(days=day), hour, rng.randint(0, 59))

        challenge = pipeline.create_challenge(
            organisation=demo.orgs[slug],
            actor=coordinator,
            programme=demo.programmes[cd["programme"]],
            focus_area=demo.focus[area],
            title=cd["title"],
            description=cd["description"],
            evidence=cd["evidence"],
            strategic_goal=demo._goals_for(slug, area)[0],
            status="open",
            visibility="public",
        )
        demo.stamps[Challenge].append((challenge, on(-9, 10), on(-2, 9)))
        call = engagement.publish_call(
            challenge=challenge,
            invitation=cd["invitation"],
            opens_on=opens,
            closes_on=opens + timedelta(days=data.CALL_OPEN_DAYS),
            actor=coordinator,
        )
        demo.stamps[OpenCall].append((call, on(-2, 9), None))
        demo.counts["open_calls"] += 1
        # The people taking part in the call: they signed up when it opened.
        people = sorted(
            {i["author"] for i in cd["ideas"]} | ({c["author"] for c in cd["comments"]} - {"coordinator"})
        )
        for email in people:
            joined = on(0, 8)
            if self.citizens[email].date_joined > joined:
                User.objects.filter(pk=self.citizens[email].pk).update(date_joined=joined)

        days = {}
        for idea_data in cd["ideas"]:
            author = self.citizens[idea_data["author"]]
            idea = engagement.submit_call_idea(
                call=call, title=idea_data["title"], description=idea_data["description"], actor=author
            )
            created = on(idea_data["day"])
            self.ideas[idea_data["key"]] = idea
            self.idea_times[idea.pk] = [created, created]
            self.follow_times[(idea.pk, author.pk)] = created
            days[idea_data["key"]] = idea_data["day"]
            demo.counts["citizen_ideas"] += 1

        # Supporters, each once, from the people taking part in the call (not the author).
        for idea_data in cd["ideas"]:
            idea = self.ideas[idea_data["key"]]
            others = [email for email in people if email != idea_data["author"]]
            for email in rng.sample(others, min(len(others), idea_data["supporters"])):
                user = self.citizens[email]
                engagement.support_idea(idea=idea, actor=user)
                when = on(min(18, idea_data["day"] + rng.randint(0, 5)))
                self.support_times[(idea.pk, user.pk)] = max(
                    when, self.idea_times[idea.pk][0] + timedelta(hours=1)
                )
                demo.counts["supports"] += 1

        for entry in cd["comments"]:
            key, email, day, text = entry["idea"], entry["author"], entry["day"], entry["text"]
            idea = self.ideas[key]
            author = coordinator if email == "coordinator" else self.citizens[email]
            comment = engagement.post_comment(idea=idea, text=text, actor=author)
            when = max(on(day), self.idea_times[idea.pk][0] + timedelta(hours=2))
            demo.stamps[Comment].append((comment, when, None))
            self.comments[(key, email, day)] = (comment, when)
            demo.counts["comments"] += 1
            if "reported" in entry:
                reporter, reason = entry["reported"]["by"], entry["reported"]["reason"]
                report = engagement.report(actor=self.citizens[reporter], reason=reason, comment=comment)
                demo.stamps[Report].append((report, when + timedelta(hours=3), None))
            elif "hidden" in entry:
                engagement.hide(obj=comment, reason=entry["hidden"], actor=coordinator)
                Comment.objects.filter(pk=comment.pk).update(hidden_at=when + timedelta(hours=16))
            else:
                engagement.set_following(idea=idea, actor=author, follow=True)
                self.follow_times.setdefault((idea.pk, author.pk), when)

        for idea_data in cd["ideas"]:
            idea = self.ideas[idea_data["key"]]
            for change_data in idea_data["changes"]:
                status, day, reason = change_data["status"], change_data["day"], change_data["reason"]
                when = on(day, rng.randint(9, 15))
                if status == "promote":
                    self._promote(cd, idea, coordinator, when)
                    status = IdeaStatus.SELECTED
                else:
                    pipeline.set_idea_status(idea=idea, status=status, reason=reason, actor=coordinator)
                change = idea.status_changes.order_by("-pk").first()
                demo.stamps[IdeaStatusChange].append((change, when, None))
                self.changes[(idea_data["key"], status)] = (change, when)
                self.idea_times[idea.pk][1] = when

        if "evaluation" in cd:
            self._evaluation(cd, challenge, coordinator, on)

    def _promote(self, cd, idea, coordinator, when):
        demo, promote = self.demo, cd["promote"]
        slug, area = cd["organisation"], cd["area"]
        starts = when.date()
        project = pipeline.promote_idea(
            idea=idea,
            actor=coordinator,
            lead=demo.users[promote["lead"]],
            visibility=promote["visibility"],
            summary=promote["summary"],
            expected_benefits=promote["expected_benefits"],
            focus_area=demo.focus[area],
            strategic_goals=demo._goals_for(slug, area)[:1],
            starts_on=starts,
            ends_on=starts + timedelta(days=365),
        )
        demo.stamps[Project].append((project, when, when + timedelta(minutes=5)))
        demo.counts["projects"] += 1
        demo.counts["promoted_call_ideas"] += 1

    def _evaluation(self, cd, challenge, coordinator, on):
        demo, rng, plan = self.demo, self.rng, cd["evaluation"]
        self.challenge = challenge
        criteria = add_default_criteria(challenge=challenge, actor=coordinator)
        invited = on(plan["invited_day"], 10)
        for n, (who, kwargs) in enumerate(
            [
                ("coordinator", {"user": coordinator}),
                ("leader", {"user": demo.users["leader@halden.example"]}),
                ("expert", {"email": data.EXPERT_EMAIL, "full_name": data.EXPERT_NAME}),
            ]
        ):
            evaluator = invite_evaluator(challenge=challenge, actor=coordinator, **kwargs)
            when = invited + timedelta(minutes=3 * n)
            demo.stamps[Evaluator].append((evaluator, when, None))
            self.evaluators[who] = (evaluator, when)
        expert = self.evaluators["expert"][0].user
        expert.set_password(self.password)
        expert.title, expert.language = data.EXPERT_TITLE, "nb"
        expert.save()

        quality = {i["key"]: i["quality"] for i in cd["ideas"]}
        for who in ("coordinator", "expert"):
            evaluator = self.evaluators[who][0]
            for n, key in enumerate(plan[who]):
                scores = {}
                for order, criterion in enumerate(criteria):
                    value = max(1, min(5, quality[key] + rng.choice([-1, 0, 0, 0, 1])))
                    high, low = data.SCORE_COMMENTS[order]["high"], data.SCORE_COMMENTS[order]["low"]
                    comment = ""
                    if value >= 4 and rng.random() < 0.35:
                        comment = high
                    elif value <= 2 and rng.random() < 0.7:
                        comment = low
                    if who == "expert" and order == 2 and key in data.EXPERT_NOTES:
                        comment = data.EXPERT_NOTES[key]
                    scores[criterion.pk] = (value, comment)
                score_idea(evaluator=evaluator, idea=self.ideas[key], scores=scores)
                when = on(min(18, plan["invited_day"] + 1 + n), rng.randint(9, 16))
                Score.objects.filter(evaluator=evaluator, idea=self.ideas[key]).update(updated_at=when)
                demo.counts["evaluation_scores"] += len(scores)

    def _backdate(self):
        """Date the ideas, supports and follows as they happened (the loader dates the rest)."""
        demo = self.demo
        for idea in self.ideas.values():
            created, updated = self.idea_times[idea.pk]
            demo.stamps[Idea].append((idea, created, updated))
        pks = list(self.idea_times)
        supports = list(Support.objects.filter(idea_id__in=pks))
        for support in supports:
            support.created_at = self.support_times[(support.idea_id, support.user_id)]
        Support.objects.bulk_update(supports, ["created_at"])
        follows = list(Follow.objects.filter(idea_id__in=pks))
        for follow in follows:  # supporters follow from the day the idea became a project
            follow.created_at = self.follow_times.get(
                (follow.idea_id, follow.user_id), self.idea_times[follow.idea_id][1]
            )
        Follow.objects.bulk_update(follows, ["created_at"])
        demo.counts["follows"] = len(follows)

    # --- notifications -----------------------------------------------------------------------------

    def _notifications(self):
        """A few notifications as delivery makes them: the event's kind, key, data and link, never prose,
        so each reader reads them in their own language. Some are read; all are marked as emailed, so
        that nothing is sent later."""
        users, now = self.demo.users, timezone.now()
        kari = self.citizens[data.CITIZEN_PERSONA_EMAIL]
        anna, erik = self.citizens["anna.svensson@example.com"], self.citizens["erik.johansson@example.com"]
        coordinator = users["coordinator@halden.example"]
        lead = users["lead@halden.example"]
        rows = [
            (kari, *self._status("h-app", IdeaStatus.UNDER_REVIEW), True),
            (kari, *self._comment("h-app", "coordinator", 4), True),
            (kari, *self._comment("h-app", "astrid.bakken@example.com", 6), False),
            (kari, *self._status("h-toilets", IdeaStatus.UNDER_REVIEW), False),
            (kari, *self._status("h-app", IdeaStatus.SELECTED), False),
            (coordinator, *self._comment("h-app", "astrid.bakken@example.com", 6), True),
            (coordinator, *self._comment("h-app", "citizen@example.com", 7), False),
            (coordinator, *self._comment("h-meters", "ola.hansen@example.com", 6), False),
            (self.evaluators["expert"][0].user, *self._evaluation_assigned("expert"), True),
            (users["leader@halden.example"], *self._evaluation_assigned("leader"), False),
            # Swedish readers: citizens answering Eskilstuna's call.
            (anna, *self._status("e-walkingbus", IdeaStatus.UNDER_REVIEW), True),
            (anna, *self._comment("e-walkingbus", "coordinator", 5), False),
            (erik, *self._status("e-schoolstreet", IdeaStatus.UNDER_REVIEW), True),
            (erik, *self._status("e-schoolstreet", IdeaStatus.SELECTED), False),
        ]
        decisions = (
            GateDecision.objects.filter(
                project__programme=self.demo.programmes["halden"],
                project__team__user=lead,
                project__team__role=TeamRole.LEAD,
            )
            .select_related("project", "gate")
            .order_by("-decided_on", "-pk")[:2]
        )
        for n, decision in enumerate(decisions):
            content = {
                "project": decision.project.title,
                "gate_name": decision.gate.name,
                "decision_code": decision.decision,
            }
            when = _at(decision.decided_on, 15, 50)
            url = decision.project.get_absolute_url()
            rows.append((lead, Kind.GATE_DECIDED, f"gate-{decision.pk}", content, url, when, n > 0))
        for recipient, kind, key, content, url, when, read in rows:
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                key=key,
                data=content,
                url=url,
                read_at=min(now, when + timedelta(hours=20)) if read else None,
                emailed_at=min(now, when + timedelta(minutes=2)),
            )
            self.demo.stamps[Notification].append((notification, min(now, when + timedelta(minutes=1)), None))
        self.demo.counts["notifications"] = len(rows)

    def _status(self, key, status):
        change, when = self.changes[(key, status)]
        idea = self.ideas[key]
        content = {"idea": idea.title, "status_code": str(status), "reason": change.reason}
        return Kind.IDEA_STATUS, f"idea-status-{change.pk}", content, idea.get_public_url(), when

    def _comment(self, key, author, day):
        comment, when = self.comments[(key, author, day)]
        idea = self.ideas[key]
        content = {"idea": idea.title, "author": comment.author.full_name}
        url = f"{idea.get_public_url()}#comment-{comment.pk}"
        return Kind.COMMENT, f"comment-{comment.pk}", content, url, when

    def _evaluation_assigned(self, who):
        evaluator, when = self.evaluators[who]
        url = reverse("evaluation:round", args=[self.challenge.pk])
        content = {"challenge": self.challenge.title}
        return Kind.EVALUATION_ASSIGNED, f"evaluator-{evaluator.pk}", content, url, when
