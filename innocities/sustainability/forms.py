from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import User
from innocities.coproduction.models import Actor
from innocities.core.forms import OnceFormMixin, RevisionFormMixin

from .models import ActionKind, Goal, Impact, Pathway, Relevance, Target
from .profile import DIMENSIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScopeForm(OnceFormMixin, forms.Form):
    """Starts an assessment; a one-time token stores one assessment however often it is sent."""

    scope = forms.CharField(
        label=_("What is assessed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The solution as it stands in this phase, and its boundaries."),
    )
    assessed_on = forms.DateField(label=_("Date of the workshop"), widget=DATE)
    participants = forms.ModelMultipleChoiceField(
        label=_("Who took part"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actors = forms.ModelMultipleChoiceField(
        label=_("Participating actors"),
        queryset=Actor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = User.objects.filter(project_roles__project=project).distinct()
        self.fields["actors"].queryset = Actor.objects.filter(participations__project=project).distinct()


class RelevanceForm(RevisionFormMixin, forms.Form):
    """One radio group per goal, as the tool sorts them: relevant, don't know or not relevant; and the
    assessment's revision the form was opened at (core.revisions)."""

    def __init__(self, *args, rows, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = revision
        self.rows = rows
        for row in rows:
            self.fields[f"goal_{row.goal_id}"] = forms.ChoiceField(
                label=str(row.goal),
                choices=Relevance.choices,
                initial=row.relevance,
                widget=forms.RadioSelect,
            )

    def relevance(self):
        return {row.goal_id: self.cleaned_data[f"goal_{row.goal_id}"] for row in self.rows}


GAP = "gap"
TARGETS_IN_ENGLISH = _(
    "The targets are shown in English: there is no openly licensed translation of them in this language."
)


class GoalForm(RevisionFormMixin, forms.Form):
    """The tool's choice for one goal: a rating (direct or indirect) or a knowledge gap instead of one;
    and the assessment's revision the form was opened at (core.revisions)."""

    impact = forms.ChoiceField(
        label=_("Impact"),
        choices=[
            *((str(value), label) for value, label in reversed(Impact.choices)),
            (GAP, _("Knowledge gap: we cannot judge it yet")),
        ],
        widget=forms.RadioSelect,
        help_text=_("A knowledge gap replaces the rating; it does not count as 0 in the means."),
    )
    pathway = forms.ChoiceField(
        label=_("Direct or indirect"),
        choices=[
            (Pathway.DIRECT, _("Direct: the project itself causes it")),
            (Pathway.INDIRECT, _("Indirect: it comes about through others, or later")),
        ],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("For a positive or negative impact."),
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Targets concerned"),
        queryset=Target.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this impact, or, for a knowledge gap, what you would need to know."),
    )

    def __init__(self, *args, goal, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = revision
        self.fields["targets"].queryset = goal.targets.all()
        self.fields["targets"].label_from_instance = lambda t: f"{t.code} {t.label}"
        language = (get_language() or "en").split("-")[0]
        first = goal.targets.first()
        if first is not None and not first.title.get(language):
            self.fields["targets"].help_text = TARGETS_IN_ENGLISH

    @staticmethod
    def initial_for(row) -> dict:
        impact = GAP if row.knowledge_gap else (None if row.impact is None else str(row.impact))
        return {
            "impact": impact,
            "pathway": row.pathway or None,
            "rationale": row.rationale,
            "targets": list(row.targets.all()),
        }

    def assessment(self) -> dict:
        """The cleaned choice as the action takes it: impact or knowledge gap, pathway, targets, rationale."""
        data = self.cleaned_data
        gap = data["impact"] == GAP
        return {
            "impact": None if gap else int(data["impact"]),
            "knowledge_gap": gap,
            "pathway": data.get("pathway") or "",
            "targets": data["targets"],
            "rationale": data["rationale"],
            "revision": data.get("revision"),
        }


class ActionForm(OnceFormMixin, RevisionFormMixin, forms.Form):
    """A new action: a one-time token against a double click, and the assessment's revision."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices)
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False)
    text = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.CharField(label=_("Owner"), max_length=150)

    def __init__(self, *args, goals, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = revision
        self.fields["goal"].queryset = goals


class DimensionMapForm(forms.Form):
    """One choice per goal: the dimension a network places it in, or cross-cutting.

    No one-time token: a network has one grouping (a unique row, update_or_create), so the form sent
    twice saves the same grouping twice."""

    def __init__(self, *args, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [*DIMENSIONS.items(), ("cross_cutting", _("Cross-cutting"))]
        self.goals = list(Goal.objects.all())
        for goal in self.goals:
            self.fields[f"goal_{goal.number}"] = forms.ChoiceField(
                label=str(goal), choices=choices, initial=current.get(goal.number)
            )

    def mapping(self) -> dict[int, str]:
        return {goal.number: self.cleaned_data[f"goal_{goal.number}"] for goal in self.goals}
