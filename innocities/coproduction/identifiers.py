"""Nordic organisation numbers: normalise and check their check digits."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _digits(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def valid_swedish(number: str) -> bool:
    """Swedish organisationsnummer: 10 digits (a 12-digit form starting 16 is accepted), Luhn check."""
    if len(number) == 12 and number.startswith("16"):
        number = number[2:]
    if len(number) != 10 or not number.isdigit():
        return False
    total = 0
    for position, char in enumerate(number):
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def valid_norwegian(number: str) -> bool:
    """Norwegian organisasjonsnummer: 9 digits, modulus 11 with weights 3 2 7 6 5 4 3 2."""
    if len(number) != 9 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:8], (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[8])


CHECKS = {"SE": valid_swedish, "NO": valid_norwegian}


def normalise_org_number(value: str, country: str) -> str:
    """The number as stored (digits only, Swedish as 10 digits); raises ValidationError if invalid."""
    number = _digits(value)
    if not number:
        return ""
    check = CHECKS.get(country)
    if check is None:
        if not number.isalnum():
            raise ValidationError(_("Use only digits and letters in the organisation number."))
        return number
    if not check(number):
        if country == "SE":
            raise ValidationError(
                _("This is not a valid Swedish organisation number (10 digits, check digit).")
            )
        raise ValidationError(_("This is not a valid Norwegian organisation number (9 digits, check digit)."))
    if country == "SE" and len(number) == 12:
        number = number[2:]
    return number
