"""Platform staff keep the thesaurus in the admin: concepts with their terms in sv, nb and en."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Concept, Term


class StaffOnly:
    """Platform staff (``is_staff``) keep the thesaurus; no per-model permissions to hand out."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


class TermInline(StaffOnly, admin.TabularInline):
    model = Term
    extra = 3
    fields = ("language", "text", "order")


@admin.register(Concept)
class ConceptAdmin(StaffOnly, admin.ModelAdmin):
    list_display = ("key", "area", "terms_shown", "updated_at")
    list_filter = ("area",)
    search_fields = ("key", "terms__text")
    inlines = [TermInline]

    @admin.display(description=_("terms"))
    def terms_shown(self, concept):
        return ", ".join(f"{t.text} ({t.language})" for t in concept.terms.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("terms")
