"""Values every page needs."""

from django.conf import settings


def portal(request) -> dict:
    """`sandbox`: True when nothing is sent to MaestroQA (no API token configured)."""
    return {"sandbox": settings.MAESTROQA_SANDBOX}
