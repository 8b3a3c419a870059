from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import User
from innocities.core.forms import OnceFormMixin
from innocities.core.i18n import pick

from .models import Activity, Actor, HelixSector, Participation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# A new actor, participation, activity or file carries a one-time token (core.idempotency): sent twice,
# it is stored once. A form editing a saved one has none.


class ActorForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Actor
        fields = [
            "name",
            "sector",
            "country",
            "org_number",
            "description",
            "contact_name",
            "contact_email",
            "consent_on",
            "consent_purpose",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "consent_on": DATE}
        help_texts = {
            "org_number": _(
                "Swedish organisationsnummer or Norwegian organisasjonsnummer; the check digit is verified."
            ),
            "contact_name": _("Keep contact data minimal, and only with the person's consent."),
        }

    def _post_clean(self):
        # Uniqueness and consent are checked by the action, with messages a person can act on.
        pass


class ActorFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sector = forms.ChoiceField(
        label=_("Helix sector"), required=False, choices=[("", _("All sectors")), *HelixSector.choices]
    )


class ParticipationForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["actor", "role", "depth", "starts_on", "ends_on", "commitment", "commitment_on", "person"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "commitment_on": DATE}
        help_texts = {
            "depth": _("Inform, consult, involve, collaborate or empower: how much influence the actor has."),
            "person": _("A partner with a login sees this project and nothing else of the organisation."),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = Actor.objects.filter(organisation_id=project.organisation_id)
        self.fields["person"].queryset = User.objects.filter(
            memberships__organisation_id=project.organisation_id, memberships__role="partner"
        ).distinct()

    def _post_clean(self):
        pass  # the action validates, with messages a person can act on


class ActivityForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "held_on",
            "phase",
            "tool",
            "facilitator",
            "public_count",
            "business_count",
            "academia_count",
            "civil_society_count",
            "citizens_count",
            "outcomes",
        ]
        widgets = {"held_on": DATE, "outcomes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        phases = project.method.phases.all()
        self.fields["phase"].queryset = phases
        self.fields["phase"].initial = project.phase_id
        tools = [("", "—")]
        for phase in phases:
            tools.append((phase.label, [(t["key"], pick(t["name"])) for t in phase.tools]))
        self.fields["tool"] = forms.ChoiceField(label=_("Method tool"), choices=tools, required=False)

    def _post_clean(self):
        pass  # the action validates, with messages a person can act on


class AttachmentForm(OnceFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("Up to 10 MB: PDF, Office, OpenDocument, PNG, JPEG or text.")
    )
