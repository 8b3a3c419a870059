"""Named permissions of sustainability: assessing a project, keeping an organisation's indicators,
measuring a project's benefits. Built from the pipeline's predicates on roles."""

import rules

from innocities.pipeline.rules import (
    coordinates_programme,
    leads_in_organisation,
    leads_project,
    manages_organisation,
    works_on_project,
)

rules.add_perm("sustainability.assess", manages_organisation | coordinates_programme | works_on_project)
# An organisation's indicator library, targets, measurements and imports: its admins, coordinators and leads.
rules.add_perm("sustainability.manage_indicators", leads_in_organisation)
# A project's expected benefits measured with indicators: whoever may change the project.
rules.add_perm(
    "sustainability.measure_benefits", manages_organisation | coordinates_programme | leads_project
)
