"""Find a ticket: every row, across all uploads, whose item names a ticket id or an agent, and
every row never sent for want of an item (invalid, skipped) with a cell that does.

For admins only (the view checks). Each hit carries the row, its upload and
every attempt of its batch, i.e. each time it was sent and what MaestroQA answered;
a row with no item shows its status and errors instead ("why did this ticket never arrive?").
"""

from dataclasses import dataclass

from django.db.models import Q

from uploads.models import Attempt, Row
from uploads.rowstore import CELL_SEPARATOR

MAX_HITS = 200
CELL_QUERY_CHARS = 3


@dataclass
class Send:
    """One row found: `row` (with upload and batch loaded) and its batch's `attempts`, oldest first."""

    row: Row
    attempts: list[Attempt]


def find_sends(query: str) -> list[Send]:
    """Rows whose item's ticket_id or agent_id equals `query`, or agent_email equals it (any case),
    and rows with no item one of whose cells (as edited) equals it in any case, for a query of at least
    CELL_QUERY_CHARS characters (a "5" would find every invalid row's score).

    Newest uploads first, at most MAX_HITS rows.
    """
    query = query.strip()
    if not query:
        return []
    cell, sep = query.lower(), CELL_SEPARATOR
    unsent = Q(item__isnull=True) & (
        Q(search_text=cell) | Q(search_text__startswith=cell + sep) | Q(search_text__endswith=sep + cell)
        | Q(search_text__contains=sep + cell + sep)
    ) if len(cell) >= CELL_QUERY_CHARS else Q(pk__in=[])
    rows = (
        Row.objects.filter(
            Q(item__ticket_id=query) | Q(item__agent_id=query) | Q(item__agent_email__iexact=query) | unsent
        )
        .select_related("upload", "upload__owner", "batch")
        .order_by("-upload__created_at", "-upload_id", "number")[:MAX_HITS]
    )
    return [Send(row=row, attempts=list(row.batch.attempts.all()) if row.batch else []) for row in rows]
