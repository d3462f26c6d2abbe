"""Find a ticket: every row, across all uploads, whose item names a ticket id or an agent.

For admins only (the view checks). Each hit carries the row, its upload and
every attempt of its batch, i.e. each time it was sent and what MaestroQA answered.
"""

from dataclasses import dataclass

from django.db.models import Q

from uploads.models import Attempt, Row

MAX_HITS = 200


@dataclass
class Send:
    """One row found: `row` (with upload and batch loaded) and its batch's `attempts`, oldest first."""

    row: Row
    attempts: list[Attempt]


def find_sends(query: str) -> list[Send]:
    """Rows whose item's ticket_id or agent_id equals `query`, or agent_email equals it (any case).

    Newest uploads first, at most MAX_HITS rows.
    """
    query = query.strip()
    if not query:
        return []
    rows = (
        Row.objects.filter(
            Q(item__ticket_id=query) | Q(item__agent_id=query) | Q(item__agent_email__iexact=query)
        )
        .select_related("upload", "upload__owner", "batch")
        .order_by("-upload__created_at", "-upload_id", "number")[:MAX_HITS]
    )
    return [Send(row=row, attempts=list(row.batch.attempts.all()) if row.batch else []) for row in rows]
