"""Values every page needs."""

from django.conf import settings


def portal(request) -> dict:
    """`sandbox`: True when nothing is sent to MaestroQA (no API token configured); `approval`: True when
    an admin approves each upload before it is sent (REQUIRE_APPROVAL)."""
    return {"sandbox": settings.MAESTROQA_SANDBOX, "approval": settings.REQUIRE_APPROVAL}
