from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import User
from innocities.coproduction.models import Actor

from .models import ActionKind, Goal, Impact, Relevance, Target
from .profile import DIMENSIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScopeForm(forms.Form):
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


class RelevanceForm(forms.Form):
    """One radio group per goal: direct, indirect or not relevant."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
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


class GoalForm(forms.Form):
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=Impact.choices, coerce=int, widget=forms.RadioSelect
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Targets concerned"),
        queryset=Target.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    knowledge_gap = forms.BooleanField(label=_("We lack knowledge to judge this well"), required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].queryset = goal.targets.all()
        self.fields["targets"].label_from_instance = lambda t: f"{t.code} {t.label}"


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices)
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False)
    text = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.CharField(label=_("Owner"), max_length=150)

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals


class DimensionMapForm(forms.Form):
    """One choice per goal: the dimension a network places it in, or cross-cutting."""

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
