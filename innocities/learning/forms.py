from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from innocities.core.forms import OnceFormMixin, RevisionFormMixin
from innocities.core.i18n import pick

from .models import Lesson, Occasion

USEFULNESS = [
    ("", _("Not used")),
    ("1", _("1 – not useful")),
    ("2", _("2")),
    ("3", _("3 – somewhat useful")),
    ("4", _("4")),
    ("5", _("5 – very useful")),
]


def tool_catalogue(project) -> dict[str, dict]:
    """The method's tools, phase by phase: {key: name in every language}."""
    catalogue = {}
    for phase in project.method.phases.order_by("order"):
        for tool in phase.tools:
            catalogue.setdefault(tool["key"], tool.get("name") or {"en": tool["key"]})
    return catalogue


class LessonForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["what_worked", "what_did_not", "advice", "visibility", "language"]
        widgets = {
            "what_worked": forms.Textarea(attrs={"rows": 4}),
            "what_did_not": forms.Textarea(attrs={"rows": 4}),
            "advice": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "advice": _(
                "What would you tell another municipality, port or energy company starting the same?"
            ),
            "visibility": _(
                "Who may read the lesson. It is never shown more widely than the project itself."
            ),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.catalogue = tool_catalogue(project)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].required = False
        if not self.instance.pk:
            self.initial.setdefault("language", project.language or project.organisation.language)
            self.initial.setdefault("visibility", project.visibility)
        used = {t.key: str(t.usefulness) for t in self.instance.tools.all()} if self.instance.pk else {}
        for key, name in self.catalogue.items():
            self.fields[f"tool_{key}"] = forms.ChoiceField(
                label=pick(name), choices=USEFULNESS, required=False, initial=used.get(key, "")
            )

    def tool_fields(self):
        return [self[f"tool_{key}"] for key in self.catalogue]

    def plain_fields(self):
        return [self[name] for name in self.Meta.fields]

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or self.project.language or "en"

    def ratings(self) -> dict[str, int]:
        return {
            key: int(self.cleaned_data[f"tool_{key}"])
            for key in self.catalogue
            if self.cleaned_data.get(f"tool_{key}")
        }

    def lesson_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LessonEditForm(RevisionFormMixin, LessonForm):
    """The lesson form for an edit: the revision it was opened at."""


class LessonFilterForm(forms.Form):
    occasion = forms.ChoiceField(label=_("When"), required=False)
    tool = forms.CharField(label=_("Method tool"), required=False, max_length=60, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occasion"].choices = [("", _("Any")), *Occasion.choices]
