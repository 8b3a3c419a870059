from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import Role
from innocities.core.forms import OnceFormMixin

from .models import Country, Municipality, OrganisationKind


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code}, {obj.county_name})"


# Creating an organisation, adding a member or a strategic goal carries a one-time token
# (core.idempotency): the form sent twice (a double click) stores one.


class OrganisationForm(OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    municipality = MunicipalityChoiceField(
        label=_("Official municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("For a municipality: its official code is taken from the national list."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    admin_name = forms.CharField(label=_("First administrator's name"), max_length=150)
    admin_email = forms.EmailField(label=_("First administrator's email"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.order_by("country", "name")
        self.fields["municipality"].queryset = municipalities
        # Grouped by country, so the list works without JavaScript.
        groups = {}
        for m in municipalities:
            groups.setdefault(Country(m.country).label, []).append((m.pk, f"{m.name} ({m.code})"))
        self.fields["municipality"].choices = [("", "—"), *groups.items()]

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        if municipality and data.get("country") and municipality.country != data["country"]:
            self.add_error("municipality", _("The municipality is not in the chosen country."))
        if data.get("kind") == OrganisationKind.MUNICIPALITY and not municipality:
            self.add_error("municipality", _("Choose the official municipality."))
        return data


class MemberForm(OnceFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class DataProtectionForm(forms.Form):
    data_protection_contact = forms.CharField(
        label=_("Data protection contact"),
        max_length=200,
        required=False,
        help_text=_("The data protection officer's email address or another way to reach them."),
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class StrategicGoalForm(OnceFormMixin, forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *Country.choices]
    )
