import rules

from innocities.pipeline.rules import (
    coordinates_programme,
    leads_in_organisation,
    manages_organisation,
    works_on_project,
)

# On an organisation (actors are the organisation's own register)
rules.add_perm("coproduction.manage_actors", leads_in_organisation)
# On a project
rules.add_perm(
    "coproduction.change_participation", manages_organisation | coordinates_programme | works_on_project
)
rules.add_perm(
    "coproduction.record_activity", manages_organisation | coordinates_programme | works_on_project
)
