"""The API's documentation, served from this site: a reference rendered on the server from the OpenAPI
document (readable without JavaScript, by screen readers and in print), and Swagger UI (from npm) to try
the operations."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from innocities.core import fragments

from .main import api

METHODS = ("get", "post", "put", "patch", "delete")


def _type(schema: dict, components: dict) -> str:
    """A field's type in a word or two: string, integer, date, ProjectOut, list of ProjectOut, …"""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [_type(s, components) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds) + (" (optional)" if len(kinds) < len(schema["anyOf"]) else "")
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}), components)}"
    if schema.get("enum"):
        return " | ".join(str(v) for v in schema["enum"])
    return schema.get("format") or schema.get("type") or "object"


def _fields(ref: str | None, components: dict) -> list[dict]:
    if not ref:
        return []
    schema = components.get(ref.rsplit("/", 1)[-1], {})
    required = set(schema.get("required", ()))
    return [
        {"name": name, "type": _type(field, components), "required": name in required,
         "description": field.get("description", "")}
        for name, field in schema.get("properties", {}).items()
    ]  # fmt: skip


def reference() -> list[dict]:
    """The operations by tag, as the reference page lists them."""
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    components = document.get("components", {}).get("schemas", {})
    tags: dict[str, list] = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            responses = {str(code): value for code, value in operation.get("responses", {}).items()}
            ok = next((code for code in responses if code.startswith("2")), "200")
            answer = responses.get(ok, {}).get("content", {}).get("application/json", {})
            tags.setdefault((operation.get("tags") or ["other"])[0], []).append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {}), components),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": _fields(body.get("schema", {}).get("$ref"), components),
                    "ok": ok,
                    "answer": _type(answer.get("schema", {}), components) if answer else "",
                    "errors": sorted(code for code in responses if code.startswith("4")),
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in tags.items()]


@require_safe
def docs(request):
    """The reference, rendered on the server (computed once per release: it changes only with the code)."""
    operations = fragments.cached("api:reference", ["api-reference"], reference, timeout=24 * 3600)
    return render(request, "api/docs.html", {"reference": operations})


@require_safe
def explorer(request):
    """Swagger UI, to try the operations from the browser."""
    return render(request, "api/explorer.html")
