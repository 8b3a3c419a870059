from django import forms
from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import Role, User
from innocities.core.forms import OnceFormMixin, RevisionFormMixin
from innocities.organisations.models import StrategicGoal
from innocities.programmes.models import FocusArea, Programme

from .models import (
    Challenge,
    Decision,
    FundingLine,
    Idea,
    IdeaStatus,
    Milestone,
    ProgressUpdate,
    Project,
    ProjectStatus,
    TeamRole,
)


def focus_areas_for(organisation):
    return FocusArea.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _OrganisationScoped(forms.ModelForm):
    """Limit choices to the organisation's programmes, focus areas and strategic goals."""

    def __init__(self, *args, organisation, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if "programme" in self.fields:
            self.fields["programme"].queryset = programmes
        if "focus_area" in self.fields:
            self.fields["focus_area"].queryset = focus_areas_for(organisation)
        for name in ("strategic_goal", "strategic_goals"):
            if name in self.fields:
                self.fields[name].queryset = StrategicGoal.objects.filter(organisation=organisation)
        if (
            "language" in self.fields
        ):  # written in the organisation's language unless the author says otherwise
            self.fields["language"].choices = settings.LANGUAGES
            if not self.instance.language:
                self.initial.setdefault("language", organisation.language)

    def clean_language(self):
        """A form posted without it (a script) keeps what the text was written in."""
        return self.cleaned_data.get("language") or self.instance.language or self.organisation.language


class ChallengeForm(OnceFormMixin, _OrganisationScoped):
    class Meta:
        model = Challenge
        fields = [
            "title",
            "programme",
            "focus_area",
            "description",
            "evidence",
            "strategic_goal",
            "status",
            "visibility",
            "language",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }


class IdeaForm(OnceFormMixin, _OrganisationScoped):
    class Meta:
        model = Idea
        fields = ["title", "challenge", "programme", "description", "actors", "visibility", "language"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"programme": _("Taken from the challenge when one is chosen.")}

    def __init__(self, *args, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = challenges
        self.fields["programme"].required = False
        # the actors are co-production's register: filter the field's own queryset, don't import it
        self.fields["actors"].queryset = self.fields["actors"].queryset.filter(organisation=self.organisation)
        self.fields["actors"].help_text = _("Outside organisations or groups behind or around the idea.")

    def clean(self):
        data = super().clean()
        if data.get("challenge"):
            data["programme"] = data["challenge"].programme
        elif not data.get("programme"):
            self.add_error("programme", _("Choose a programme or a challenge."))
        return data


class IdeaStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=IdeaStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the idea is parked or rejected; the author sees it."),
    )


class ProjectForm(OnceFormMixin, _OrganisationScoped):
    class Meta:
        model = Project
        fields = [
            "title",
            "programme",
            "focus_area",
            "summary",
            "problem",
            "expected_benefits",
            "starts_on",
            "ends_on",
            "receiving_unit",
            "strategic_goals",
            "facet",
            "trl",
            "evidence_level",
            "visibility",
            "language",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "problem": forms.Textarea(attrs={"rows": 3}),
            "expected_benefits": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE,
            "ends_on": DATE,
            "strategic_goals": forms.CheckboxSelectMultiple,
        }

    def clean(self):
        return _check_dates(self, super().clean())


def _check_dates(form, data):
    if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        form.add_error("ends_on", _("The end date is before the start date."))
    return data


class ChallengeEditForm(RevisionFormMixin, _OrganisationScoped):
    class Meta(ChallengeForm.Meta):
        pass


class IdeaEditForm(RevisionFormMixin, IdeaForm):
    """The idea form for an edit: the revision it was opened at (an edit has no one-time token)."""


class ProjectEditForm(RevisionFormMixin, _OrganisationScoped):
    class Meta(ProjectForm.Meta):
        fields = [f for f in ProjectForm.Meta.fields if f != "programme"]

    def clean(self):
        return _check_dates(self, super().clean())


class PromoteForm(_OrganisationScoped):
    class Meta:
        model = Project
        fields = [
            "title",
            "focus_area",
            "summary",
            "problem",
            "expected_benefits",
            "facet",
            "visibility",
            "language",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "problem": forms.Textarea(attrs={"rows": 3}),
            "expected_benefits": forms.Textarea(attrs={"rows": 3}),
        }


class GateDecisionForm(forms.Form):
    """The gate review: one checkbox per must-meet criterion, one 1–5 score per should-meet criterion."""

    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    recycle_to = forms.ModelChoiceField(label=_("Return to phase (recycle)"), queryset=None, required=False)
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “go with conditions”."),
    )
    reasoning = forms.CharField(label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 5}))
    decision_makers = forms.ModelMultipleChoiceField(
        label=_("Decision-makers"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    decided_on = forms.DateField(label=_("Date of decision"), widget=DATE)
    gate = forms.IntegerField(widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    SCORES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]

    def __init__(self, *args, project, criteria, decision_makers, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.fields["gate"].initial = project.phase.gate.pk
        self.fields["revision"].initial = project.revision
        self.fields["recycle_to"].queryset = project.method.phases.filter(order__lt=project.phase.order)
        self.fields["recycle_to"].empty_label = "—"
        if project.phase.order == 1:  # nothing to return to before the first phase
            self.fields["decision"].choices = [c for c in Decision.choices if c[0] != Decision.RECYCLE]
            del self.fields["recycle_to"]
        self.fields["decision_makers"].queryset = decision_makers
        for criterion in criteria:
            if criterion.kind == "must":
                self.fields[f"must_{criterion.pk}"] = forms.BooleanField(
                    label=criterion.label, required=False
                )
            else:
                self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                    label=criterion.label, choices=self.SCORES, coerce=int, empty_value=None, required=False
                )

    def must_fields(self):
        return [(self[f"must_{c.pk}"], c) for c in self.criteria if c.kind == "must"]

    def score_fields(self):
        return [(self[f"score_{c.pk}"], c) for c in self.criteria if c.kind == "should"]

    def answers(self):
        met = {c.pk for c in self.criteria if c.kind == "must" and self.cleaned_data.get(f"must_{c.pk}")}
        scores = {
            c.pk: self.cleaned_data[f"score_{c.pk}"]
            for c in self.criteria
            if c.kind == "should" and self.cleaned_data.get(f"score_{c.pk}")
        }
        return met, scores


class ProgressUpdateForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = ProgressUpdate
        fields = ["written_on", "text"]
        widgets = {"written_on": DATE, "text": forms.Textarea(attrs={"rows": 3})}


class MilestoneForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on"]
        widgets = {"due_on": DATE}


class MilestoneEditForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on"]
        widgets = {"due_on": DATE, "done_on": DATE}
        help_texts = {"done_on": _("Leave empty while the milestone is not reached.")}


class AnnulForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the decision annulled?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class FundingLineForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = FundingLine
        fields = ["source", "state", "amount", "currency", "note"]


class TeamMemberForm(forms.Form):
    """Name a person on a project's team. The organisation's staff may lead or be team members; people
    from outside it (partners of the organisation: researchers, companies, citizens) take part as
    partners, which the form says and checks before anything is saved.

    No one-time token: a person has one seat on a team (a unique row, update_or_create), so the form
    sent twice names the same person in the same role twice; nothing is duplicated."""

    STAFF_ROLES = (TeamRole.LEAD, TeamRole.MEMBER)

    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (TeamRole.LEAD, _("Project lead (staff only)")),
            (TeamRole.MEMBER, _("Team member (staff only)")),
            (TeamRole.PARTNER, _("Partner (from outside the organisation)")),
            (TeamRole.SPONSOR, TeamRole.SPONSOR.label),
        ],
        help_text=_(
            "People from outside the organisation, such as researchers, companies or citizens, join the "
            "team as partners; project lead and team member are for the organisation's own staff."
        ),
    )

    def __init__(self, *args, people, **kwargs):
        """`people` are users filtered by their membership of the project's organisation
        (memberships__organisation=…): the role each holds there, read through that same join, tells
        staff from partners."""
        super().__init__(*args, **kwargs)
        people = people.annotate(role_here=F("memberships__role"))
        listed = list(people)
        self.partner_ids = {person.pk for person in listed if person.role_here == Role.PARTNER}
        field = self.fields["user"]
        field.queryset = people
        staff = [(p.pk, str(p)) for p in listed if p.pk not in self.partner_ids]
        partners = [(p.pk, str(p)) for p in listed if p.pk in self.partner_ids]
        field.choices = [
            ("", field.empty_label),
            (_("The organisation's staff"), staff),
            *([(_("Partners from outside the organisation"), partners)] if partners else []),
        ]
        if not self.is_bound and self.initial.get("user") in self.partner_ids:
            self._offer_partner_roles()

    def _offer_partner_roles(self):
        """Offer only the roles a person from outside the organisation can have."""
        self.fields["role"].choices = [c for c in self.fields["role"].choices if c[0] not in self.STAFF_ROLES]

    def clean(self):
        cleaned = super().clean()
        person, role = cleaned.get("user"), cleaned.get("role")
        if person and person.pk in self.partner_ids and role in self.STAFF_ROLES:
            self.add_error(
                "role",
                _(
                    "%(name)s is from outside the organisation and takes part as a partner; project lead "
                    "and team member are for the organisation's own staff."
                )
                % {"name": person.full_name},
            )
            self._offer_partner_roles()
        return cleaned


class ScaledForm(forms.Form):
    note = forms.CharField(
        label=_("Where has it been scaled or shared?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class BoardFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=FocusArea.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *ProjectStatus.choices], required=False
    )

    def __init__(self, *args, focus_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = focus_areas
        self.fields["focus_area"].empty_label = _("All focus areas")


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    scope = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("mine", _("My organisations")),
            ("all", _("Everything I can see")),
        ],
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )

    def __init__(self, *args, statuses, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *statuses]
        self.fields["programme"].queryset = programmes
        self.fields["programme"].empty_label = _("All programmes")
