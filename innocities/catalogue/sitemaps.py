"""The sitemap lists what anyone may read: the catalogue's pages and every public project, challenge
and organisation page (an index of sections, a thousand addresses a page)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from innocities.organisations.models import Organisation

from . import queries


class _Paged(Sitemap):
    limit = 1000


class Pages(_Paged):
    changefreq = "daily"

    def items(self):
        return ["catalogue:index", "catalogue:challenges", "catalogue:organisations", "engagement:calls"]

    def location(self, item):
        return reverse(item)


class Projects(_Paged):
    def items(self):
        return queries.public_projects().only("pk", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("catalogue:project", args=[item.pk])

    def lastmod(self, item):
        return item.updated_at


class Challenges(_Paged):
    def items(self):
        return queries.public_challenges().only("pk", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("catalogue:challenge", args=[item.pk])

    def lastmod(self, item):
        return item.updated_at


class Organisations(_Paged):
    def items(self):
        return Organisation.objects.only("slug").order_by("pk")

    def location(self, item):
        return reverse("catalogue:organisation", args=[item.slug])


SITEMAPS = {"pages": Pages, "projects": Projects, "challenges": Challenges, "organisations": Organisations}
