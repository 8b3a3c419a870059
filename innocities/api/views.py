from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def docs(request):
    """The API's documentation: Swagger UI (from npm, served by this site) reading the OpenAPI document."""
    return render(request, "api/docs.html")
