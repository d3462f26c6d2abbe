"""A row's outcome, as the check gives it and the database keeps it: its status, its item or its
problems (RowResult, Problem), and the sentence every problem is told in (message). uploads/items.py
makes them; validation, rowstore and the pages read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from uploads import idcells

STATUSES = ("valid", "invalid", "skipped", "duplicate")


@dataclass
class Problem:
    """An error or warning on one field: `column` is the source header (None for a constant or
    an unmapped field), `value` the cell text, `message` a full sentence for the user, `code` a
    short key (see cells.Issue)."""

    field: str
    column: str | None
    value: str
    message: str
    code: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Problem:
        return cls(**data)


def compared(item: dict) -> dict:
    """The item as duplicate checks compare it: an agent_email in any case is one address, as a retyped
    row's BEN@EXAMPLE.COM is ben@example.com, and a ticket '#48213' is ticket 48213 (idcells.hash_number);
    the item itself keeps both as written."""
    email, ticket = item.get("agent_email"), item.get("ticket_id")
    if isinstance(email, str) and email != email.lower():
        item = {**item, "agent_email": email.lower()}
    return {**item, "ticket_id": ticket[1:]} if isinstance(ticket, str) and idcells.hash_number(ticket) else item


@dataclass
class RowResult:
    """The outcome of one data row.

    status: 'valid' | 'invalid' | 'skipped' | 'duplicate'. item: the exact API
    item for valid and duplicate rows, else None. skip_reason: why a skipped row
    is not a survey answer, or for a duplicate "identical to row N in every
    mapped field"; duplicate_of: that row N.
    """

    row_number: int
    status: str
    item: dict | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skip_reason: str | None = None
    duplicate_of: int | None = None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> RowResult:
        problems = {key: [Problem.from_json(p) for p in data.get(key, [])] for key in ("errors", "warnings")}
        return cls(**{**data, **problems})




def message(number: int, column: str | None, what: str, fix: str = "") -> str:
    """ "Row 40, column 'score': 6 is above max_score 5. Enter a whole number from 1 to 5." """
    where = f"Row {number}, column '{column}'" if column else f"Row {number}"
    return f"{where}: {what}." + (f" {fix}." if fix else "")
