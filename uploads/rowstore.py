"""What a row stores from its check, and how rows are written many at a time.

`checked_values` turns a validation.RowResult into the row's stored columns:
the item, its problems, and the denormalised columns the fix-it table filters
on (kinds, search text, score, day, match and item keys). `prior_notes` is the
rule across uploads: an answer another upload created, or sent without a
confirmation, is not sent again by default (the API has no idempotency key:
shared/api/CONTRACT.md). `execute` runs one prepared INSERT or UPDATE for
thousands of rows (CHUNK per round trip), much faster than the ORM's bulk
methods here.
"""

import hashlib
import json

from django.db import connection, models
from django.db.models import Q

from uploads import delivery, rowresults
from uploads.models import CREATED_PRIOR_NOTE, UNCONFIRMED_PRIOR_NOTE, Row, Upload

CELL_SEPARATOR = "\x1f"  # between the cells in Row.search_text (ASCII unit separator: text cells hardly ever hold one)

# Rows written or read per database round trip in bulk work.
CHUNK = 2000
# Fields a re-check writes; callers pass them to save()/bulk_update().
CHECKED_FIELDS = ["status", "item", "item_key", "errors", "warnings", "note",
                  "error_kinds", "warning_kinds", "has_warning", "search_text", "match_key", "shift_key", "item_score",
                  "item_day"]
PRIOR_NOTES = (CREATED_PRIOR_NOTE, UNCONFIRMED_PRIOR_NOTE)


def apply_result(row: Row, result) -> None:
    """Copy a validation.RowResult onto `row` (not saved): see `checked_values`."""
    for name, value in checked_values(result, row.current_cells, row.excluded).items():
        setattr(row, name, value)


def checked_values(result, current_cells: list[str], excluded: bool) -> dict:
    """A validation.RowResult as a row's CHECKED_FIELDS (plus "number"): status (excluded stays
    excluded), item, problems, and the denormalised columns the table filters on."""
    item = result.item
    return {
        "number": result.row_number,
        "status": Row.Status.EXCLUDED if excluded else result.status,
        "item": item,
        "item_key": item_key(item) if item else "",
        "errors": [problem.to_json() for problem in result.errors],
        "warnings": [problem.to_json() for problem in result.warnings],
        "note": (result.skip_reason or (  # a skip reason quoting a long cell is cut to what the column holds
            f"identical to row {result.duplicate_of} in every mapped field" if result.duplicate_of else ""))[:500],
        "error_kinds": _kinds(result.errors),
        "warning_kinds": _kinds(result.warnings),
        "has_warning": bool(result.warnings),
        "search_text": CELL_SEPARATOR.join(cell.strip() for cell in current_cells).lower(),
        "match_key": match_key(item) if item else "",
        "shift_key": shift_key(item) if item else "",
        "item_score": (item or {}).get("score"),
        "item_day": str((item or {}).get("submitted_at") or "")[:10],
    }


def _kinds(problems) -> str:
    """' field:code field:code ' (spaces around each, so a LIKE '% score:above_max %' finds one kind)."""
    return (" " + " ".join(sorted({f"{p.field}:{p.code or 'other'}" for p in problems})) + " ") if problems else ""


def match_key(item: dict) -> str:
    """Hash of what makes an item 'the same answer' across uploads: ticket, time, score, agent (an email
    in any case: rowresults.compared). Stored with each row: changing it needs a data migration of every
    stored key (0008_email_case_keys)."""
    agent = item.get("agent_id") or rowresults.compared(item).get("agent_email") or ""
    parts = [str(item.get(name, "")) for name in ("ticket_id", "submitted_at", "score")] + [agent]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def shift_key(item: dict) -> str:
    """Hash of the answer as match_key sees it but for the hour of its time: ticket, score, agent and submitted_at
    from its minutes on ("30:00.000Z"). The same file read in another time zone gives the same key at another hour
    (QA round 78b: uploaded again under America/New_York, every answer went out a second time, 5 hours later)."""
    agent = item.get("agent_id") or rowresults.compared(item).get("agent_email") or ""
    parts = [str(item.get("ticket_id", "")), str(item.get("score", "")), agent, str(item.get("submitted_at", ""))[14:]]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def _markable(status: str, note: str) -> bool:
    """A row `prior_notes` may mark: a valid one, or a duplicate of a row above (QA round 49b: its one-click
    "Include anyway" would have sent again an answer already created)."""
    return status == Row.Status.VALID or status == Row.Status.DUPLICATE and not note.startswith(PRIOR_NOTES)


def mark_sent_before(upload: Upload, rows: list[Row]) -> list[Row]:
    """Mark valid rows, and duplicates of a row above, whose answer an earlier upload sent as such duplicates
    (not saved): see `prior_notes`.

    Returns the rows marked. A row the user chose to include anyway keeps its mark
    but is sent (delivery.submit_upload).
    """
    notes = _prior_for(upload, {(row.match_key, row.shift_key) for row in rows
                                if row.match_key and _markable(row.status, row.note)})
    marked = []
    for row in rows:
        if _markable(row.status, row.note) and (row.match_key, row.shift_key) in notes:
            row.status, row.note = Row.Status.DUPLICATE, notes[row.match_key, row.shift_key]
            marked.append(row)
    return marked


def mark_prior(upload: Upload, values: list[dict]) -> None:
    """mark_sent_before for `checked_values` dicts."""
    notes = _prior_for(upload, {(v["match_key"], v["shift_key"]) for v in values if v["match_key"]
                                and _markable(v["status"], v["note"])})
    for value in values:
        if _markable(value["status"], value["note"]) and (key := (value["match_key"], value["shift_key"])) in notes:
            value["status"], value["note"] = Row.Status.DUPLICATE, notes[key]


def mark_sent_elsewhere(upload: Upload, only: Q | None = None) -> int:
    """Mark (and save) the upload's valid rows, and duplicates of a row above, whose answer another upload has
    created, or sent without a confirmation, since they were checked: see `prior_notes`; `only` narrows the rows
    looked at (a resend's). Returns how many.

    Run again at submit, at approval and before a resend, since another upload may have been delivered after
    this one was read (nothing is sent twice: the API has no idempotency key).
    """
    found = [(pk, (key, shift)) for pk, key, shift, status, note in upload.rows.filter(
        only or Q(), status__in=[Row.Status.VALID, Row.Status.DUPLICATE]).exclude(match_key="").values_list(
        "id", "match_key", "shift_key", "status", "note") if _markable(status, note)]
    marked = 0
    for chunk in chunks(found, CHUNK):
        notes = _prior_for(upload, {key for _, key in chunk})
        params = [[Row.Status.DUPLICATE, notes[key], False, pk] for pk, key in chunk if key in notes]
        execute("update", ["status", "note", "include_anyway"], params)  # a row above's copy included: no more
        marked += len(params)
    return marked


def _prior_for(upload: Upload, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(match_key, shift_key) -> why a row with those keys is not sent by default: `prior_notes` for its answer,
    else `shifted_notes` for the answer read in another time zone."""
    exact = prior_notes(upload, {key for key, _ in keys})
    shifted = shifted_notes(upload, {shift for key, shift in keys if key not in exact and shift})
    return {(key, shift): exact.get(key) or shifted[shift] for key, shift in keys if key in exact or shift in shifted}


def shifted_notes(upload: Upload, shifts: set[str]) -> dict[str, str]:
    """shift_key -> why a row is not sent by default: another upload created the same ticket, agent and score at
    the same minute and second of another hour, the same answer read in another time zone (QA round 78b: the
    same file uploaded again under America/New_York went out twice). The note starts with CREATED_PRIOR_NOTE."""
    if not shifts:
        return {}
    notes: dict[str, str] = {}
    for shift, named, number, stamp in _earlier(upload, Q(result=Row.Result.CREATED, shift_key__in=shifts),
                                                "shift_key", "item__submitted_at"):
        notes.setdefault(shift, f"{CREATED_PRIOR_NOTE} by {named} (row {number}) at {stamp}: the same ticket, agent "
                                "and score at another hour, as when a file is read in another time zone. Check "
                                "the time zone before including it")
    return notes


def _earlier(upload: Upload, which: Q, key: str, detail: str):
    """(key, the upload named as `upload`'s page names it, row number, detail) of the rows of other uploads that
    `which` selects, by upload then row: "upload #3", or "another team's upload #3", which this upload's team
    cannot open (an admin can)."""
    earlier = Row.objects.filter(which)
    if upload.pk:
        earlier = earlier.exclude(upload=upload)
    for value, up, team, number, more in earlier.order_by("upload_id", "number").values_list(
            key, "upload_id", "upload__team_id", "number", detail):
        yield value, f"upload #{up}" if team == upload.team_id else f"another team's upload #{up}", number, more


def prior_notes(upload: Upload, keys: set[str]) -> dict[str, str]:
    """match_key -> why a row with that key is not sent by default: another upload's row with the
    same answer (`match_key`) was Created, or was sent without confirmation (Row.Result.UNCONFIRMED:
    it may exist in MaestroQA; the API has no idempotency key, shared/api/CONTRACT.md), or is in a
    delivery queued or under way right now. Created wins, then not confirmed, then being sent.

    Notes start with CREATED_PRIOR_NOTE or UNCONFIRMED_PRIOR_NOTE (PRIOR_NOTES), e.g.
    "already created in MaestroQA by upload #3 (row 5)"; an upload of another team, which this
    upload's team cannot open, is called "another team's upload #3" (an admin can open it).
    """
    if not keys:
        return {}
    sent = Q(result__in=[Row.Result.CREATED, Row.Result.UNCONFIRMED])
    going = Q(result__in=[Row.Result.NONE, Row.Result.SENDING], batch__isnull=False, upload__status__in=delivery.ACTIVE)
    notes: dict[str, str] = {}
    for key, named, number, result in _earlier(upload, (sent | going) & Q(match_key__in=keys), "match_key", "result"):
        if result == Row.Result.CREATED and not notes.get(key, "").startswith(CREATED_PRIOR_NOTE):
            notes[key] = f"{CREATED_PRIOR_NOTE} by {named} (row {number})"
        elif key not in notes and result == Row.Result.UNCONFIRMED:
            notes[key] = (f"{UNCONFIRMED_PRIOR_NOTE}: {named} (row {number}) sent it but MaestroQA never "
                          "confirmed it, so it may already exist there. Check in MaestroQA before including it")
        elif key not in notes:
            notes[key] = (f"{UNCONFIRMED_PRIOR_NOTE} yet: {named} (row {number}) is sending it right now. Check "
                          "its results, or MaestroQA, before including it")
    return notes


def item_key(item: dict) -> str:
    """A short hash of an item's canonical JSON (rowresults.compared: an email in any case): equal items, equal keys."""
    return hashlib.sha1(json.dumps(rowresults.compared(item), sort_keys=True).encode()).hexdigest()


def save_rows(rows: list[Row], names: list[str]) -> None:
    """Write `names` of each row with one prepared UPDATE run for all rows (executemany).

    Django's bulk_update builds a CASE WHEN per field and row: about 9 s for 10,000 rows of
    17 fields here, against well under a second for this.
    """
    execute("update", names, [[getattr(row, name) for name in names] + [row.pk] for row in rows])


def execute(kind: str, names: list[str], params: list[list]) -> None:
    """One prepared statement on Row run for every parameter list (executemany, CHUNK at a time).

    kind "update": params are the values of `names` then the row id; "insert": the values of
    `names` (model field names; "upload" takes the upload id). Values are prepared per field
    (JSON fields encoded), as the ORM would.
    """
    if not params:
        return
    fields = [Row._meta.get_field(name) for name in names]
    quote, table = connection.ops.quote_name, connection.ops.quote_name(Row._meta.db_table)
    if kind == "update":
        sql = (f"UPDATE {table} SET " + ", ".join(f"{quote(field.column)} = %s" for field in fields)
               + f" WHERE {quote('id')} = %s")
    else:
        sql = (f"INSERT INTO {table} (" + ", ".join(quote(field.column) for field in fields)
               + ") VALUES (" + ", ".join(["%s"] * len(fields)) + ")")
    # Only JSON and foreign keys need preparing here (plain text, numbers and booleans go as they are):
    # preparing every value through its field was a third of a 200,000-row re-check.
    encoded = [index for index, field in enumerate(fields) if isinstance(field, (models.JSONField, models.ForeignKey))]
    with connection.cursor() as cursor:
        for chunk in chunks(params, CHUNK):
            prepared = [list(values) for values in chunk]
            for values in prepared:
                for index in encoded:
                    values[index] = fields[index].get_db_prep_save(values[index], connection)
            cursor.executemany(sql, prepared)


def chunks(values: list, size: int = 900):
    """`values` in consecutive slices of at most `size`."""
    for start in range(0, len(values), size):
        yield values[start:start + size]
