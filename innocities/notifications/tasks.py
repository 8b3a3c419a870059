from django_tasks import task

from . import delivery


@task()
def deliver_event(event: str, ids: dict) -> int:
    return len(delivery.deliver(event, ids))


@task()
def send_digests() -> dict:
    return delivery.send_digests()
