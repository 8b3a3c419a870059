"""Pagination whose cost follows the page, not the installation: the count stops at a cap.

A list of every visible project could count 100,000 rows for a page that shows 50. ``CappedPaginator``
counts at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``): beyond the cap the page
says "more than 1,000" and offers pages up to the cap; filters narrow the rest.
"""

from functools import cached_property

from django.core.paginator import Paginator

CAP = 1000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if hasattr(rows, "order_by"):
            rows = rows.order_by()  # counting needs no order: no sort of every matching row
        return min(rows[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        """True when there are more rows than the cap (the count shown is then "more than" the cap)."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        return max(1, -(-min(self.count, self.cap) // self.per_page))


def page_of(request, queryset, per_page: int, *, cap: int = CAP):
    return CappedPaginator(queryset, per_page, cap=cap).get_page(request.GET.get("page"))
