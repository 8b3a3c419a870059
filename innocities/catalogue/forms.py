from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innocities.core import fragments
from innocities.core.i18n import pick
from innocities.organisations.models import Country, Organisation, OrganisationKind
from innocities.pipeline.forms import ProjectForm
from innocities.pipeline.models import ChallengeStatus, FundingSource, ProjectStatus
from innocities.programmes.models import FocusArea, Phase
from innocities.sustainability.models import Goal, Target

ANY = [("", _("Any"))]


def _reference() -> dict:
    """The filters' reference lists (standard focus areas, the shipped methods' phases, the 17 goals),
    read once an hour: the catalogue and the API ask for them on every request."""

    def compute():
        phases = {}
        for key, name in (
            Phase.objects.filter(method__based_on__isnull=True).order_by("order").values_list("key", "name")
        ):
            phases.setdefault(key, name)
        return {
            "areas": list(
                FocusArea.objects.filter(organisation__isnull=True).order_by("key").values_list("key", "name")
            ),
            "phases": list(phases.items()),
            "goals": list(Goal.objects.order_by("number").values_list("number", "short")),
        }

    return fragments.cached("catalogue:reference", ["catalogue-reference"], compute, timeout=3600)


def _areas():
    return [(key, pick(name)) for key, name in _reference()["areas"]]


def _phases():
    return [(key, pick(name)) for key, name in _reference()["phases"]]


class _Filters(forms.Form):
    """The catalogue's filters: every one optional, an unknown value refused beside its field."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    # One organisation's work is reached from its page ("all its public projects"): a hidden filter,
    # not a list of every organisation in the Nordics.
    organisation = forms.SlugField(required=False, max_length=80, widget=forms.HiddenInput)
    area = forms.ChoiceField(label=_("Focus area"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = ANY + list(Country.choices)
        self.fields["kind"].choices = ANY + list(OrganisationKind.choices)
        self.fields["area"].choices = ANY + _areas()

    def clean_organisation(self):
        slug = self.cleaned_data.get("organisation")
        if slug and not Organisation.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("There is no such organisation."))
        return slug

    def organisation_name(self) -> str:
        slug = self.filters().get("organisation")
        return (
            Organisation.objects.filter(slug=slug).values_list("name", flat=True).first() or ""
            if slug
            else ""
        )

    def filters(self) -> dict:
        """The valid filters (an invalid one is left out and shown as an error)."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}


class ProjectFilterForm(_Filters):
    status = forms.ChoiceField(label=_("Status"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    goal = forms.ChoiceField(label=_("Sustainable development goal"), required=False)
    target = forms.CharField(
        label=_("SDG target"),
        required=False,
        max_length=10,
        help_text=_("Its number, such as 7.2 or 11.b."),
    )
    funding = forms.ChoiceField(label=_("Funding source"), required=False)
    year = forms.ChoiceField(label=_("Started in"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Any")),
            ("reuse", _("Solutions to reuse (implemented or scaled)")),
            *ProjectStatus.choices,
        ]
        self.fields["phase"].choices = ANY + _phases()
        self.fields["goal"].choices = ANY + [
            (str(n), f"{n}. {pick(short)}") for n, short in _reference()["goals"]
        ]
        self.fields["funding"].choices = ANY + list(FundingSource.choices)
        this_year = timezone.localdate().year
        self.fields["year"].choices = ANY + [(str(y), str(y)) for y in range(this_year, this_year - 15, -1)]

    def clean_target(self):
        code = (self.cleaned_data.get("target") or "").strip().lower()
        if code and not Target.objects.filter(code=code).exists():
            raise forms.ValidationError(_("There is no SDG target %(code)s.") % {"code": code[:10]})
        return code


class ChallengeFilterForm(_Filters):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ANY + [c for c in ChallengeStatus.choices if c[0] != "draft"]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *kinds]


class ReuseForm(ProjectForm):
    """A new project that starts from another organisation's public one: its texts to adapt."""

    class Meta(ProjectForm.Meta):
        fields = [
            "title",
            "programme",
            "summary",
            "problem",
            "expected_benefits",
            "starts_on",
            "visibility",
            "language",
        ]
