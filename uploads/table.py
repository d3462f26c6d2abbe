"""The fix-it table: which rows a page shows and how each is displayed (what submit will do: submitplan; the
history beside it: tablehistory).

Filtering and paging happen in the database, so a page stays light at any size.
"""

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower

from uploads import charts, mapping, submitplan, tablehistory, textsearch
from uploads.models import Row, Upload

PAGE_SIZES = (50, 100, 250, 500)
# The most cells a page of the table shows: 500 rows of a 500-column file were a 21 MB page the browser took a
# minute and 2.2 GB to draw (QA round 68b); 500 rows of 120 columns take a few seconds
PAGE_CELLS = 60_000
# What the table shows of a row (display_rows, templatetags/table_rows.py): a page loads no more.
DISPLAY_FIELDS = ("id", "upload", "number", "cells", "edits", "status", "errors", "warnings", "note", "include_anyway",
                  "result", "maestro_id", "result_message", "batch")


STATUS_FILTERS = (*Row.Status.values, "warning")
PROBLEM_STATUSES = (Row.Status.INVALID, Row.Status.EXCLUDED)  # the only rows with errors (rowresults.RowResult)
# Django writes has_warning=True as a bare column, which SQLite serves from no index; "= true" it does.
WARNED = Q(has_warning=Value(True))
SORTS = ("number", "status")
STATUS_LINKS = [("invalid", "Invalid"), ("valid", "Valid"), ("warning", "With warnings"), ("skipped", "Skipped"),
                ("duplicate", "Duplicate"), ("excluded", "Excluded")]
# ?result= filters, after a delivery: the same rows as delivery.delivery_counts counts under each key.
RESULT_FILTERS = {
    "created": Q(result=Row.Result.CREATED), "failed": Q(result=Row.Result.FAILED),
    "unconfirmed": Q(result=Row.Result.UNCONFIRMED), "not_sent": Q(result=Row.Result.NONE, batch__isnull=False),
    "sending": Q(result=Row.Result.SENDING),
}
# "Waiting to send": the rows of a paused delivery's batches still to go (shown only while there are some:
# "Not sent 0" beside 9,939 rows waiting read as if nothing was left, QA round 28b)
RESULT_LINKS = [("created", "Created"), ("failed", "Failed"), ("unconfirmed", "Not confirmed"),
                ("not_sent", "Stopped before sending"), ("sending", "Waiting to send")]  # not "Not sent" (QA 70b)
FILTER_KEYS = ("status", "result", "kind", "field", "q", "sort", "dir", "size")


def filter_rows(upload: Upload, params) -> QuerySet:
    """Rows of `upload` matching the table's query string, sorted.

    ?status= one of STATUS_FILTERS ('warning': rows with any warning, whatever their status);
    ?result= one of RESULT_FILTERS (the delivery result: created, failed, unconfirmed, not_sent);
    ?kind=field:code (an error or warning kind, as error_summary gives); ?field= rows with a
    problem on that API field; ?q= text in any current cell (case-insensitive);
    ?sort=number|status|c<column index>, ?dir=desc. Unknown values are ignored.
    """
    rows = upload.rows.all()
    status = params.get("status", "")
    if status == "warning":
        rows = rows.filter(WARNED)
    elif status in Row.Status.values:
        rows = rows.filter(status=status)
    result = params.get("result", "")
    if result in RESULT_FILTERS:
        rows = rows.filter(RESULT_FILTERS[result])
    kind = params.get("kind", "").strip()
    if kind:
        rows = rows.filter(_problem_filter(upload, f" {kind} "))
    field = params.get("field", "").strip()
    if field:
        rows = rows.filter(_problem_filter(upload, f" {field}:"))
    text = params.get("q", "").strip().lower()
    if text:
        rows = textsearch.matching(upload, rows, text)
    return rows.order_by(*_ordering(upload, params))


def result_links(counts: dict) -> list[tuple[str, str, int]]:
    """(?result= key, label, rows) per RESULT_LINKS, from delivery counts (control.progress, whose rows of a
    paused delivery are `waiting`); "sending" only when some rows wait."""
    waiting = counts.get("waiting", 0) + counts.get("sending", 0)
    return [(key, label, waiting if key == "sending" else counts.get(key, 0)) for key, label in RESULT_LINKS
            if key != "sending" or waiting]


def page_of_rows(upload: Upload, params) -> Page:
    """The page of filter_rows that ?page= and ?size= ask for, its rows loading DISPLAY_FIELDS only."""
    rows = filter_rows(upload, params).only(*DISPLAY_FIELDS)
    return Paginator(rows, page_size(upload, params)).get_page(params.get("page"))


def _problem_filter(upload: Upload, needle: str) -> Q:
    """Rows whose error or warning kinds contain `needle`, as `id IN (subquery)`.

    Errors live only on invalid (or excluded) rows and warnings only on rows with has_warning,
    so each LIKE reads the small part of a covering index (row_errors_idx, row_warnings_idx),
    not 200,000 rows. SQLite serves an OR of the two from neither index, hence a UNION ALL
    for a field (both kinds); a kind needs one side only (a code is an error code or a warning
    code, never both). The subquery also keeps SQLite from walking every row in number order
    to fill a page of a rare kind.
    """
    errors = upload.rows.filter(status__in=PROBLEM_STATUSES, error_kinds__contains=needle).values("id").order_by()
    warnings = upload.rows.filter(WARNED, warning_kinds__contains=needle).values("id").order_by()
    if needle.endswith(":"):  # a field: both kinds
        return Q(id__in=errors.union(warnings, all=True))
    return Q(id__in=errors if errors.exists() else warnings)


def _ordering(upload: Upload, params) -> list:
    sort, desc = params.get("sort", "number"), params.get("dir") == "desc"
    if sort in SORTS:
        key = F(sort)
    elif sort[:1] == "c" and sort[1:].isdigit() and int(sort[1:]) < len(upload.columns):
        key = cell_expression(int(sort[1:]))
    else:
        key = F("number")
    return [key.desc() if desc else key.asc(), "number"]


def cell_expression(index: int):
    """SQL for a row's current text in column `index` (its edit, else the cell as read), lower-cased."""
    edited = (
        RawSQL(f"(edits ->> '{index}')", []) if connection.vendor == "postgresql"
        else RawSQL(f"json_extract(edits, '$.\"{index}\"')", [])
    )
    return Lower(Coalesce(edited, KT(f"cells__{index}"), output_field=TextField()))


def query_string(params, **changes) -> str:
    """The table's query string with `changes` applied (None removes a key); page is reset."""
    kept = {key: params.get(key) for key in FILTER_KEYS}
    kept["page"] = None
    kept.update(changes)
    return urlencode({key: value for key, value in kept.items() if value})


def page_sizes(upload: Upload) -> list[int]:
    """The PAGE_SIZES whose pages of `upload` hold PAGE_CELLS cells or fewer (the smallest in any case)."""
    return [size for size in PAGE_SIZES if size * len(upload.columns) <= PAGE_CELLS] or [PAGE_SIZES[0]]


def page_size(upload: Upload, params) -> int:
    """`?size=` if it is one of page_sizes, else 100 or the largest of them below it."""
    allowed, size = page_sizes(upload), params.get("size", "")
    return int(size) if size.isdigit() and int(size) in allowed else max(n for n in allowed if n <= 100)


# Control characters a page cannot show (HTML drops a NUL, browsers hide the rest); tab and LF are kept.
_UNSHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def shown_text(text: str) -> str:
    """A cell's text as the table shows it and its editor gives it back: CR LF and CR as LF (what a
    page's text reads as), each control character as its picture (U+2400 block: NUL -> U+2400), so
    a cell flagged for one can be seen and fixed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSHOWN.sub(lambda found: "\u2421" if found[0] == "\x7f" else chr(0x2400 + ord(found[0])), text)


def add_list_counts(uploads) -> None:
    """Set `n_rows`, `n_invalid`, `n_valid`, `n_duplicate` and `n_created` on each upload of a list page, from two
    grouped scans of row indexes for those uploads only (counting in the list query joined every row of
    every upload: 4-5 s with 370,000 rows stored)."""
    uploads = list(uploads)
    ids = [upload.pk for upload in uploads]
    rows = Row.objects.filter(upload_id__in=ids).order_by()
    statuses = rows.values_list("upload_id", "status").annotate(n=Count("id"))
    created = dict(rows.filter(result=Row.Result.CREATED).values_list("upload_id").annotate(n=Count("id")))
    totals: dict[int, int] = {}
    by_status: dict[tuple[int, str], int] = {}
    for upload_id, status, n in statuses:
        totals[upload_id] = totals.get(upload_id, 0) + n
        by_status[(upload_id, status)] = n
    for upload in uploads:
        upload.n_rows, upload.n_created = totals.get(upload.pk, 0), created.get(upload.pk, 0)
        upload.n_invalid = by_status.get((upload.pk, Row.Status.INVALID), 0)
        upload.n_valid = by_status.get((upload.pk, Row.Status.VALID), 0)  # Upload.status_label reads both
        upload.n_duplicate = by_status.get((upload.pk, Row.Status.DUPLICATE), 0)


KIND_LABELS = {
    "required": "{field} is blank", "above_max": "{field} above the maximum", "below_min": "{field} below the minimum",
    "scale_unsettled": "{field} held until the scale is settled",
    "not_integer": "{field} is not a whole number", "not_email": "{field} is not an email address",
    "invisible": "{field} contains an invisible character",
    "bad_char": "{field} contains a garbled or control character",
    "no_agent": "no agent id or email", "split_parts": "{field}'s cell has more parts than its split",
    "not_date": "{field} is not a date",
    "zone_abbreviation": "{field} ends in a time zone abbreviation",
    "no_such_date": "{field}: no such date", "future": "{field} is in the future", "too_old": "{field} is too old",
    "dst_gap": "{field} falls in a DST gap", "email_dropped": "{field} invalid, dropped (agent id used)",
    "not_numeric": "{field} is not a number like the others",
    "no_digit": "{field} has no digit", "long_id": "{field} may have lost digits",
    "words_beside_id": "{field} holds words beside the id", "placeholder_id": "{field} is a placeholder",
    "short_id": "{field} may have lost its leading zeros",
    "very_long": "{field} is too long to be an id",
    "name_dropped": "{field} was a person's name, dropped", "name_not_id": "{field} is a person's name",
    "formula_like": "{field} starts like a formula (sent as written)", "long_text": "{field} is very long",
    "reader_note": "{field}: a note from reading the file", "rule": "{field}: a rule of the mapping",
    "gathered_comment": "{field} taken from a comment row",
    "missing_marker": "{field} looks like an empty-cell marker",
    "grouped_digits": "{field} has thousands separators",
    "dotted_mdy": "{field} with dots read month first", "either_order": "{field} could be read either way",
    "short_year": "{field} has a two-digit year",
    "excel_error": "{field} is a formula's error value", "id_dropped": "{field} dropped (agent email used)",
    "other_scale": "{field} is out of another scale", "number_against_words": "{field}: number and words disagree",
    "time_unread": "{field}: the Time column not used",
    "not_a_time": "{field}: the Time column's cell is no time of day",
    "label_against_score": "{field} disagrees with the score", "from_link": "{field} read from a link",
    "email_in_name": "{field} taken out of a name",
    "lost_letter": "{field} has a '?' for a lost letter",
    "no_answer": "{field} marks no answer", "unsure_score": "{field} ends with a question mark",
    "split_cell": "{field} may be split by a separator",
    "template_row": "{field} reads like a template's example", "note_as_id": "{field} is words, not an id",
    "line_break": "{field} had Word's line break",
    # QA round 67b C3: "ticket_id: excel digits" was the code's own name
    "excel_digits": "{field} lost digits in a spreadsheet", "ambiguous_time": "{field} falls in the hour clocks repeat",
    "bad_range": "{field}: lowest score not below the highest", "dash_like": "{field} holds a dash-like character",
    "date_id": "{field} turned into a date", "decimal_id": "{field} saved as a decimal number",
    "excel_serial": "{field} read from an Excel serial", "formula_id": "{field} is a formula",
    "link_id": "{field} is a web link", "link_text": "{field} is a link's text", "list_id": "{field} holds several ids",
    "midnight": "{field} has no time (midnight)", "missing_blank": "{field} is a data tool's blank",
    "no_agent_word": "{field} says no agent", "other_digits": "{field} in another script's digits",
    "queue_id": "{field} is a Salesforce queue", "score_as_date": "{field} turned into a date",
    "swapped_cell": "{field} day and month swapped back", "two_agents": "{field} names two agents",
    "zone_season": "{field} abbreviation of the other season",
}


def kind_label(kind: str) -> str:
    """'score:above_max' -> 'score above the maximum'; unknown codes read as '{field}: {code}'."""
    field, _, code = kind.partition(":")
    return KIND_LABELS.get(code, "{field}: " + code.replace("_", " ")).format(field=field)


def problem_summary(upload: Upload, column: str = "error_kinds") -> list[dict]:
    """Rows per problem kind, most first: [{'kind': 'score:above_max', 'label': ..., 'rows': 37,
    'excluded': 30}], `excluded` counting those of the rows the user excluded (not sent either way,
    so that "Invalid 0" beside "score above max: 37 rows" reads right: QA round 28b).

    column: 'error_kinds' or 'warning_kinds'. Groups in the database by the row's set of
    kinds (few distinct sets), then splits each set here. The rows that can have errors
    (PROBLEM_STATUSES) or warnings (WARNED) are picked first, from a covering index.
    """
    totals: dict[str, int] = {}
    excluded: dict[str, int] = {}
    rows = upload.rows.filter(status__in=PROBLEM_STATUSES) if column == "error_kinds" else upload.rows.filter(WARNED)
    groups = rows.exclude(**{column: ""}).values_list(column, "status").annotate(n=Count("id")).order_by()
    for kinds, status, n in groups:
        for kind in kinds.split():
            totals[kind] = totals.get(kind, 0) + n
            if status == Row.Status.EXCLUDED:
                excluded[kind] = excluded.get(kind, 0) + n
    ordered = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))
    return [{"kind": kind, "label": kind_label(kind), "rows": n, "excluded": excluded.get(kind, 0)}
            for kind, n in ordered]


@dataclass
class Cell:
    """One displayed cell: its column index, text, and the problems that point at it."""

    index: int
    text: str
    edited: bool
    errors: list[str]
    warnings: list[str]
    original: str = ""


@dataclass
class DisplayRow:
    """A row as the table shows it."""

    row: Row
    cells: list[Cell]
    row_errors: list[str]
    row_warnings: list[str]


def display_rows(upload: Upload, rows) -> Iterator[DisplayRow]:
    """Each row's cells with the messages attached to their column; others go to the row.

    A generator: a page drawn row by row holds one row's display objects at a time.
    """
    column_index = {name: index for index, name in enumerate(upload.columns)}
    return (_display(row, column_index) for row in rows)


def _display(row: Row, column_index: dict[str, int]) -> DisplayRow:
    current = row.current_cells
    cells = [Cell(i, text, str(i) in row.edits, [], [], row.cells[i]) for i, text in enumerate(current)]
    row_errors, row_warnings = [], []
    for problems, kind, loose in ((row.errors, "errors", row_errors), (row.warnings, "warnings", row_warnings)):
        for problem in problems:
            index = column_index.get(problem.get("column") or "")
            if index is None:
                loose.append(problem["message"])
            else:
                getattr(cells[index], kind).append(problem["message"])
    return DisplayRow(row, cells, row_errors, row_warnings)


def summary_context(upload: Upload, params) -> dict:
    """What snippets/summary.html needs: counts, error and warning kinds, charts, the submit plan.

    Cached per version of the upload's rows (summary_key): at 200,000 rows these scans take
    a few hundred milliseconds, and paging or filtering does not change them.
    """
    key = summary_key(upload)
    data = cache.get(key)
    if data is None:
        counts = submitplan.status_counts(upload)
        data = {
            "counts": counts, "plan": submitplan.submit_plan(upload, counts),
            "error_summary": problem_summary(upload, "error_kinds"),
            "warning_summary": problem_summary(upload, "warning_kinds"),
            "charts": charts.charts(upload),
            "status_links": [(key, label, counts[key]) for key, label in STATUS_LINKS],
        }
        cache.set(key, data, 3600)
    return {**data, "filters": _filters(params)}


def summary_key(upload: Upload) -> str:
    """Changes whenever the rows can have changed: a new step in the history (every edit, bulk
    fix and undo records one), a new mapping or time zone, a new upload status."""
    last = upload.changes.order_by("-id").values_list("id", flat=True).first() or 0
    preset = hashlib.sha1(json.dumps([upload.preset, upload.time_zone], sort_keys=True).encode()).hexdigest()
    return f"table-summary:{upload.pk}:{upload.created_at.timestamp()}:{last}:{upload.status}:{preset[:16]}"


def _filters(params) -> dict:
    return {key: params.get(key, "") for key in FILTER_KEYS}


def page_context(upload: Upload, params, page) -> dict:
    """The table page's context beyond rows: summary, headers with sort links, paging links, history."""
    filters = _filters(params)
    return {
        **summary_context(upload, params),
        "headers": _headers(upload, params),
        "columns": list(enumerate(upload.columns)),
        "fields": mapping.FIELDS,
        "page_sizes": page_sizes(upload),
        "size": page_size(upload, params),
        "query": query_string(params),
        "matching": page.paginator.count,
        "kind_label": kind_label(filters["kind"]) if filters["kind"] else "",
        "previous_query": query_string(params, page=page.previous_page_number()) if page.has_previous() else "",
        "next_query": query_string(params, page=page.next_page_number()) if page.has_next() else "",
        **tablehistory.history_context(upload),
        "filtered": any(filters[key] for key in ("status", "result", "kind", "field", "q")),
        # the bulk fix's "include them even if that creates duplicates" box: only where it can matter
        "unconfirmed": upload.rows.filter(result=Row.Result.UNCONFIRMED).exists(),
    }


def _headers(upload: Upload, params) -> list[dict]:
    """Sortable headers: Row, Status, then each column: name, link, aria-sort."""
    current, desc = params.get("sort", "number") or "number", params.get("dir") == "desc"
    names = [("number", "Row"), ("status", "Status")] + [(f"c{i}", name) for i, name in enumerate(upload.columns)]
    out = []
    for key, name in names:
        active = key == current
        flip = "" if active and desc else ("desc" if active else "")
        out.append({
            "name": name, "key": key,
            "aria_sort": ("descending" if desc else "ascending") if active else "none",
            "query": query_string(params, sort=key, dir=flip),
        })
    return out
