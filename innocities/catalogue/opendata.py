"""Open data: the public part of the platform as downloadable datasets (CSV and JSON), made again every
night by a task, each under a named licence, and described in a DCAT-AP catalogue (JSON-LD) that the
Swedish (dataportal.se) and Norwegian (data.norge.no) portals harvest.

Every dataset starts from the same public querysets as the catalogue pages, so no private or network
row can reach a file. The files are kept in the database (``DatasetFile``), so every app server
serves the same bytes without shared storage.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from innocities.core import fragments
from innocities.core.i18n import pick
from innocities.core.tables import spreadsheet_safe
from innocities.learning.access import visible_lessons
from innocities.organisations.models import Organisation
from innocities.pipeline.models import ProjectStatus

from .models import DatasetFile
from .queries import VISITOR, public_challenges, public_projects

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_NAMES = {CC_BY: "CC BY 4.0", CC0: "CC0 1.0"}
GOVE = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
TECH = "http://publications.europa.eu/resource/authority/data-theme/TECH"
ENVI = "http://publications.europa.eu/resource/authority/data-theme/ENVI"
EU_LANGUAGE = {
    "sv": "http://publications.europa.eu/resource/authority/language/SWE",
    "nb": "http://publications.europa.eu/resource/authority/language/NOB",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}
EU_COUNTRY = {
    "SE": "http://publications.europa.eu/resource/authority/country/SWE",
    "NO": "http://publications.europa.eu/resource/authority/country/NOR",
    "DK": "http://publications.europa.eu/resource/authority/country/DNK",
    "FI": "http://publications.europa.eu/resource/authority/country/FIN",
    "IS": "http://publications.europa.eu/resource/authority/country/ISL",
}
FORMATS = {"csv": "text/csv", "json": "application/json"}


@dataclass(frozen=True)
class Dataset:
    key: str
    title: object
    description: object
    licence: str
    themes: tuple[str, ...]
    keywords: tuple[str, ...]
    columns: tuple[str, ...]
    rows: object  # () -> iterable of dicts with the columns


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _projects(status=None):
    rows = public_projects().select_related("organisation", "programme", "phase", "focus_area").order_by("pk")
    if status:
        rows = rows.filter(status__in=status)
    for p in rows.iterator(chunk_size=2000):
        yield {
            "id": p.pk,
            "title": p.title,
            "summary": p.summary,
            "problem": p.problem,
            "expected_benefits": p.expected_benefits,
            "language": p.language or p.organisation.language,
            "organisation": p.organisation.name,
            "organisation_slug": p.organisation.slug,
            "organisation_kind": p.organisation.kind,
            "country": p.organisation.country,
            "municipality_code": p.organisation.official_code,
            "programme": p.programme.name,
            "phase": p.phase.key,
            "phase_name": pick(p.phase.name, "en"),
            "status": p.status,
            "focus_area": p.focus_area.key if p.focus_area_id else "",
            "receiving_unit": p.receiving_unit,
            "starts_on": p.starts_on.isoformat() if p.starts_on else "",
            "ends_on": p.ends_on.isoformat() if p.ends_on else "",
            "updated_at": p.updated_at.date().isoformat(),
            "url": _site(reverse("catalogue:project", args=[p.pk])),
        }


def _challenges():
    rows = public_challenges().select_related("organisation", "focus_area")
    for c in rows.order_by("pk").iterator(chunk_size=2000):
        yield {
            "id": c.pk,
            "title": c.title,
            "description": c.description,
            "evidence": c.evidence,
            "language": c.language or c.organisation.language,
            "organisation": c.organisation.name,
            "organisation_slug": c.organisation.slug,
            "country": c.organisation.country,
            "status": c.status,
            "focus_area": c.focus_area.key if c.focus_area_id else "",
            "created_on": c.created_at.date().isoformat(),
            "url": _site(reverse("catalogue:challenge", args=[c.pk])),
        }


def _lessons():
    rows = visible_lessons(VISITOR).select_related("organisation", "phase").prefetch_related("tools")
    for lesson in rows.order_by("pk").iterator(chunk_size=1000):
        yield {
            "id": lesson.pk,
            "project_id": lesson.project_id,
            "organisation": lesson.organisation.name,
            "country": lesson.organisation.country,
            "occasion": lesson.occasion,
            "phase": lesson.phase.key,
            "language": lesson.language,
            "what_worked": lesson.what_worked,
            "what_did_not": lesson.what_did_not,
            "advice": lesson.advice,
            "tools": "; ".join(f"{t.key}={t.usefulness}" for t in lesson.tools.all()),
            "recorded_on": lesson.recorded_on.isoformat(),
            "url": _site(lesson.get_absolute_url()),
        }


def _indicators():
    """Per organisation: its public projects by status — what the catalogue shows, counted."""
    counts = (
        public_projects()
        .order_by()
        .values("organisation_id")
        .annotate(
            public_projects=Count("pk"),
            implemented=Count("pk", filter=Q(status=ProjectStatus.IMPLEMENTED)),
            scaled=Count("pk", filter=Q(status=ProjectStatus.SCALED)),
            stopped=Count("pk", filter=Q(status=ProjectStatus.STOPPED)),
            active=Count("pk", filter=Q(status=ProjectStatus.ACTIVE)),
        )
    )
    by_org = {row["organisation_id"]: row for row in counts}
    for o in Organisation.objects.filter(pk__in=list(by_org)).order_by("pk"):
        row = by_org[o.pk]
        yield {
            "organisation": o.name,
            "organisation_slug": o.slug,
            "organisation_kind": o.kind,
            "country": o.country,
            "municipality_code": o.official_code,
            "public_projects": row["public_projects"],
            "active": row["active"],
            "implemented": row["implemented"],
            "scaled": row["scaled"],
            "stopped": row["stopped"],
        }


PROJECT_COLUMNS = (
    "id", "title", "summary", "problem", "expected_benefits", "language", "organisation", "organisation_slug",
    "organisation_kind", "country", "municipality_code", "programme", "phase", "phase_name", "status",
    "focus_area", "receiving_unit", "starts_on", "ends_on", "updated_at", "url",
)  # fmt: skip

DATASETS = [
    Dataset(
        key="projects",
        title=_("Public innovation projects"),
        description=_(
            "Innovation projects that Nordic municipalities, ports and energy companies have made public: "
            "need, summary, phase in the innovation method, status and expected benefits."
        ),
        licence=CC_BY,
        themes=(GOVE, TECH),
        keywords=("innovation", "municipality", "public sector"),
        columns=PROJECT_COLUMNS,
        rows=lambda: _projects(),
    ),
    Dataset(
        key="implemented-solutions",
        title=_("Implemented and scaled solutions"),
        description=_(
            "Public projects that were handed over to ordinary operations (implemented) or taken up more "
            "widely (scaled): solutions other organisations can reuse, with who owns them in operations."
        ),
        licence=CC_BY,
        themes=(GOVE, TECH),
        keywords=("innovation", "reuse", "implementation"),
        columns=PROJECT_COLUMNS,
        rows=lambda: _projects(status=(ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED)),
    ),
    Dataset(
        key="challenges",
        title=_("Public challenges"),
        description=_("The needs the organisations want solved, with the evidence for each need."),
        licence=CC_BY,
        themes=(GOVE,),
        keywords=("challenge", "need", "public sector"),
        columns=(
            "id",
            "title",
            "description",
            "evidence",
            "language",
            "organisation",
            "organisation_slug",
            "country",
            "status",
            "focus_area",
            "created_on",
            "url",
        ),  # fmt: skip
        rows=lambda: _challenges(),
    ),
    Dataset(
        key="lessons",
        title=_("Lessons learned"),
        description=_(
            "What project teams learned at their gate decisions and when work was stopped, implemented or "
            "scaled: what worked, what did not, advice to others, and how useful each method tool was (1–5)."
        ),
        licence=CC_BY,
        themes=(GOVE,),
        keywords=("lessons learned", "innovation method"),
        columns=(
            "id",
            "project_id",
            "organisation",
            "country",
            "occasion",
            "phase",
            "language",
            "what_worked",
            "what_did_not",
            "advice",
            "tools",
            "recorded_on",
            "url",
        ),  # fmt: skip
        rows=lambda: _lessons(),
    ),
    Dataset(
        key="indicators",
        title=_("Innovation indicators per organisation"),
        description=_(
            "For each organisation with public work: its public projects, and how many are active, "
            "implemented, scaled or stopped. Counts of public projects only."
        ),
        licence=CC0,
        themes=(GOVE,),
        keywords=("indicators", "statistics", "innovation"),
        columns=(
            "organisation",
            "organisation_slug",
            "organisation_kind",
            "country",
            "municipality_code",
            "public_projects",
            "active",
            "implemented",
            "scaled",
            "stopped",
        ),  # fmt: skip
        rows=lambda: _indicators(),
    ),
]
BY_KEY = {d.key: d for d in DATASETS}


def _csv(dataset: Dataset, rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(dataset.columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(row.get(c, "")) for c in dataset.columns])
    return "\ufeff" + out.getvalue()  # with a byte-order mark, so spreadsheets read UTF-8


def _json(dataset: Dataset, rows: list[dict], generated: str) -> str:
    body = {
        "dataset": dataset.key,
        "title": str(dataset.title),
        "licence": dataset.licence,
        "data_as_of": generated,
        "columns": list(dataset.columns),
        "rows": rows,
    }
    return json.dumps(body, ensure_ascii=False, indent=1)


@transaction.atomic
def generate() -> dict[str, int]:
    """Make every dataset's files again; returns its rows per dataset. Same data, same bytes."""
    counts = {}
    stored = {
        (f.dataset, f.format): f.digest for f in DatasetFile.objects.only("dataset", "format", "digest")
    }
    for dataset in DATASETS:
        rows = list(dataset.rows())
        latest = max(
            (r.get("updated_at") or r.get("recorded_on") or r.get("created_on") or "" for r in rows),
            default="",
        )
        # the JSON names the newest change in its rows, not the hour it was made: same data, same bytes
        for fmt, content in (("csv", _csv(dataset, rows)), ("json", _json(dataset, rows, latest))):
            digest = hashlib.sha256(content.encode()).hexdigest()
            if stored.get((dataset.key, fmt)) == digest:
                continue  # the same bytes keep their time (dct:modified, Last-Modified) of their last change
            DatasetFile.objects.update_or_create(
                dataset=dataset.key,
                format=fmt,
                defaults={
                    "content": content,
                    "rows": len(rows),
                    "digest": digest,
                    "generated_at": timezone.now(),
                },
            )
        counts[dataset.key] = len(rows)
    fragments.touch("open-data")
    return counts


def files() -> dict[tuple[str, str], DatasetFile]:
    rows = DatasetFile.objects.defer("content")
    return {(f.dataset, f.format): f for f in rows}


def dcat(request) -> dict:
    """The DCAT-AP catalogue of the datasets (JSON-LD), as DCAT-AP-SE and DCAT-AP-NO harvest it."""
    made = files()
    publisher = {
        "@id": _site("/"),
        "@type": "foaf:Agent",
        "foaf:name": getattr(settings, "SITE_OPERATOR", "") or "InnoCities",
    }
    contact = {"@type": "vcard:Organization", "vcard:fn": publisher["foaf:name"]}
    if getattr(settings, "SITE_CONTACT_EMAIL", ""):
        contact["vcard:hasEmail"] = {"@id": f"mailto:{settings.SITE_CONTACT_EMAIL}"}
    datasets = []
    for dataset in DATASETS:
        titles, descriptions = [], []
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                titles.append({"@language": language, "@value": str(dataset.title)})
                descriptions.append({"@language": language, "@value": str(dataset.description)})
        distributions = []
        for fmt, media_type in FORMATS.items():
            f = made.get((dataset.key, fmt))
            url = _site(reverse("catalogue:dataset", args=[dataset.key, fmt]))
            distributions.append(
                {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": f"{dataset.key}.{fmt}",
                    "dcat:accessURL": {"@id": _site(reverse("catalogue:open_data"))},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
                    "dct:format": {
                        "@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt.upper()}"
                    },
                    "dct:license": {"@id": dataset.licence},
                    **({"dct:modified": f.generated_at.isoformat()} if f else {}),
                }
            )
        datasets.append(
            {
                "@id": _site(reverse("catalogue:open_data") + f"#{dataset.key}"),
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.key,
                "dct:title": titles,
                "dct:description": descriptions,
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dcat:theme": [{"@id": t} for t in dataset.themes],
                "dcat:keyword": list(dataset.keywords),
                "dct:language": [{"@id": EU_LANGUAGE[code]} for code, _n in settings.LANGUAGES],
                "dct:spatial": [{"@id": EU_COUNTRY[c]} for c in ("SE", "NO")],
                "dct:accessRights": {
                    "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
                },
                "dct:accrualPeriodicity": {
                    "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY"
                },
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": _site(reverse("catalogue:dcat")),
        "@type": "dcat:Catalog",
        "dct:title": [{"@language": "en", "@value": "InnoCities open data"}],
        "dct:description": [
            {
                "@language": "en",
                "@value": "Public innovation work of Nordic municipalities, ports and energy companies.",
            }
        ],
        "dct:publisher": publisher,
        "dct:language": [{"@id": EU_LANGUAGE[code]} for code, _n in settings.LANGUAGES],
        "foaf:homepage": {"@id": _site(reverse("catalogue:open_data"))},
        "dct:license": {"@id": CC_BY},
        "dcat:dataset": datasets,
    }
