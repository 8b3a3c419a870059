"""PDF documents from templates, drawn by WeasyPrint: A4, a running header (whose report, which report),
a footer (the day it was made, its language, "Page 3 of 7"), Debian's DejaVu fonts.

The PDF never reaches outside the project: its only fetcher serves the project's own static files
(the stylesheet) and refuses every other address (no network, no ``file:`` or ``data:`` URL), so a
text someone typed can never make the server fetch anything. Templates extend ``pdf/base.html``.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, get_language_info, gettext

from .uploads import safe_name

HEADER_LIMIT = 90  # characters of a name or title in the running header, which has one line
SVG_STYLES = "pdf/svg.css"  # the charts' styles: WeasyPrint styles an inline SVG only from its own <style>
SVG_START = re.compile(r"(<svg\b[^>]*>)")


def _css_string(text: str) -> str:
    """A CSS string literal holding any text: everything but ASCII letters, digits and spaces escaped
    (a hex escape ends with a space, which CSS consumes), so no quote, backslash or newline in a name
    can end the string or the rule."""
    out = []
    for ch in str(text):
        out.append(ch if (ch.isascii() and ch.isalnum()) or ch == " " else f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def _shortened(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= HEADER_LIMIT else text[: HEADER_LIMIT - 1] + "…"


def page_numbers() -> str:
    """ "Page 3 of 7" as CSS content, in the active language, wherever the language puts the numbers."""
    marker = gettext("Page %(page)s of %(pages)s") % {"page": "\x00page\x00", "pages": "\x00pages\x00"}
    parts = []
    for i, piece in enumerate(marker.split("\x00")):
        if i % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts)


def page_css(*, owner: str, title: str, made: str) -> str:
    """The page boxes: the texts of the margins written into CSS strings, every character escaped."""
    return f"""
@page {{
  @top-left {{ content: {_css_string(_shortened(owner))}; }}
  @top-right {{ content: {_css_string(_shortened(title))}; }}
  @bottom-left {{ content: {_css_string(made)}; }}
  @bottom-right {{ content: {page_numbers()}; }}
}}
"""


def _made_line(language: str) -> str:
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    try:
        name = get_language_info(language)["name_local"]
    except KeyError:
        name = language
    return gettext("Made on %(date)s · %(language)s") % {"date": today, "language": name}


def style_svgs(html: str) -> str:
    """Every inline SVG with the charts' style sheet in a <style> of its own, as WeasyPrint needs."""
    if "<svg" not in html:
        return html
    styles = render_to_string(SVG_STYLES).replace("<", "")  # our own file; never a tag inside the SVG
    return SVG_START.sub(lambda m: m.group(1) + "<style>" + styles + "</style>", html)


def static_fetcher(base_url: str):
    """WeasyPrint's fetcher for this document: the project's static files under ``STATIC_URL`` (read
    through the staticfiles finders, never the network), and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    prefix = urljoin(base_url, settings.STATIC_URL)

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = _static_path(url, prefix)
            if path is None:
                raise ValueError(f"not fetched (only the project's static files are): {url[:80]}")
            with open(path, "rb") as handle:
                body = handle.read()
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": kind})

    return StaticOnly()


def _static_path(url: str, prefix: str) -> str | None:
    """The file behind a static URL of this document, or None for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.username or parts.password:
        return None
    address = f"{parts.scheme}://{parts.netloc}{parts.path}"
    if not address.startswith(prefix):
        return None
    name = unquote(address[len(prefix) :])
    clean = posixpath.normpath(name)
    if not name or clean != name or clean.startswith(("/", "..")) or "\\" in name or "\x00" in name:
        return None
    try:
        return finders.find(clean)
    except SuspiciousFileOperation:
        return None


def render_pdf(request, template: str, context: dict, filename: str) -> HttpResponse:
    """The template as a PDF download. ``context`` names ``report_owner`` (the organisation, network
    or programme the report is about) and ``report_title``; both head every page."""
    from weasyprint import CSS, HTML

    language = get_language() or settings.LANGUAGE_CODE
    made = _made_line(language)
    context = {**context, "pdf_language": language, "pdf_made": made}
    html = style_svgs(render_to_string(template, context, request=request))
    base_url = request.build_absolute_uri("/")
    fetcher = static_fetcher(base_url)
    margins = CSS(
        string=page_css(
            owner=context.get("report_owner", ""), title=context.get("report_title", ""), made=made
        ),
        url_fetcher=fetcher,
    )
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=[margins], pdf_tags=True)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, safe_name(filename, "pdf"))
    response["Cache-Control"] = "private, no-store"
    return response
