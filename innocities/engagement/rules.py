import rules

from innocities.pipeline.rules import manages_organisation

rules.add_perm("engagement.publish_call", manages_organisation)
