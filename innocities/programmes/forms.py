from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AnnualEvaluation, CriterionKind


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = AnnualEvaluation
        fields = ["held_on", "summary", "decisions"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "summary": forms.Textarea(attrs={"rows": 4}), "decisions": forms.Textarea(attrs={"rows": 3})}


class PhaseNameForm(forms.Form):
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=120, required=False)
    name_nb = forms.CharField(label=_("Name in Norwegian"), max_length=120, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"name_{code}", "").strip() for code in ("sv", "nb", "en")):
            raise forms.ValidationError(_("Give the phase a name in at least one language."))
        return data

    def names(self):
        return {code: self.cleaned_data[f"name_{code}"] for code in ("sv", "nb", "en")}


class CriterionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CriterionKind.choices)
    text = forms.CharField(label=_("Criterion"), max_length=300)
    evidence = forms.CharField(label=_("Evidence required"), max_length=300, required=False)
