"""An Atom feed of the catalogue's newest public projects, under the same filters as the page."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from . import queries
from .forms import ProjectFilterForm

ITEMS = 30


class LatestProjects(Feed):
    feed_type = Atom1Feed
    title = _("InnoCities: public projects")
    subtitle = _(
        "Innovation projects that Nordic municipalities, ports and energy companies share with everyone."
    )

    def get_object(self, request, *args, **kwargs):
        filters = ProjectFilterForm(request.GET or None).filters()
        self.query = urlencode(sorted((k, str(v)) for k, v in filters.items()))  # the cleaned filters only
        return filters

    def link(self, filters):
        url = reverse("catalogue:index")
        return f"{url}?{self.query}" if self.query else url

    def items(self, filters):
        projects = queries.filter_projects(queries.public_projects(), filters)
        return projects.select_related("organisation", "phase").order_by("-updated_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return reverse("catalogue:project", args=[item.pk])

    def item_author_name(self, item):
        return item.organisation.name

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [item.get_status_display()]
