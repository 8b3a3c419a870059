import rules

from innocities.pipeline.rules import coordinates_programme, manages_organisation, works_on_project

rules.add_perm("sustainability.assess", manages_organisation | coordinates_programme | works_on_project)
