"""The benchmark's data set loads, and every page the benchmark measures keeps its number of queries
when the installation grows (the data set at two sizes). The full benchmark is not a timed test:
`innocities bench` measures time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from innocities.pipeline.models import Project
from innocities.site import bench
from innocities.site.scale import load_scale


@override_settings(CACHES=bench.NO_CACHE)  # what a page costs when its fragments must be computed
def _query_counts(client):
    people = bench.personas()
    counts = {}
    for page, persona, path in bench.pages():
        client.logout()
        if people[persona] is not None:
            client.force_login(people[persona])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 200, (page, persona, path, response.status_code)
        counts[(page, persona)] = len(captured)
    return counts


@pytest.mark.django_db
def test_every_benchmarked_page_keeps_its_query_count_as_the_data_grows(client):
    result = load_scale(factor=0.005)
    assert result["loaded"] and load_scale(factor=0.005) == {"loaded": False}, "loading twice does nothing"
    small = _query_counts(client)
    before = Project.objects.count()
    load_scale(factor=0.02, prefix="t", seed=7)
    assert Project.objects.count() >= 4 * before
    assert _query_counts(client) == small
