"""The sv, nb and en catalogues are complete, and the compiled catalogues match them."""

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "innocities" / "locale"
LANGUAGES = ["sv", "nb", "en"]


def _unquote(lines):
    return "".join(eval(line) for line in lines)  # noqa: S307 - PO strings are C-style string literals


def entries(path):
    """(msgid, [msgstr...], fuzzy) for every entry of a PO file, header excluded."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    for block in blocks:
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, current = {}, None
        for line in lines:
            match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (.*)$", line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
        if "msgid" not in fields:
            continue
        msgid = _unquote(fields["msgid"])
        if not msgid:
            continue
        strs = [_unquote(v) for k, v in fields.items() if k.startswith("msgstr")]
        yield msgid, strs, fuzzy, "msgid_plural" in fields


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    missing = [
        msgid
        for msgid, strs, fuzzy, _ in entries(LOCALE / language / "LC_MESSAGES" / "django.po")
        if fuzzy or not all(strs)
    ]
    assert missing == [], f"{len(missing)} untranslated in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    broken = []
    for msgid, strs, _fuzzy, plural in entries(LOCALE / language / "LC_MESSAGES" / "django.po"):
        wanted = set(re.findall(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", msgid))
        for text in strs:
            if not wanted <= set(re.findall(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", text)) and not plural:
                broken.append(msgid)
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for msgid, strs, _fuzzy, plural in entries(folder / "django.po")
        if not plural and compiled.gettext(msgid) != strs[0]
    ]
    assert stale == [], "run `make compile-messages`"


def test_every_template_string_is_in_the_catalogue():
    """A translatable string added to a template without re-running `make messages` fails here."""
    known = {msgid for msgid, *_ in entries(LOCALE / "sv" / "LC_MESSAGES" / "django.po")}
    pattern = re.compile(r"""\{% translate "([^"]+)" %\}|\{% translate '([^']+)' %\}""")
    missing = set()
    for path in (LOCALE.parent / "templates").rglob("*.html"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            text = match.group(1) or match.group(2)
            if text not in known:
                missing.add(text)
    assert sorted(missing) == []


def test_every_python_string_is_in_the_catalogue():
    known = {msgid for msgid, *_ in entries(LOCALE / "sv" / "LC_MESSAGES" / "django.po")}
    pattern = re.compile(r"""\b_\("((?:[^"\\]|\\.)+)"\)""")
    missing = set()
    for path in (LOCALE.parent).rglob("*.py"):
        if "migrations" in path.parts or "demo" in path.parts:
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            if match.group(1) not in known:
                missing.add(match.group(1))
    assert sorted(missing) == []


def test_djangos_password_messages_read_in_norwegian(db):
    from django.contrib.auth.password_validation import MinimumLengthValidator
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("nb"):
        try:
            MinimumLengthValidator(10).validate("kort")
        except ValidationError as error:
            assert error.messages == ["Passordet er for kort. Det må inneholde minst 10 tegn."]
        else:
            raise AssertionError("a short password was accepted")
