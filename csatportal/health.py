"""`/healthz`: is the database reachable, is Redis reachable? For load balancers and orchestrators.

200 {"status": "ok", "database": "ok", "redis": "ok"}, or 503 with the failing
part set to "error" (the exception's class name only: no URL, no password).
No login: it reveals nothing but up or down.
"""

import logging

import django_rq
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


def check_database() -> str:
    """"ok", or "error: <ExceptionClass>"."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means unhealthy
        log.warning("health check: database unreachable (%s)", type(exc).__name__)
        return f"error: {type(exc).__name__}"
    return "ok"


def check_redis() -> str:
    """"ok", or "error: <ExceptionClass>"."""
    try:
        django_rq.get_connection("default").ping()
    except Exception as exc:  # any failure means unhealthy
        log.warning("health check: redis unreachable (%s)", type(exc).__name__)
        return f"error: {type(exc).__name__}"
    return "ok"


@never_cache
def healthz(request):
    parts = {"database": check_database(), "redis": check_redis()}
    healthy = all(value == "ok" for value in parts.values())
    return JsonResponse({"status": "ok" if healthy else "error", **parts}, status=200 if healthy else 503)
