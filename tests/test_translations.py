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
        context = _unquote(fields["msgctxt"]) if "msgctxt" in fields else None
        yield msgid, strs, fuzzy, "msgid_plural" in fields, context


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    missing = [
        msgid
        for msgid, strs, fuzzy, *_ in entries(LOCALE / language / "LC_MESSAGES" / "django.po")
        if fuzzy or not all(strs)
    ]
    assert missing == [], f"{len(missing)} untranslated in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    broken = []
    for msgid, strs, _fuzzy, plural, _context in entries(LOCALE / language / "LC_MESSAGES" / "django.po"):
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
        for msgid, strs, _fuzzy, plural, context in entries(folder / "django.po")
        if not plural
        and (compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)) != strs[0]
    ]
    assert stale == [], "run `make compile-messages`"


GETTEXT_CALLS = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
}


def _known():
    return {msgid for msgid, *_ in entries(LOCALE / "sv" / "LC_MESSAGES" / "django.po")}


def template_strings(path):
    """Every msgid a template asks for, as Django's makemessages finds it: {% translate %},
    {% blocktranslate %} with its variables and plurals, and _("…") inside tags."""
    from django.utils.translation.template import templatize

    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for match in re.finditer(r"""\b(?:n|p|np)?gettext\((u'(?:[^'\\]|\\.)*'|u"(?:[^"\\]|\\.)*")""", code):
        yield eval(match.group(1))  # noqa: S307 - templatize writes Python string literals
    for match in re.finditer(r"""\b_\(("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\)""", code):
        yield eval(match.group(1))  # noqa: S307 - a filter argument such as default:_("…")


def python_strings(path):
    """Every msgid a module asks for: any gettext call (lazy, noop, plural, with context), whatever its
    line breaks, read from the syntax tree rather than with a pattern."""
    import ast

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        position = GETTEXT_CALLS.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield arg.value


def test_every_template_string_is_in_the_catalogue(settings):
    """A translatable string added to a template without re-running `make messages` fails here."""
    known = _known()
    missing = {
        text
        for path in (LOCALE.parent / "templates").rglob("*.html")
        for text in template_strings(path)
        if text not in known
    }
    assert sorted(missing) == []


def test_every_python_string_is_in_the_catalogue():
    known = _known()
    missing = set()
    for path in (LOCALE.parent).rglob("*.py"):
        if "migrations" in path.parts or "demo" in path.parts:
            continue
        missing |= {text for text in python_strings(path) if text not in known}
    assert sorted(missing) == []


def test_the_string_readers_find_what_makemessages_finds(tmp_path):
    """The readers above see blocktranslate, lazy and multi-line calls (so the two tests can fail)."""
    page = tmp_path / "page.html"
    page.write_text(
        "{% load i18n %}{% blocktranslate with n=x %}Hello {{ n }}{% endblocktranslate %}"
        "{% blocktranslate count c=k %}one thing{% plural %}{{ c }} things{% endblocktranslate %}"
        "{% translate 'Single' %}{% translate \"It's here\" %}"
        "{% include 'x' with caption=_(\"Inside a tag\") %}",
        encoding="utf-8",
    )
    found = set(template_strings(page))
    assert found >= {"Hello %(n)s", "one thing", "Single", "It's here", "Inside a tag"}
    module = tmp_path / "m.py"
    module.write_text(
        "from django.utils.translation import gettext_lazy, pgettext\n"
        'a = gettext_lazy(\n    "Split over "\n    "two lines"\n)\nb = pgettext("menu", "Open")\n',
        encoding="utf-8",
    )
    assert set(python_strings(module)) == {"Split over two lines", "Open"}


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
