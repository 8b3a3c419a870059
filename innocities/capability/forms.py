from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.core.forms import OnceFormMixin
from innocities.core.i18n import pick

from .models import RoundKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(OnceFormMixin, forms.Form):
    """Starts a round; sent twice (a double click), it starts one round (a one-time token)."""

    kind = forms.ChoiceField(label=_("Kind of round"), choices=RoundKind.choices)
    opens_on = forms.DateField(label=_("Opens"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes"), widget=DATE)


class AnswerForm(forms.Form):
    """One 1–5 choice per statement (or "don't know"), one yes/no per fact.

    No one-time token: answers are stored without a name, and sending them twice is already refused
    by the person's invitation (locked, then marked answered, in the same transaction)."""

    def __init__(self, *args, instrument, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [
            (str(level["value"]), f"{level['value']} – {pick(level['label'])}") for level in instrument.scale
        ]
        self.groups = []
        for dimension in instrument.dimensions.prefetch_related("statements"):
            names = []
            for statement in dimension.statements.all():
                name = f"s{statement.pk}"
                self.fields[name] = forms.ChoiceField(
                    label=statement.label,
                    required=False,
                    widget=forms.RadioSelect,
                    choices=[*scale, ("", _("Don't know"))],
                )
                names.append(name)
            self.groups.append((dimension, names))
        self.fact_names = []
        for fact in instrument.facts.all():
            name = f"f{fact.pk}"
            self.fields[name] = forms.ChoiceField(
                label=fact.label,
                required=False,
                widget=forms.RadioSelect,
                choices=[("yes", _("Yes")), ("no", _("No")), ("unknown", _("Don't know"))],
            )
            self.fact_names.append(name)

    def grouped(self):
        return [(dimension, [self[name] for name in names]) for dimension, names in self.groups]

    def fact_fields(self):
        return [self[name] for name in self.fact_names]

    def values(self):
        return {
            int(k[1:]): (int(v) if v else None) for k, v in self.cleaned_data.items() if k.startswith("s")
        }

    def facts(self):
        return {int(k[1:]): v for k, v in self.cleaned_data.items() if k.startswith("f") and v}
