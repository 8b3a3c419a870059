"""What a dashboard counts: the projects of a programme, an organisation or a network that the reader
may see, over a period, with the phases they are grouped in.

Access is decided here, once per kind of dashboard (404 for anyone who may not see it):
- a programme's dashboard: whoever sees the programme (its organisation's staff, its network's members
  and operators, its coordinators and steering group);
- an organisation's: its own staff (not invited partners);
- a network's: its operators and the staff of its member organisations.
Every count then goes through ``visible_projects``: a private project of another organisation in the
same network is never counted, on any dashboard.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Q, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from innocities.accounts.roles import roles_of
from innocities.core.i18n import pick
from innocities.organisations.access import get_network_for_user, get_organisation_for_user
from innocities.pipeline.access import visible_ideas, visible_projects
from innocities.programmes.access import get_programme_for_user, visible_programmes
from innocities.programmes.models import Phase, Programme

KINDS = {
    "programme": pgettext_lazy("a kind of dashboard", "Programme"),
    "organisation": pgettext_lazy("a kind of dashboard", "Organisation"),
    "network": pgettext_lazy("a kind of dashboard", "Network"),
}


@dataclass(frozen=True)
class PhaseGroup:
    key: str
    label: str
    order: int
    has_gate: bool
    gate_label: str


@dataclass(frozen=True)
class Scope:
    kind: str
    owner: object
    reader: object
    projects: object  # a queryset of the projects counted
    ideas: object  # a queryset of the ideas counted (open calls)
    phases: tuple[PhaseGroup, ...]
    start: date
    end: date
    today: date
    # what several figures of one period share (the decisions counted by phase and kind): kept once
    memo: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def within(self, start: date, end: date) -> Scope:
        return dataclasses.replace(self, start=start, end=end, memo={})


def _phase_groups(programmes, own) -> tuple[PhaseGroup, ...]:
    """The phases of the programmes' methods, one group per key: each method's phases together and in
    their order (a network whose members use two methods shows the one, then the other's own phases),
    the methods of the owner's own programmes (``own``) first; a key's label is the first method's."""
    groups: dict[str, PhaseGroup] = {}
    rank: dict[str, tuple[int, int]] = {}
    phases = (
        Phase.objects.filter(method__in=programmes.values("method"))
        .select_related("gate")
        .annotate(own=Case(When(method__in=own.values("method"), then=0), default=1))
        .order_by("own", "method_id", "order")
    )
    methods: list[int] = []
    for phase in phases:
        if phase.method_id not in methods:
            methods.append(phase.method_id)
        gate = getattr(phase, "gate", None)
        known = groups.get(phase.key)
        if known is None:
            groups[phase.key] = PhaseGroup(
                phase.key, phase.label, phase.order, gate is not None, pick(gate.name) if gate else ""
            )
            rank[phase.key] = (methods.index(phase.method_id), phase.order)
        elif gate is not None and not known.has_gate:
            groups[phase.key] = dataclasses.replace(known, has_gate=True, gate_label=pick(gate.name))
    return tuple(sorted(groups.values(), key=lambda g: rank[g.key]))


def _scope(kind, owner, reader, projects, ideas, programmes, own, start=None, end=None) -> Scope:
    today = timezone.localdate()
    return Scope(
        kind=kind,
        owner=owner,
        reader=reader,
        projects=projects,
        ideas=ideas,
        phases=_phase_groups(programmes, own),
        start=start or date(today.year, 1, 1),
        end=end or date(today.year, 12, 31),
        today=today,
    )


def programme_scope(user, slug) -> Scope:
    programme = get_programme_for_user(user, slug)
    return _scope(
        "programme",
        programme,
        user,
        visible_projects(user).filter(programme=programme),
        visible_ideas(user).filter(programme=programme),
        Programme.objects.filter(pk=programme.pk),
        Programme.objects.filter(pk=programme.pk),
    )


def organisation_scope(user, slug) -> Scope:
    organisation = get_organisation_for_user(user, slug)
    if not roles_of(user).is_full_member(organisation.pk):
        raise Http404
    programmes = visible_programmes(user).filter(
        Q(organisation=organisation) | Q(network__members=organisation)
    )
    return _scope(
        "organisation",
        organisation,
        user,
        visible_projects(user).filter(organisation=organisation),
        visible_ideas(user).filter(organisation=organisation),
        programmes,
        programmes.filter(organisation=organisation),
    )


def may_see_network(user, network, members=None) -> bool:
    """A network's dashboard is for its operators and the staff of its member organisations."""
    roles = roles_of(user)
    if members is None:
        members = set(network.members.values_list("pk", flat=True))
    return network.pk in roles.operated_network_ids or bool(members & roles.full_org_ids)


def network_scope(user, slug) -> Scope:
    network = get_network_for_user(user, slug)
    members = set(network.members.values_list("pk", flat=True))
    if not may_see_network(user, network, members):
        raise Http404
    # the phases of the programmes the reader sees: another organisation's adapted method stays its own
    programmes = visible_programmes(user).filter(Q(network=network) | Q(organisation__in=members))
    return _scope(
        "network",
        network,
        user,
        visible_projects(user).filter(organisation__in=members),
        visible_ideas(user).filter(organisation__in=members),
        programmes,
        programmes.filter(network=network),
    )


SCOPES = {"programme": programme_scope, "organisation": organisation_scope, "network": network_scope}


def scope_for(user, kind: str, slug: str) -> Scope:
    if kind not in SCOPES:
        raise Http404
    return SCOPES[kind](user, slug)
