import os
import platform
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from innocities.site import bench
from innocities.site.scale import already_loaded


class Command(BaseCommand):
    help = (
        "Measure every main page as its personas see it, served by gunicorn with the production settings: "
        "p50, p95, throughput at 8 clients, share of the framework floor, and the page's time against the "
        "SQL behind it. Needs `innocities load-scale`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
        parser.add_argument("--clients", type=int, default=8, help="clients at once (default 8)")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
        parser.add_argument("--only", default="", help="only the pages whose name holds this (and the floor)")
        parser.add_argument("--json", default="", help="where to write the JSON (default var/bench/…)")
        parser.add_argument(
            "--burst",
            type=int,
            default=30,
            help="seconds of a burst of 200 connections that give up after 5 s, then the time until the site "
            "answers again (default 30; 0 skips it)",
        )

    def handle(self, *args, requests, clients, workers, json, burst, only, **options):
        if not os.environ.get("REDIS_URL"):
            raise CommandError(
                "bench serves with the production settings, which need REDIS_URL "
                "(e.g. REDIS_URL=redis://127.0.0.1:6379/1)."
            )
        if not already_loaded():
            raise CommandError("Load the data set first: innocities load-scale --factor 1 (or 10).")
        call_command("collectstatic", interactive=False, verbosity=0)  # production serves hashed names
        started = datetime.now()
        load_before = os.getloadavg()
        results = bench.run(requests=requests, clients=clients, workers=workers, only=only)
        overload = bench.run_burst(seconds=burst, workers=workers) if burst > 0 else None
        meta = {
            "started": started.isoformat(timespec="seconds"),
            "database": connection.vendor,
            "projects": bench.Project.objects.count(),
            "cores": os.cpu_count(),
            "machine": platform.platform(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "requests_per_page": requests,
            "clients": clients,
            "workers": workers,
        }
        path = (
            Path(json)
            if json
            else Path(settings.BASE_DIR) / "var" / "bench" / f"bench-{started:%Y%m%d-%H%M%S}.json"
        )
        if overload:
            meta["burst"] = asdict(overload)
        bench.write_json(results, path, meta)
        self.stdout.write(
            f"{meta['projects']:,} projects on {meta['database']}, {meta['cores']} cores, "
            f"load {load_before[0]:.1f} → {meta['load_average_after'][0]:.1f}, "
            f"{clients} clients, {workers} workers"
        )
        self.stdout.write(bench.table(results))
        wrong = [f"{r.page} ({r.persona}): {r.statuses}" for r in results if set(r.statuses) != {200}]
        if wrong:
            self.stdout.write(
                self.style.WARNING("Pages that did not answer 200 every time: " + "; ".join(wrong))
            )
        if overload:
            self.stdout.write(
                f"\nBurst: {overload.connections} connections for {overload.seconds} s, each giving up after "
                f"{overload.client_timeout_s:g} s: {overload.answered} answered, {overload.shed} shed (503), "
                f"{overload.gave_up} given up; the site answered again {overload.recovered_after_s} s "
                "after the burst ended."
            )
        self.stdout.write(f"\nJSON: {path}")
