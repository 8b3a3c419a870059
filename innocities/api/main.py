"""The REST API at /api/v1/: django-ninja, an OpenAPI 3.1 document, errors as problem details
(RFC 9457), ETags on every read. Its documentation page is served from this site (Swagger UI from npm)."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from innocities.core import observability

from .auth import Caller, Throttled
from .routes import router

PROBLEM = "application/problem+json"


class Renderer(JSONRenderer):
    media_type = "application/json"


api = NinjaAPI(
    title="InnoCities API",
    version="1.0.0",
    description=(
        "Organisations, programmes and their method, challenges, ideas, projects with their gate decisions "
        "and SDG profile, open calls, lessons learned, indicators and measurements. Without credentials you "
        "read what is public; with a personal access token (made on your account page, sent as "
        "`Authorization: Bearer …`) or your signed-in session you read what you may see, and with a token "
        "that may write you can submit ideas, report progress and record measurements. Lists are paged by "
        "cursor (follow `next`); errors are problem details (`application/problem+json`)."
    ),
    urls_namespace="api",
    auth=Caller(),
    renderer=Renderer(),
    docs_url=None,
    openapi_url="/openapi.json",
)
api.add_router("", router)


def problem(request, status: int, title: str, detail: str = "", errors=None, headers=None) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "data"))
        errors.setdefault(where or "request", []).append(str(error.get("msg", "")))
    return problem(request, 422, _("The request is not valid."), errors=errors)


@api.exception_handler(DjangoValidationError)
def refused(request, exc):
    errors = (
        {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else None
    )
    detail = " ".join(str(m) for m in exc.messages)
    return problem(request, 400, _("The action was refused."), detail, errors=errors)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    detail = str(exc) if str(exc) != "Unauthorized" else _("Send a valid token or sign in.")
    return problem(request, 401, _("Not authenticated."), detail, headers={"WWW-Authenticate": "Bearer"})


@api.exception_handler(Throttled)
def throttled(request, exc):
    return problem(request, 429, _("Too many requests."), str(exc), headers={"Retry-After": "60"})


@api.exception_handler(HttpError)
def http_error(request, exc):
    titles = {
        400: _("Bad request."),
        403: _("Not allowed."),
        404: _("Not found."),
        422: _("The request is not valid."),
    }
    return problem(request, exc.status_code, titles.get(exc.status_code, _("Error.")), str(exc))


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem(request, 404, _("Not found."), _("There is nothing here you may see."))


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return problem(request, 403, _("Not allowed."), _("You may not do this."))


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_away(request, exc):
    """The database cannot be reached: 503 with Retry-After (Django logs the answer in one line). Any
    other database error is a fault: raised again, for the 500 and its traceback."""
    if not observability.database_unavailable(exc):
        raise exc
    return problem(
        request,
        503,
        _("The service is briefly unavailable."),
        _("Try again in a moment."),
        headers={"Retry-After": str(observability.RETRY_AFTER)},
    )


class ETags:
    """Reads under /api/ carry a strong ETag of their body; a matching If-None-Match is answered 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or response.streaming:
            return response
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)
