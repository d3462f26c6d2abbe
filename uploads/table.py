"""The fix-it table: which rows a page shows, how each is displayed, and what submit will do.

Filtering and paging happen in the database, so a page stays light at any size.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet

from uploads import mapping
from uploads.models import Row, Upload

PAGE_SIZES = (50, 100, 250, 500)


def filter_rows(upload: Upload, params) -> QuerySet:
    """Rows of `upload` matching `?status=` (valid, invalid, skipped, duplicate, excluded), in row order."""
    rows = upload.rows.order_by("number")
    status = params.get("status", "")
    if status in Row.Status.values:
        rows = rows.filter(status=status)
    return rows


def page_size(params) -> int:
    """`?size=` if it is one of PAGE_SIZES, else 100."""
    size = params.get("size", "")
    return int(size) if size.isdigit() and int(size) in PAGE_SIZES else 100


def status_counts(upload: Upload) -> dict[str, int]:
    """Rows by status, every status present (0 when none), plus `total`."""
    counts = dict.fromkeys(Row.Status.values, 0)
    counts.update(upload.rows.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    counts["total"] = sum(counts.values())
    return counts


@dataclass
class Cell:
    """One displayed cell: its column index, text, and the problems that point at it."""

    index: int
    text: str
    edited: bool
    errors: list[str]
    warnings: list[str]


@dataclass
class DisplayRow:
    """A row as the table shows it."""

    row: Row
    cells: list[Cell]
    row_errors: list[str]
    row_warnings: list[str]


def display_rows(upload: Upload, rows) -> list[DisplayRow]:
    """Each row's cells with the messages attached to their column; others go to the row."""
    column_index = {name: index for index, name in enumerate(upload.columns)}
    return [_display(row, column_index) for row in rows]


def _display(row: Row, column_index: dict[str, int]) -> DisplayRow:
    current = row.current_cells
    cells = [Cell(i, text, str(i) in row.edits, [], []) for i, text in enumerate(current)]
    row_errors, row_warnings = [], []
    for problems, kind, loose in ((row.errors, "errors", row_errors), (row.warnings, "warnings", row_warnings)):
        for problem in problems:
            index = column_index.get(problem.get("column") or "")
            if index is None:
                loose.append(problem["message"])
            else:
                getattr(cells[index], kind).append(problem["message"])
    return DisplayRow(row, cells, row_errors, row_warnings)


def submit_plan(upload: Upload) -> dict:
    """What submitting will do: rows sent, requests, seconds at the current limits, rows left behind."""
    counts = status_counts(upload)
    valid = counts[Row.Status.VALID]
    requests = math.ceil(valid / settings.MAESTROQA_BATCH_SIZE)
    per_minute, per_second = settings.MAESTROQA_MAX_REQUESTS_PER_MINUTE, settings.MAESTROQA_MAX_REQUESTS_PER_SECOND
    seconds = 0.0 if requests == 0 else 60 * ((requests - 1) // per_minute) + ((requests - 1) % per_minute) / per_second + 1
    return {
        "rows": valid, "requests": requests, "seconds": math.ceil(seconds),
        "invalid": counts[Row.Status.INVALID], "duplicate": counts[Row.Status.DUPLICATE],
        "skipped": counts[Row.Status.SKIPPED], "excluded": counts[Row.Status.EXCLUDED],
    }


def mapping_initial(upload: Upload) -> dict:
    """The mapping form's initial values from the upload's preset."""
    preset = mapping.Preset.from_json(upload.preset)
    initial = {f"field_{field}": preset.columns.get(field, "") for field in mapping.FIELDS}
    initial["time_zone"] = upload.time_zone
    return initial


def preset_from_form(upload: Upload, data: dict) -> mapping.Preset:
    """The upload's preset with the columns the user chose."""
    preset = mapping.Preset.from_json(upload.preset)
    for field in mapping.FIELDS:
        column = data.get(f"field_{field}", "")
        if column:
            preset.columns[field] = column
        else:
            preset.columns.pop(field, None)
    return preset


def explain_mapping(upload: Upload) -> list[dict]:
    """For each field: the column chosen, sample values, and why (mapping.explain)."""
    from uploads import intake

    rows = list(upload.rows.order_by("number")[:20])
    entries = mapping.explain(mapping.Preset.from_json(upload.preset), intake.sheet_of(upload, rows))
    return [{**entry, "form_field": f"field_{entry['field']}"} for entry in entries]
