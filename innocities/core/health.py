"""Health for the load balancer and the operators: ``/healthz`` says the process answers (nothing
else is asked, so a database outage never restarts every app server); ``/readyz`` says whether this
server can do its work: the database answers, the shared cache keeps a value, the file storage takes a
file, and the task queue is being worked (a worker polled it in the last minute, and the oldest task
waiting is younger than ``TASK_AGE_LIMIT``). Point the load balancer at /healthz and monitoring at
/readyz: a stopped worker must raise an alarm, not take the web servers out of service."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from innocities.core import observability, tasks


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def _storage():
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


def _tasks():
    age = observability.waiting()[1]
    if age > settings.TASK_AGE_LIMIT:
        raise RuntimeError(f"the oldest waiting task is {age:.0f} s old: is the worker running?")
    silent = tasks.worker_silent_for()
    if silent is not None and silent > 6 * tasks.HEARTBEAT_EVERY:
        raise RuntimeError("no worker has polled the task queue in the last minute: is the worker running?")
    return round(age, 1)


CHECKS = {"database": _database, "cache": _cache, "storage": _storage, "tasks": _tasks}


@require_safe
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request):
    results, ready = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail = check()
            results[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
            if detail is not None:
                results[name]["oldest_waiting_s"] = detail
        except Exception as error:  # noqa: BLE001 - every failure is an answer here, never a 500
            ready = False
            results[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return JsonResponse(
        {"status": "ok" if ready else "fail", "checks": results}, status=200 if ready else 503
    )
