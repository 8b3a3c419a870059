"""Extension points: what the modules above the pipeline add to it, declared in their ``AppConfig.ready()``.

A handful of plain dataclasses kept in lists, not a framework. The pipeline (and the site on top)
reads them; nothing here imports an app. Modeled on Decidim's component manifests (a module declares
its panels, figures and exports) and adhocracy4's phase content, kept as small as the house needs.

    registry.add_panel("project", Panel(key="sustainability", order=30, template="…", context=fn))
    registry.add_requirement(GateRequirement(tag="sdg_assessment", check=fn, message=_("…")))
    registry.on("idea_promoted", fn)                      # fn(idea=…, project=…, actor=…)
    registry.add_event(Event(name="gate_decided", kind="gate_decided", resolve=fn, text=fn))
    registry.add_personal_data(PersonalData(model="engagement.Comment", fields=("author",), …))
    registry.add_figure("dashboard", Figure(key="helix", order=10, section="coproduction", …))
    registry.add_searchable(Searchable(kind="project", model="pipeline.Project", document=fn, visible=fn, …))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .tables import total_order

# --- pages -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """A section a module adds to a page (``place``: "project", "gate", "my_work", "organisation", …).

    ``context(request, obj)`` returns the template's variables, or None to leave the panel out.
    """

    key: str
    order: int
    template: str
    context: Callable[[Any, Any], dict | None]
    label: Any = ""  # for the page's "on this page" links; the key is the section's anchor


@dataclass(frozen=True)
class NavItem:
    """A link in the main menu, shown only to people for whom ``visible(user)`` holds."""

    key: str
    order: int
    label: Any
    url_name: str
    visible: Callable[[Any], bool]
    group: str = "main"  # "main" or "more"


# --- the process -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GateRequirement:
    """The evidence a must-meet criterion tagged ``tag`` asks for: ``check(project)`` says if it is there."""

    tag: str
    check: Callable[[Any], bool]
    message: Any


# --- notifications ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """Who hears of one event and what they read: composed later in each reader's language by ``text``."""

    key: str
    data: dict
    url: str
    people: set[int]
    exclude: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Event:
    """Something a module publishes (``core.events.publish``); ``resolve(ids)`` → Delivery or None."""

    name: str
    kind: str
    resolve: Callable[[dict], Delivery | None]
    text: Callable[[dict], str]


@dataclass(frozen=True)
class Audience:
    """More people a module wants told of another module's event (followers of an idea, …)."""

    event: str
    people: Callable[[dict], Iterable[int]]


# --- personal data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonalData:
    """How a model that names a person is exported and erased when that person closes the account.

    ``fields`` are the model's foreign keys (or many-to-many fields) to the user model that this entry
    accounts for; a test fails when such a field is claimed by no entry. ``export(user)`` returns rows
    (a list of dicts) or None; ``erase(user, successor)`` removes or pseudonymises what must go.
    """

    model: str
    fields: tuple[str, ...]
    section: str
    export: Callable[[Any], list[dict]] | None = None
    erase: Callable[..., None] | None = None
    order: int = 100


def rows(queryset, *fields) -> list[dict]:
    """A personal-data export's rows: the fields asked for, dates written as ISO text; in the queryset's
    order with the primary key last (``tables.total_order``), so the same data exports the same bytes."""
    return [
        {f: (v.isoformat() if hasattr(v, "isoformat") else v) for f, v in zip(fields, row, strict=True)}
        for row in total_order(queryset).values_list(*fields)
    ]


# --- figures (dashboards, their reports and exports) --------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure a module contributes to the dashboards, their reports and exports.

    ``compute(scope)`` returns a ``core.tables.Table``. The scope is the dashboard's: ``projects`` (the
    projects counted, already limited to what the reader may see), ``start`` and ``end`` (the period,
    dates inclusive), ``phases`` (the phase groups shown, in order: ``key``, ``label``), ``reader`` and
    ``owner`` (the programme, organisation or network). ``drill(scope, ref)`` returns the projects behind
    a cell whose ``ref`` it set; ``compares``: computed again for the previous period, to show the
    change. ``rule`` says, in a sentence or two, how the figure is counted; ``section`` groups figures.
    """

    key: str
    order: int
    section: str
    label: Any
    rule: Any
    compute: Callable[[Any], Any]
    drill: Callable[[Any, str], Any] | None = None
    compares: bool = True
    scopes: tuple[str, ...] = ("programme", "organisation", "network")


# --- search and the public catalogue ---------------------------------------------------------------


@dataclass(frozen=True)
class Searchable:
    """A kind of object that the one search box finds (the catalogue keeps an index of documents).

    ``document(obj)`` returns the fields of the object's document — ``title``, ``summary``, ``body``
    (weighted in that order), ``language``, ``organisation_id``, ``visibility``, ``url`` (for people
    signed in), ``public_url`` (for anyone, or "" when the object has no public page), ``status`` — or
    None to keep it out of the index. ``visible(user)`` is a ``Q`` over the document's ``visibility``,
    ``organisation_id`` and ``object_id``, from the access module of the app that owns the object:
    search shows a person only what the object's own pages would. ``objects()`` is the queryset that
    ``reindex`` walks; the index follows saves and deletes of ``model``.
    """

    kind: str
    order: int
    label: Any
    model: str
    document: Callable[[Any], dict | None]
    visible: Callable[[Any], Any]
    objects: Callable[[], Any]


# --- daily work -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Daily:
    """Work queued once a day at ``hour()`` local time by the scheduler ``innocities serve`` starts
    (the daily digest, the open data files): ``enqueue()`` puts it on the task queue."""

    key: str
    hour: Callable[[], int]
    enqueue: Callable[[], Any]


_panels: dict[str, list[Panel]] = defaultdict(list)
_nav: list[NavItem] = []
_requirements: dict[str, GateRequirement] = {}
_hooks: dict[str, list[Callable]] = defaultdict(list)
_events: dict[str, Event] = {}
_audiences: dict[str, list[Audience]] = defaultdict(list)
_personal_data: list[PersonalData] = []
_figures: dict[str, list[Figure]] = defaultdict(list)
_searchables: list[Searchable] = []
_daily: list[Daily] = []

HOOKS = {
    "idea_promoted": "(idea, project, actor): carry over what the idea gathered",
    "method_adapted": "(programme, phase_map, actor): rows that point at the old phases follow",
    "account_closing": "(user, successor): invariants before a person's data is erased",
    "member_leaving": "(user, organisation, actor): a person leaves one organisation; hand over their work",
}


def _unique(items, key, what):
    if any(item.key == key for item in items):
        raise ValueError(f"{what} {key!r} is registered twice")


def add_panel(place: str, panel: Panel) -> None:
    _unique(_panels[place], panel.key, f"{place} panel")
    _panels[place].append(panel)


def panels(place: str) -> list[Panel]:
    return sorted(_panels[place], key=lambda p: p.order)


def render_panels(place: str, request, obj) -> list[tuple[Panel, dict]]:
    """The place's panels with their context, leaving out those that answer None."""
    out = []
    for panel in panels(place):
        context = panel.context(request, obj)
        if context is not None:
            out.append((panel, context))
    return out


def add_nav(item: NavItem) -> None:
    _unique(_nav, item.key, "menu item")
    _nav.append(item)


def nav(user) -> list[NavItem]:
    return [item for item in sorted(_nav, key=lambda i: i.order) if item.visible(user)]


def add_requirement(requirement: GateRequirement) -> None:
    if requirement.tag in _requirements:
        raise ValueError(f"gate requirement {requirement.tag!r} is registered twice")
    _requirements[requirement.tag] = requirement


def requirement(tag: str) -> GateRequirement | None:
    return _requirements.get(tag)


def requirement_tags() -> set[str]:
    return set(_requirements)


def on(hook: str, function: Callable) -> None:
    if hook not in HOOKS:
        raise ValueError(f"unknown hook {hook!r}; known: {sorted(HOOKS)}")
    _hooks[hook].append(function)


def run(hook: str, **kwargs) -> None:
    for function in _hooks[hook]:
        function(**kwargs)


def add_event(event: Event) -> None:
    if event.name in _events:
        raise ValueError(f"event {event.name!r} is registered twice")
    _events[event.name] = event


def event(name: str) -> Event:
    try:
        return _events[name]
    except KeyError:
        raise ValueError(f"unknown event {name!r}") from None


def events() -> list[Event]:
    return list(_events.values())


def event_by_kind(kind: str) -> Event | None:
    return next((e for e in _events.values() if e.kind == kind), None)


def add_audience(audience: Audience) -> None:
    _audiences[audience.event].append(audience)


def audiences(name: str) -> list[Audience]:
    return list(_audiences[name])


def add_personal_data(entry: PersonalData) -> None:
    _personal_data.append(entry)


def personal_data() -> list[PersonalData]:
    return sorted(_personal_data, key=lambda e: (e.order, e.section))


def add_figure(place: str, figure: Figure) -> None:
    _unique(_figures[place], figure.key, f"{place} figure")
    _figures[place].append(figure)


def figures(place: str) -> list[Figure]:
    return sorted(_figures[place], key=lambda f: f.order)


def add_searchable(searchable: Searchable) -> None:
    if any(s.kind == searchable.kind for s in _searchables):
        raise ValueError(f"searchable {searchable.kind!r} is registered twice")
    _searchables.append(searchable)


def searchables() -> list[Searchable]:
    return sorted(_searchables, key=lambda s: s.order)


def searchable(kind: str) -> Searchable | None:
    return next((s for s in _searchables if s.kind == kind), None)


def add_daily(job: Daily) -> None:
    _unique(_daily, job.key, "daily job")
    _daily.append(job)


def daily() -> list[Daily]:
    return list(_daily)
