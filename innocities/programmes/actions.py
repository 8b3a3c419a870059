"""Writes for programmes and methods."""

from pathlib import Path

import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innocities.core import audit, registry
from innocities.core.i18n import nordic_slug
from innocities.core.revisions import EditConflict, bump_revision, claim_revision

from .models import (
    AnnualEvaluation,
    Criterion,
    CriterionKind,
    Gate,
    Method,
    Phase,
    Programme,
    ProgrammeTarget,
)

METHODS_DIR = Path(__file__).resolve().parent / "methods"
SHIPPED_METHODS = ("innocities", "innovationsguiden")


def unknown_requirements(data: dict) -> list[str]:
    """The evidence tags a method's data names that no module checks (see core.registry)."""
    known = registry.requirement_tags()
    named = [c.get("requires") for g in data.get("gates", []) for c in g.get("criteria", [])]
    return sorted({tag for tag in named if tag and tag not in known})


@transaction.atomic
def load_method_file(*, path: Path) -> Method:
    """Load a shipped method from its YAML file; a version already loaded keeps its structure and
    takes the file's corrected wording (see _refresh_texts).

    A criterion that names evidence no module checks is refused: it would pass every gate silently.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    unknown = unknown_requirements(data)
    if unknown:
        raise ValidationError(f"{path}: no module checks the evidence tags {', '.join(unknown)}")
    existing = Method.objects.filter(key=data["key"], version=data["version"], owner_programme=None).first()
    if existing:
        _refresh_texts(existing, data)
        return existing
    if len(data["gates"]) != len(data["phases"]) - 1:
        raise ValidationError(f"{path}: a method needs one gate fewer than phases")
    method = Method.objects.create(
        key=data["key"],
        version=data["version"],
        name=data["name"],
        description=data.get("description", {}),
        source=data.get("source", {}),
    )
    phases = [
        Phase.objects.create(
            method=method,
            order=number,
            key=p["key"],
            name=p["name"],
            purpose=p.get("purpose", {}),
            tools=p.get("tools", []),
            checklist=p.get("checklist", []),
        )
        for number, p in enumerate(data["phases"], start=1)
    ]
    for phase, g in zip(phases, data["gates"], strict=False):
        gate = Gate.objects.create(
            method=method, phase=phase, key=g["key"], name=g["name"], question=g.get("question", {})
        )
        Criterion.objects.bulk_create(
            Criterion(
                gate=gate,
                order=n,
                key=c["key"],
                kind=c["kind"],
                text=c["text"],
                evidence=c.get("evidence") or {},
                requires=c.get("requires") or "",
            )
            for n, c in enumerate(g["criteria"])
        )
    return method


def _set_texts(obj, **texts) -> None:
    changed = [name for name, value in texts.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, texts[name])
    if changed:
        obj.save(update_fields=changed)


def _refresh_texts(method: Method, data: dict) -> None:
    """Bring a loaded version's texts up to its file, matched by key: wording is corrected without a
    new version, while phases, gates, criteria, their kinds and checks stay as loaded (a change of
    structure needs a new version). Programmes' own copies and recorded gate decisions, which keep
    the texts of their day, are not touched."""
    _set_texts(
        method, name=data["name"], description=data.get("description", {}), source=data.get("source", {})
    )
    phases = {p.order: p for p in method.phases.select_related("gate").prefetch_related("gate__criteria")}
    for number, p in enumerate(data["phases"], start=1):
        phase = phases.get(number)
        if phase is None or phase.key != p["key"]:
            continue
        _set_texts(
            phase,
            name=p["name"],
            purpose=p.get("purpose", {}),
            tools=p.get("tools", []),
            checklist=p.get("checklist", []),
        )
        gate = getattr(phase, "gate", None)
        g = data["gates"][number - 1] if number <= len(data["gates"]) else None
        if gate is None or g is None or gate.key != g["key"]:
            continue
        _set_texts(gate, name=g["name"], question=g.get("question", {}))
        criteria = {c.key: c for c in gate.criteria.all()}
        for c in g["criteria"]:
            if c["key"] in criteria:
                _set_texts(criteria[c["key"]], text=c["text"], evidence=c.get("evidence") or {})


def load_shipped_methods() -> list[Method]:
    return [load_method_file(path=METHODS_DIR / f"{key}.yaml") for key in SHIPPED_METHODS]


def _adapted_name(names: dict[str, str], programme: Programme) -> dict[str, str]:
    """The copy says whose it is, in each language the original is named in."""
    adapted = {}
    for code, name in (names or {}).items():
        with translation.override(code):
            adapted[code] = _("%(method)s, adapted for %(programme)s") % {
                "method": name,
                "programme": programme.name,
            }
    return adapted


@transaction.atomic
def adapt_method(*, programme: Programme, actor) -> Method:
    """Give the programme its own copy of its method to edit; a copy already owned is returned.

    The programme's row is locked first, so of two people copying at once the second waits and is
    given the first one's copy (two copies would leave projects on one and the programme on the other).
    """
    given, programme = programme, Programme.objects.select_for_update().get(pk=programme.pk)
    source = programme.method
    if source.owner_programme_id == programme.pk:
        given.method = source
        return source
    copy = Method.objects.create(
        key=source.key,
        version=source.version,
        name=_adapted_name(source.name, programme),
        description=source.description,
        source=source.source,
        owner_programme=programme,
        based_on=source,
    )
    for phase in source.phases.select_related("gate").prefetch_related("gate__criteria"):
        new_phase = Phase.objects.create(
            method=copy,
            order=phase.order,
            key=phase.key,
            name=phase.name,
            purpose=phase.purpose,
            tools=phase.tools,
            checklist=phase.checklist,
        )
        gate = getattr(phase, "gate", None)
        if gate is None:
            continue
        new_gate = Gate.objects.create(
            method=copy, phase=new_phase, key=gate.key, name=gate.name, question=gate.question
        )
        Criterion.objects.bulk_create(
            Criterion(
                gate=new_gate,
                order=c.order,
                key=c.key,
                kind=c.kind,
                text=c.text,
                evidence=c.evidence,
                requires=c.requires,
            )
            for c in gate.criteria.all()
        )
    # Everything that points at the old phases follows, phase by phase: projects and their decisions
    # (pipeline), assessments (sustainability), activities (co-production) — each module moves its own.
    # Gate decisions keep the criteria and method name they were decided under.
    new_by_order = {phase.order: phase for phase in copy.phases.select_related("gate")}
    phase_map = {phase.pk: new_by_order[phase.order] for phase in source.phases.all()}
    gate_map = {
        gate.pk: new_by_order[gate.phase.order].gate
        for gate in Gate.objects.filter(method=source).select_related("phase")
    }
    registry.run("method_adapted", programme=programme, phase_map=phase_map, gate_map=gate_map, actor=actor)
    programme.method = given.method = copy
    programme.save(update_fields=["method"])
    audit.record(actor=actor, verb="adapt_method", obj=programme, organisation=programme.organisation)
    return copy


def _own_method(programme: Programme, method: Method) -> None:
    if method.owner_programme_id != programme.pk:
        raise PermissionDenied(_("Only the programme's own copy of a method can be changed."))


def _claim_method(method: Method, revision: int | None, changes) -> None:
    """Take the method's next revision for an edit opened at ``revision`` (core.revisions).

    When someone changed the method since, the edit is refused with ``changes()``: what is stored now
    beside what this person sent, for the part the form edits. When that is nothing (the same edit sent
    twice, a criterion someone else already removed) there is nothing to lose, and the edit goes on.
    """
    try:
        claim_revision(method, revision, {})
    except EditConflict as conflict:
        found = changes()
        if found:
            raise EditConflict(changes=found, revision=conflict.revision) from None
        bump_revision(method)


PHASE_NAME_LABELS = {
    "sv": gettext_lazy("Name in Swedish"),
    "nb": gettext_lazy("Name in Norwegian"),
    "en": gettext_lazy("Name in English"),
}


def _criteria_shown(gate: Gate) -> str:
    """The gate's criteria as stored now, one a line, for a conflict."""
    criteria = Criterion.objects.filter(gate_id=gate.pk)
    return "\n".join(f"{c.get_kind_display()}: {c.label}" for c in criteria) or "—"


def _criteria_label(gate: Gate) -> str:
    return _("Criteria of the gate “%(gate)s”") % {"gate": gate.label}


@transaction.atomic
def rename_phase(
    *, programme: Programme, phase: Phase, names: dict[str, str], actor, revision: int | None = None
) -> Phase:
    """Rename a phase of the programme's own method; a form opened at ``revision`` is refused if
    someone changed the method meanwhile and the stored names differ from the ones sent."""
    _own_method(programme, phase.method)
    cleaned = {code: text.strip() for code, text in names.items() if text and text.strip()}
    if not cleaned:
        raise ValidationError(_("Give the phase a name in at least one language."))

    def changes():
        stored = Phase.objects.get(pk=phase.pk).name
        return [
            (str(PHASE_NAME_LABELS.get(code, code)), stored.get(code) or "—", text)
            for code, text in cleaned.items()
            if stored.get(code) != text
        ]

    _claim_method(phase.method, revision, changes)
    phase.refresh_from_db(fields=["name"])  # the languages not sent keep what is stored now
    phase.name = {**phase.name, **cleaned}
    phase.save(update_fields=["name"])
    audit.record(actor=actor, verb="rename_phase", obj=phase, organisation=programme.organisation)
    return phase


@transaction.atomic
def add_criterion(
    *,
    programme: Programme,
    gate: Gate,
    kind: str,
    text: str,
    evidence: str,
    actor,
    revision: int | None = None,
) -> Criterion:
    """Add a criterion to a gate of the programme's own method; a form opened at ``revision`` is
    refused, with the gate's criteria as stored now, if someone changed the method meanwhile."""
    _own_method(programme, gate.method)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the criterion."))
    sent = _("Add: %(item)s") % {"item": f"{dict(CriterionKind.choices).get(kind, kind)}: {text}"}
    _claim_method(gate.method, revision, lambda: [(_criteria_label(gate), _criteria_shown(gate), sent)])
    count = gate.criteria.count()
    criterion = Criterion.objects.create(
        gate=gate,
        order=count,
        key=f"own-{count + 1}",
        kind=kind,
        text={"en": text, "sv": text, "nb": text},
        evidence={"en": evidence, "sv": evidence, "nb": evidence} if evidence else {},
    )
    audit.record(actor=actor, verb="add_criterion", obj=criterion, organisation=programme.organisation)
    return criterion


@transaction.atomic
def remove_criterion(
    *, programme: Programme, criterion: Criterion, actor, revision: int | None = None
) -> None:
    """Remove a criterion from the programme's own method; a form opened at ``revision`` is refused,
    with the gate's criteria as stored now, if someone changed the method meanwhile. A criterion that
    is already gone (removed by someone else, or the button pressed twice) stays gone."""
    gate = criterion.gate
    _own_method(programme, gate.method)
    still_there = Criterion.objects.filter(pk=criterion.pk)
    sent = _("Remove: %(item)s") % {"item": f"{criterion.get_kind_display()}: {criterion.label}"}
    _claim_method(
        gate.method,
        revision,
        lambda: [(_criteria_label(gate), _criteria_shown(gate), sent)] if still_there.exists() else [],
    )
    if not still_there.exists():
        return
    audit.record(
        actor=actor,
        verb="remove_criterion",
        obj=criterion,
        organisation=programme.organisation,
        text=criterion.text,
    )
    criterion.delete()


@transaction.atomic
def record_evaluation(
    *, programme: Programme, held_on, summary: str, decisions: str, actor
) -> AnnualEvaluation:
    evaluation = AnnualEvaluation(
        programme=programme, held_on=held_on, summary=summary, decisions=decisions, recorded_by=actor
    )
    evaluation.full_clean()
    evaluation.save()
    audit.record(actor=actor, verb="record_evaluation", obj=evaluation, organisation=programme.organisation)
    return evaluation


def _focus_areas(organisation, areas, own_names):
    from .models import FocusArea

    areas = list(areas)
    for name in own_names:
        area, _created = FocusArea.objects.get_or_create(
            organisation=organisation,
            key=nordic_slug(name, 60) or "area",
            defaults={"name": {"en": name, "sv": name, "nb": name}},
        )
        areas.append(area)
    return areas


def _unique_programme_slug(name):
    base = nordic_slug(name) or "programme"
    slug, n = base, 2
    while Programme.objects.filter(slug=slug).exists() or slug in {"methods", "new"}:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def save_programme(
    *,
    organisation,
    actor,
    programme: Programme | None = None,
    name,
    description,
    starts_on,
    ends_on,
    method,
    focus_areas,
    coordinators,
    steering_group,
    own_focus_areas=(),
    targets=(),
    revision: int | None = None,
) -> Programme:
    """Create or update an organisation's programme with its people, focus areas and targets; an edit
    opened at ``revision`` is refused if someone saved the programme meanwhile (core.revisions)."""
    creating = programme is None
    if not creating:
        claim_revision(
            programme,
            revision,
            {
                "name": name,
                "description": description,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "coordinators": coordinators,
                "steering_group": steering_group,
            },
        )
    if creating:
        programme = Programme(organisation=organisation, slug=_unique_programme_slug(name), method=method)
    programme.name, programme.description = name, description
    programme.starts_on, programme.ends_on = starts_on, ends_on
    programme.full_clean()
    programme.save()
    programme.focus_areas.set(_focus_areas(organisation, focus_areas, own_focus_areas))
    programme.coordinators.set(coordinators)
    programme.steering_group.set(steering_group)
    if [t.text for t in programme.targets.all()] != list(targets):
        programme.targets.all().delete()
        ProgrammeTarget.objects.bulk_create(ProgrammeTarget(programme=programme, text=t) for t in targets)
    audit.record(
        actor=actor,
        verb="create_programme" if creating else "update_programme",
        obj=programme,
        organisation=organisation,
    )
    return programme
