"""The house's layers: every import points down, no two apps import each other, and no import hides
inside a function to dodge a cycle (``AppConfig.ready()`` excepted: Django loads apps before it).

    site, demo, api                 compose pages, setup and the demo; the REST API
    insight, catalogue              dashboards, reports, evidence; the public catalogue, search and
                                    similar work: each reads every module below it, neither the other
    notifications                   hears the events modules publish
    modules                         coproduction, engagement, evaluation, sustainability, capability,
                                    learning
    pipeline                        challenges, ideas, projects, gates; defines the extension points
    programmes                      programmes and the method as data
    organisations                   the tenants and their networks
    accounts                        people, memberships, roles
    core                            audit, i18n, uploads, view helpers, the registry and events

Within the modules' layer, sustainability may read co-production (helix balance in its portfolio);
no other module imports a sibling. The site loads the demo.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "innocities"

LAYERS = [
    {"core"},
    {"accounts"},
    {"organisations"},
    {"programmes"},
    {"pipeline"},
    {"coproduction", "engagement", "evaluation", "sustainability", "capability", "learning"},
    {"notifications"},
    {"insight", "catalogue"},
    {"site", "demo", "api"},
]
SIBLINGS_ALLOWED = {("sustainability", "coproduction"), ("site", "demo")}
LEVEL = {app: n for n, layer in enumerate(LAYERS) for app in layer}


def _imports(package=PACKAGE):
    """(importing app, imported app, file:line, inside a function other than ready()) for each import."""
    found = []
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).parts
        if len(parts) < 2 or "migrations" in parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
                local |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                bits = module.split(".")
                if bits[0] == "innocities" and len(bits) > 1 and bits[1] != parts[0] and bits[1] in LEVEL:
                    where = f"{path.relative_to(package)}:{node.lineno}"
                    found.append((parts[0], bits[1], where, id(node) in local))
    return found


def test_every_app_has_a_layer():
    unknown = [p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists() and p.name not in LEVEL]
    assert unknown == [], f"place these apps in a layer of tests/test_layers.py: {unknown}"


def test_imports_point_down():
    upward = [
        f"{where}: {source} imports {target}"
        for source, target, where, _local in _imports()
        if LEVEL[target] > LEVEL[source]
        or (LEVEL[target] == LEVEL[source] and (source, target) not in SIBLINGS_ALLOWED and source != target)
    ]
    assert upward == []


def test_no_two_apps_import_each_other():
    edges = {(source, target) for source, target, _where, _local in _imports()}
    assert sorted(f"{a}<->{b}" for a, b in edges if (b, a) in edges and a < b) == []


def test_no_import_hides_in_a_function():
    hidden = [f"{where}: {target}" for _source, target, where, local in _imports() if local]
    assert hidden == []


def test_the_check_can_fail(tmp_path):
    """The walk really reads imports: a lower app importing a higher one is found."""
    fake = tmp_path / "innocities"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "__init__.py").write_text("")
    (fake / "core" / "bad.py").write_text("def f():\n    from innocities.pipeline import models\n")
    (fake / "pipeline").mkdir()
    (fake / "pipeline" / "__init__.py").write_text("")
    found = _imports(fake)
    assert found == [("core", "pipeline", "core/bad.py:2", True)]
