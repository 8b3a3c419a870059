from django_tasks import task

from . import opendata


@task()
def generate_open_data():
    """Make the open data files again (queued every night by the scheduler)."""
    return opendata.generate()
