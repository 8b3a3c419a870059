"""What the API answers and accepts. Texts that the method holds in every language are objects
({"en": …, "sv": …, "nb": …}); texts people wrote carry the language they were written in."""

from datetime import date, datetime
from decimal import Decimal
from typing import Generic, Literal, TypeVar

from ninja import Field, Schema

T = TypeVar("T")
Language = Literal["sv", "nb", "en"]
Visibility = Literal["private", "network", "public"]


# The answers every operation may give as problem details (bad cursor, no or bad credentials, not
# allowed, not found, wrong method, invalid input, refused by the action, too many requests).
ERRORS = frozenset({400, 401, 403, 404, 405, 422, 429})


class Problem(Schema):
    """An error, as RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: dict[str, list[str]] | None = None


class Page(Schema, Generic[T]):
    items: list[T]
    next: str | None = Field(None, description="The address of the next page, or null on the last one.")


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    country: str
    description: str
    website: str
    language: Language
    url: str = Field(description="Its public page.")


class ToolOut(Schema):
    key: str
    name: dict[str, str]


class CriterionOut(Schema):
    text: dict[str, str]
    must: bool


class GateOut(Schema):
    key: str
    name: dict[str, str]
    question: dict[str, str]
    criteria: list[CriterionOut]


class PhaseOut(Schema):
    key: str
    order: int
    name: dict[str, str]
    purpose: dict[str, str]
    tools: list[ToolOut]
    gate: GateOut | None


class MethodOut(Schema):
    name: dict[str, str]
    version: int
    phases: list[PhaseOut]


class ProgrammeOut(Schema):
    slug: str
    name: str
    organisation: str
    network: str | None
    starts_on: date | None
    ends_on: date | None
    focus_areas: list[str]


class ProgrammeDetail(ProgrammeOut):
    description: str
    method: MethodOut


class PhaseRef(Schema):
    key: str
    order: int
    name: dict[str, str]


class ChallengeOut(Schema):
    id: int
    title: str
    description: str
    evidence: str
    status: str
    visibility: Visibility
    language: str
    organisation: str
    programme: str
    focus_area: str | None
    created_at: datetime


class IdeaOut(Schema):
    id: int
    title: str
    description: str
    status: str
    status_reason: str
    visibility: Visibility
    language: str
    organisation: str
    programme: str
    challenge: int | None
    via_open_call: bool
    created_at: datetime


class DecisionOut(Schema):
    id: int
    gate: str
    gate_name: dict[str, str]
    decision: str
    reasoning: str
    conditions: str
    decided_on: date
    from_phase: str
    to_phase: str


class GoalImpactOut(Schema):
    goal: int
    impact: int | None
    knowledge_gap: bool
    targets: list[str]


class ProjectOut(Schema):
    id: int
    title: str
    summary: str
    organisation: str
    programme: str
    phase: PhaseRef
    status: str
    visibility: Visibility
    language: str
    focus_area: str | None
    starts_on: date | None
    ends_on: date | None
    updated_at: datetime


class ProjectDetail(ProjectOut):
    problem: str
    expected_benefits: str
    receiving_unit: str
    decisions: list[DecisionOut]
    sdg_profile: list[GoalImpactOut] = Field(description="The goals its latest completed assessment rates.")


class CallOut(Schema):
    id: int
    challenge: int
    title: str
    invitation: str
    organisation: str
    opens_on: date
    closes_on: date
    open: bool


class ToolUseOut(Schema):
    key: str
    name: dict[str, str]
    usefulness: int


class LessonOut(Schema):
    id: int
    project: int
    organisation: str
    occasion: str
    phase: str
    what_worked: str
    what_did_not: str
    advice: str
    visibility: Visibility
    language: str
    recorded_on: date
    tools: list[ToolUseOut]


class IndicatorOut(Schema):
    id: int
    organisation: str
    kind: str
    code: str
    name: str
    unit: str
    direction: str
    dimension: str


class MeasurementOut(Schema):
    year: int
    value: Decimal
    project: int | None
    source: str


class IdeaIn(Schema):
    organisation: str = Field(max_length=80, description="The organisation's slug.")
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=10000)
    challenge: int | None = Field(None, description="The challenge it answers; or give a programme.")
    programme: str | None = Field(None, max_length=80, description="The programme's slug.")
    visibility: Visibility = "private"
    language: Language | None = None


class ProgressIn(Schema):
    text: str = Field(min_length=1, max_length=5000)
    written_on: date | None = Field(None, description="Today when left out.")


class ProgressOut(Schema):
    id: int
    project: int
    written_on: date
    text: str


class MeasurementIn(Schema):
    year: int = Field(ge=1900, le=2100)
    value: Decimal = Field(max_digits=16, decimal_places=4)
    project: int | None = None
    source: str = Field("", max_length=200)
