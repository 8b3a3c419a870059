"""The read-replica option (innocities/core/replica.py), on two database aliases: the dashboards read from
the replica, every other page and every write from the primary. The test settings point the ``replica``
alias at the same test database (a mirror), as a streaming replica holds the same rows."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.core.replica import ReplicaRouter, reads_from_replica
from innocities.pipeline.models import Project

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture(autouse=True)
def replica(settings):
    settings.READ_FROM_REPLICA = True


def test_the_router_sends_reads_in_a_replica_view_to_the_replica_and_writes_never():
    router = ReplicaRouter()
    assert router.db_for_read(Project) is None  # the primary
    assert reads_from_replica(lambda: router.db_for_read(Project))() == "replica"
    assert reads_from_replica(lambda: router.db_for_write(Project))() == "default"
    assert router.allow_migrate("replica", "pipeline") is False and router.allow_migrate(
        "default", "pipeline"
    )


def test_a_dashboard_reads_from_the_replica_and_a_project_page_from_the_primary(world, client):
    client.force_login(world.leader)
    dashboard = reverse("insight:dashboard", args=["programme", "halden"])
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        assert client.get(dashboard).status_code == 200
    assert len(replica) >= 5, "the board's figures are read from the replica"
    assert not any("pipeline_project" in q["sql"] for q in primary), "no figure is read from the primary"

    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get(world.private.get_absolute_url()).status_code == 200
    assert len(replica) == 0, "an ordinary page never reads from the replica"
