"""Fixes in the table: one cell, or a bulk fix over many rows; every step recorded and undoable.

A step changes rows' edits or flags, re-checks exactly the rows it touched
(validation.check_row with the decisions stored at intake), settles the
duplicates of the item keys involved, and records one `Change` holding what
undo needs (`before`). The original cells (`Row.cells`) are never changed.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext

from uploads import (
    audit,
    cells,
    dates,
    delivery,
    intake,
    mapping,
    reading,
    rowcheck,
    rowstore,
    table,
    tablehistory,
    textsearch,
    validation,
)
from uploads.models import CREATED_PRIOR_NOTE, UNCONFIRMED_PRIOR_NOTE, Change, Row, Upload

ACTIONS = ("set", "replace", "map", "exclude", "include", "delete")
_SAVED = ["edits", "excluded", "include_anyway", *rowstore.CHECKED_FIELDS]


class FixError(Exception):
    """A fix cannot be applied (upload no longer editable, bad column, nothing to undo)."""


def check_seen(upload: Upload, seen: str | None, user) -> None:
    """Raise FixError when a step was added to the history after `seen` (a form's tablehistory.history_mark;
    "" or None: not sent): the page was drawn before another person's edit, bulk fix, undo, remap or duplicate
    marking (or the system's), or before the user's own bulk fix, undo or remap in another tab (QA round 76c: a
    find-and-replace applied from two tabs replaced twice), so the action would hit rows it never showed. The
    user's own cell edits since (the saves of that page) do not count."""
    if not seen or not seen.isdigit():
        return
    step = (upload.changes.filter(id__gt=int(seen)).exclude(user=user, action="edit").select_related("user")
            .order_by("-id").first())
    if step is None:
        return
    who = (" by you, in another tab" if step.user_id == user.pk else f" by {step.user.get_username()}" if step.user
           else "")
    raise FixError(f"This upload changed after this page was drawn (latest step: {step.description}{who}). "
                   "Nothing was done: check the rows as they are now, then do it again.")


def _check_editable(upload: Upload) -> None:
    if not upload.is_editable:
        raise FixError(f"This upload is {upload.get_status_display().lower()}; it can no longer be edited.")


def _column(upload: Upload, column) -> int:
    if column is None or not str(column).isdigit() or int(column) >= len(upload.columns):
        raise FixError("Choose a column of this upload.")
    return int(column)


def select_rows(upload: Upload, row_ids: list[int] | None, params):
    """The rows a bulk fix applies to: the selected ids, or (row_ids None) every row matching the filter."""
    if row_ids is not None:  # an empty selection selects nothing, never everything
        return upload.rows.filter(id__in=row_ids).order_by("number")
    return table.filter_rows(upload, params)


def edit_cell(upload: Upload, user, row: Row, column: int, text: str, expected: str | None = None) -> list[Row]:
    """One cell edit through rowcheck.edit_cell, recorded as an 'edit' step; returns the rows that changed.

    expected: the text the editor saw before editing (None: no check). When the stored text
    differs (another tab or person saved the cell since), nothing is saved; both are compared as
    the page shows them (`table.shown_text`: line breaks, control characters). After a failed
    delivery an edit also stamps `fixed_at`, so "Resend fixed failed rows" knows the row was
    fixed (control.fixed_failed_rows). Raises intake.IntakeError like rowcheck.edit_cell, and
    for a changed cell.
    """
    with transaction.atomic():
        row = Row.objects.select_for_update().get(pk=row.pk)
        row.upload = upload
        old_edit, old_text = row.edits.get(str(column)), row.current_cells[column] if column < len(row.cells) else ""
        changed_since = expected is not None and table.shown_text(old_text) != table.shown_text(expected)
        if changed_since and column < len(row.cells):
            raise intake.IntakeError([
                f"Row {row.number}, {upload.columns[column]} was changed to '{cells.shortened(old_text)}' since you "
                "loaded this page; reload to see it."
            ])
        changed = rowcheck.edit_cell(row, column, text)
        if row.result == Row.Result.FAILED and old_text != text:
            Row.objects.filter(pk=row.pk).update(fixed_at=timezone.now())
        if old_text != text:
            name = upload.columns[column]
            Change.objects.create(
                upload=upload, user=user, action="edit", cells_changed=1,
                description=f"row {row.number}, {name}: '{cells.shortened(old_text)}' → '{cells.shortened(text)}'",
                before=[[row.pk, column, old_edit]],
            )
    return changed


def _count(n: int, singular: str, plural: str) -> str:
    """'1 cell', '3 cells'."""
    return f"{n} {ngettext(singular, plural, n)}"


def _new_text(action: str, current: str, value: str, find: str) -> str:
    if action == "set":
        return value
    if action == "replace":
        return current.replace(find, value)
    # map: the whole cell, in any case and with outer spaces, as a preset's value maps match
    return value if current.strip().casefold() == find.strip().casefold() else current


def _candidates(upload: Upload, rows, action: str, find: str):
    """A superset of the rows whose cell may change, narrowed in the database for replace and map."""
    if action == "map":
        rows = upload.rows.all()
    if action in ("replace", "map"):
        if find == "" and action == "replace":
            raise FixError("Enter the text to find.")
        if find.strip():
            rows = textsearch.matching(upload, rows, (find.strip() if action == "map" else find).lower())
    return rows


def preview(upload: Upload, rows, action: str, column, value: str = "", find: str = "") -> int:
    """How many cells `apply_fix` would change (set, replace, map), or how many rows it touches."""
    if action in ("exclude", "include", "delete"):
        return rows.count()
    index = _column(upload, column)
    return sum(1 for _ in _cell_changes(upload, rows, action, index, value, find))


def _cell_changes(upload, rows, action, index, value, find):
    """(row, new text) for each row whose cell `index` the fix changes."""
    for row in _candidates(upload, rows, action, find).iterator(rowstore.CHUNK):
        current = row.current_cells[index]
        new = _new_text(action, current, value, find)
        if new != current:
            yield row, new


def apply_fix(upload: Upload, user, action: str, rows, column=None, value: str = "", find: str = "",
              confirmed: bool = False) -> Change:
    """Apply one bulk fix as one undoable step; returns its Change.

    action: set (column := value), replace (find -> value inside the column's cells), map (cells
    equal to find become value, across the whole upload), exclude, include (also 'include anyway'
    for duplicates), delete. rows: a queryset of the upload's rows (select_rows). Including
    duplicates an earlier delivery created or did not confirm (Row.sent_before) needs `confirmed`, as
    resending unconfirmed rows does (control.apply_action). Raises FixError.
    """
    _check_editable(upload)
    if action not in ACTIONS:
        raise FixError(f"Unknown fix '{action}'.")
    if action != "map" and not rows.exists():
        raise FixError("No row to fix: tick some rows, or change the filter.")
    if action == "include" and not confirmed and rows.filter(
            Q(note__startswith=CREATED_PRIOR_NOTE) | Q(note__startswith=UNCONFIRMED_PRIOR_NOTE),
            status=Row.Status.DUPLICATE, include_anyway=False).exists():
        raise FixError(delivery.RESEND_CONFIRMATION)
    with transaction.atomic():
        if action in ("set", "replace", "map"):
            return _apply_cells(upload, user, action, rows, _column(upload, column), value, find)
        if action == "delete":
            return _delete(upload, user, rows)
        return _apply_flags(upload, user, action, rows)


def _apply_cells(upload, user, action, rows, index, value, find) -> Change:
    before, touched = [], []
    for row, new in _cell_changes(upload, rows, action, index, value, find):
        before.append([row.pk, index, row.edits.get(str(index))])
        _set_cell(row, index, new)
        touched.append(row)
    recheck(upload, touched)
    name = upload.columns[index]
    what = {"set": f"set {name} to '{cells.shortened(value)}'",
            "replace": f"replaced '{cells.shortened(find)}' with '{cells.shortened(value)}' in {name}",
            "map": f"mapped {name} '{cells.shortened(find)}' → '{cells.shortened(value)}' across the upload"}[action]
    return _record(upload, user, action, f"{what}: {_count(len(before), 'cell', 'cells')}", len(before), before)


def _set_cell(row: Row, index: int, text: str) -> None:
    if text == row.cells[index]:
        row.edits.pop(str(index), None)
    else:
        row.edits[str(index)] = text


def _apply_flags(upload, user, action, rows) -> Change:
    touched, before = [], []
    for row in rows.iterator(rowstore.CHUNK):
        before.append([row.pk, "flags", [row.excluded, row.include_anyway]])
        row.excluded = action == "exclude"
        if action == "include" and row.status == Row.Status.DUPLICATE:
            row.include_anyway = True
        touched.append(row)
    recheck(upload, touched)
    verb = "excluded" if action == "exclude" else "included"
    return _record(upload, user, action, f"{verb} {_count(len(touched), 'row', 'rows')}", 0, before)


def _delete(upload, user, rows) -> Change:
    before, ids, keys = [], [], set()
    fields = ("id", "number", "cells", "edits", "excluded", "include_anyway", "item_key")
    for row in rows.only(*fields).iterator(rowstore.CHUNK):
        before.append(["row", row.number, row.cells, row.edits, row.excluded, row.include_anyway])
        ids.append(row.pk)
        keys.add(row.item_key)
    for chunk in rowstore.chunks(ids):
        Row.objects.filter(id__in=chunk).delete()
    if lent := rowcheck.regather(upload, []):  # rows that took a comment from a deleted row
        recheck(upload, lent)
    rowcheck.settle_duplicates(upload, keys - {""})
    rowcheck.refresh_status(upload)
    return _record(upload, user, "delete", f"deleted {_count(len(ids), 'row', 'rows')}", 0, before)


# The activity log's name for a step of the history (single edits and remaps log themselves in views).
_AUDITED = {**{action: f"bulk_{action}" for action in ACTIONS}, "undo": "undone", "reread": "read_again"}


def _record(upload, user, action, description, cells, before) -> Change:
    """Store a step of the history (Change) and, for bulk steps, undo and reading again, an activity
    log event with its counts (never the cell texts: audit.record)."""
    if action in ACTIONS:
        audit.record(upload, user, _AUDITED[action], cells=cells, rows=len(before))
    elif action in _AUDITED:
        audit.record(upload, user, _AUDITED[action], cells=cells)
    return Change.objects.create(upload=upload, user=user, action=action, description=description,
                                 cells_changed=cells, before=before)


def recheck(upload: Upload, rows: list[Row]) -> None:
    """Re-check `rows` (edits or flags already set) and the rows they lend a comment (rowcheck.regather),
    save them, settle duplicates, refresh the upload status."""
    rows = rowcheck.regather(upload, rows)
    preset = mapping.Preset.from_json(upload.preset)
    keys = set()
    for row in rows:
        keys.add(row.item_key)
        result = validation.check_row(row.current_cells, row.number, upload.columns, preset,
                                      upload.check_context, time_zone=upload.time_zone)
        rowstore.apply_result(row, result)
        keys.add(row.item_key)
    rowstore.mark_sent_before(upload, rows)
    rowstore.save_rows(rows, _SAVED)
    rowcheck.settle_duplicates(upload, keys - {""})
    rowcheck.refresh_status(upload)


def undo_last(upload: Upload, user) -> Change:
    """Take back the latest step not yet undone; records an 'undo' step and returns it. Raises FixError.

    Steps before the file was last read again are not undone: reading again replaced their rows.
    """
    _check_editable(upload)
    with transaction.atomic():
        reread = upload.changes.filter(action="reread").exists()
        step = tablehistory.undoable_steps(upload).select_for_update().first()
        if step is None and reread:
            raise FixError("There is nothing to undo since the file was read again: reading again replaced every "
                           "row, and cannot itself be undone (read the file again with the earlier settings).")
        if step is None:
            raise FixError("There is nothing to undo.")
        if step.action == "delete":
            _restore_rows(upload, step.before)
        else:
            _restore(upload, step.before)
        step.undone = True
        step.save(update_fields=["undone"])
        return _record(upload, user, "undo", f"undid: {step.description}", step.cells_changed, [step.pk])


def _restore(upload: Upload, before: list) -> None:
    old = {pk: (key, value) for pk, key, value in before}
    rows = []
    for chunk in rowstore.chunks(list(old)):
        for row in Row.objects.filter(upload=upload, id__in=chunk):
            key, value = old[row.pk]
            if key == "flags":
                row.excluded, row.include_anyway = value
            elif value is None:
                row.edits.pop(str(key), None)
            else:
                row.edits[str(key)] = value
            rows.append(row)
    recheck(upload, rows)


def _restore_rows(upload: Upload, before: list) -> None:
    rows = [Row(upload=upload, number=number, cells=cells, edits=edits, excluded=excluded,
                include_anyway=anyway, status=Row.Status.INVALID)
            for _, number, cells, edits, excluded, anyway in before]
    Row.objects.bulk_create(rows, batch_size=rowstore.CHUNK)
    recheck(upload, list(upload.rows.filter(number__in=[row.number for row in rows])))


def remap_upload(upload: Upload, user, preset: mapping.Preset, time_zone: str,
                 reason: str = "changed by you") -> str | None:
    """intake.remap_upload (edits kept, every row re-checked), recorded in the history; not undoable
    (map again instead). reason: why this mapping (the mapping page says it).

    Returns a sentence for the user when the re-check changed rows nobody edited (date_order_change),
    else None. Raises intake.IntakeError, ValueError (an unknown time zone).
    """
    old_zone, old_name, old_dates = upload.time_zone, upload.preset_name, (upload.check_context or {}).get("dates")
    if preset.to_json() == upload.preset:  # applied as it was, in its zone or another (QA round 78b: a zone alone
        reason = upload.preset_reason  # made it "changed by you"): still chosen for the reason it was
    intake.remap_upload(upload, preset, time_zone, reason)
    what = [f"mapping {old_name} → {upload.preset_name}" if old_name != upload.preset_name
            else f"mapping {upload.preset_name}"]
    if old_zone != upload.time_zone:
        what.append(f"time zone {old_zone} → {upload.time_zone}")
    if flipped := date_order_change(old_dates, upload.check_context.get("dates")):
        what.append(flipped)
    _record(upload, user, "remap", "re-checked every row: " + ", ".join(what), 0, [])
    return flipped[0].upper() + flipped[1:] + "." if flipped else None


def apply_preset(upload: Upload, user, preset: mapping.Preset) -> str | None:
    """A saved or imported preset applied to the upload (intake.resolve_preset), as remap_upload; the
    sentences for the user: the fields whose column the preset names and the file lacks (QA round 47c:
    "Applied" where none of its columns was there), its rules' and clarifying questions' (QA round 71b), the
    zone chosen for the upload kept over a saved preset's (a built-in preset's is the vendor's: Medallia writes
    UTC; a zone the applied preset set is no choice), then remap_upload's. Raises ValueError for a
    preset that reads one column as two fields (mapping.shared_columns)."""
    resolved, time_zone, missing, absent = intake.resolve_preset(upload, preset)
    if shared := mapping.shared_columns(resolved.columns):
        raise ValueError(f"The preset '{preset.name}' was not applied: {'; '.join(shared.values())}. Choose the "
                         "columns below, or apply another preset.")
    zone_note = None
    builtin = mapping.is_builtin(preset.name)
    from_preset = upload.time_zone == (upload.preset or {}).get("time_zone")  # the applied preset's (QA round 57d)
    if (time_zone != upload.time_zone and not builtin and not from_preset
            and upload.time_zone != reading.default_time_zone()):  # a zone the user chose (QA round 49b)
        zone_note = (f"The times stay in {upload.time_zone}, the time zone chosen for this upload, not the preset's "
                     f"{time_zone}: set Time zone below if the file's times are in {time_zone}.")
        time_zone, resolved.time_zone = upload.time_zone, ""
    elif time_zone != upload.time_zone:
        zone_note = f"The times are now read in {time_zone}, the preset's time zone (before: {upload.time_zone})."
    flipped = remap_upload(upload, user, resolved, time_zone, reason=f"applied by you: {preset.name}")
    lacked = None
    if missing:
        named = [field for field in mapping.FIELDS if field in preset.columns]
        which = "None of the columns" if len(missing) == len(named) else "Not every column"
        lacked = (f"{which} the preset '{preset.name}' names is in this file: for {', '.join(missing)} it names "
                  "columns this file does not have, so those fields were found from the headers, or left unmapped. "
                  "Check the mapping below.")
    absent_note = reading.absent_notice(preset.name, absent) if absent else None
    return " ".join(text for text in (lacked, absent_note, zone_note, flipped) if text) or None


def date_order_change(before: dict | None, after: dict | None) -> str | None:
    """What a re-check changed in how a date column's numeric dates read ('05/10/2026': 10 May or
    5 October), said because it changes rows nobody edited: an edit such as 28/02/2026 settles the
    order of a column whose order was only the default (dateorder.decide_column). None when unchanged.
    before/after: the check context's "dates" (dates.ColumnDates.to_json)."""
    old, new = (before or {}).get("order"), (after or {}).get("order")
    if not (old and new) or old == new or before.get("column") != after.get("column"):
        return None
    return (f"'{after['column']}' now read as {dates.ORDER_WORDS[new]}, no longer as {dates.ORDER_WORDS[old]}: "
            f"any date in it written like 05/10/2026 (day and month both 12 or less) now reads the other way; "
            f"{after['order_reason']}")


def reread_upload(upload: Upload, user, options: intake.ReadOptions) -> str:
    """intake.reread_upload (every row replaced, edits dropped), recorded in the history; not
    undoable. Returns intake.reread_upload's sentence on the mapping. Raises intake.IntakeError."""
    note = intake.reread_upload(upload, options)
    chosen = [f"{what} {value}" for what, value in (
        ("encoding", options.encoding), ("delimiter", repr(options.delimiter) if options.delimiter else None),
        ("header row", options.header_row), ("sheet", repr(options.sheet) if options.sheet else None)) if value]
    settings = ", ".join(chosen) if chosen else "the settings detected"  # QA round 72c C4: the history did not say
    _record(upload, user, "reread", f"read the file again with {settings}; earlier edits were dropped", 0, [])
    return note
