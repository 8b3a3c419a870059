"""System check: every evidence tag in a shipped method file is checked by a registered module."""

from pathlib import Path

import yaml
from django.core import checks

from innocities.programmes.actions import METHODS_DIR, unknown_requirements


@checks.register()
def method_requirements_are_known(app_configs=None, **kwargs):
    problems = []
    for path in sorted(Path(METHODS_DIR).glob("*.yaml")):
        unknown = unknown_requirements(yaml.safe_load(path.read_text(encoding="utf-8")))
        if unknown:
            problems.append(
                checks.Error(
                    f"{path.name} names evidence tags that no module checks: {', '.join(unknown)}",
                    hint="Register a GateRequirement for each tag (core.registry), or fix the spelling.",
                    id="innocities.E001",
                )
            )
    return problems
