"""The period a dashboard or report counts: a year, a quarter or a custom span, and the period before
it of the same length (the year or quarter before; for a custom span, as many days just before it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EARLIEST = date(2000, 1, 1)
LONGEST = timedelta(days=366 * 10)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    code: str  # what the form's "period" field holds: 2026, 2026-Q3 or custom

    def previous(self) -> Period:
        if self.code.isdigit():
            return year(int(self.code) - 1)
        if "-Q" in self.code:
            y, q = self.code.split("-Q")
            y, q = (int(y), int(q) - 1) if q != "1" else (int(y) - 1, 4)
            return quarter(y, q)
        end = self.start - timedelta(days=1)
        start = end - (self.end - self.start)
        return Period(start, end, f"{start.isoformat()} – {end.isoformat()}", "custom")


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), str(y), str(y))


def quarter(y: int, q: int) -> Period:
    start = date(y, 3 * q - 2, 1)
    end = (date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)) - timedelta(days=1)
    return Period(start, end, gettext("Q%(quarter)s %(year)s") % {"quarter": q, "year": y}, f"{y}-Q{q}")


def choices(today: date, first_year: int) -> list[tuple[str, str]]:
    years = [(str(y), str(y)) for y in range(today.year, max(first_year, today.year - 15) - 1, -1)]
    quarters = []
    y, q = today.year, (today.month - 1) // 3 + 1
    for _step in range(8):
        quarters.append((f"{y}-Q{q}", gettext("Q%(quarter)s %(year)s") % {"quarter": q, "year": y}))
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return [
        (gettext("Years"), years),
        (gettext("Quarters"), quarters),
        ("custom", gettext("Custom dates")),
    ]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data, *, today: date, first_year: int):
        super().__init__(data)
        self.today = today
        self.fields["period"].choices = choices(today, first_year)

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("period") or str(self.today.year)
        if code == "custom":
            start, end = cleaned.get("start"), cleaned.get("end")
            if not start or not end:
                raise forms.ValidationError(gettext("Give both dates of a custom period."))
            if start > end:
                raise forms.ValidationError(gettext("The period must end on or after its first day."))
            if start < EARLIEST or end - start > LONGEST:
                raise forms.ValidationError(gettext("Choose a period from 2000 on and of at most ten years."))
            cleaned["chosen"] = Period(start, end, f"{start.isoformat()} – {end.isoformat()}", "custom")
        elif code.isdigit():
            cleaned["chosen"] = year(int(code))
        else:
            y, q = code.split("-Q")
            cleaned["chosen"] = quarter(int(y), int(q))
        return cleaned


def chosen(data, *, today: date, first_year: int) -> tuple[PeriodForm, Period]:
    """The form (with its errors, if any) and the period it names, or this year when it names none."""
    form = PeriodForm(data, today=today, first_year=first_year)
    if form.is_valid():
        return form, form.cleaned_data["chosen"]
    return form, year(today.year)
