"""The mapping page: the form's initial values, what the page says of each field and of reading the
file, and the preset a submitted form gives (views.mapping; the rules themselves are mapping.py's).
"""

from uploads import autodetect, mapping, zones
from uploads import dates as dates_module
from uploads.headers import Headers, normalize
from uploads.models import Upload
from uploads.plan import DEFAULT_BOUNDS
from uploads.wordings import SCALES


def mapping_initial(upload: Upload) -> dict:
    """The mapping form's initial values from the upload's preset: columns, time zone, date order."""
    preset = mapping.Preset.from_json(upload.preset)
    initial = {f"field_{field}": preset.columns.get(field, "") for field in mapping.FIELDS}
    initial["time_zone"] = upload.time_zone
    initial["date_order"] = preset.date_order or ""
    if {"min_score", "max_score"} & set(preset.constants):  # both ends shown, the other one's default with it
        initial["min_score"], initial["max_score"] = (preset.constants.get(name, DEFAULT_BOUNDS[name])
                                                      for name in ("min_score", "max_score"))
    return initial


def split_sources(upload: Upload) -> dict[str, str]:
    """Fields a split rule fills and no column gives, each with what the mapping form's empty choice
    says instead of "(not mapped)": {'ticket_id': "(from 'ExternalReference', split at '|')"}."""
    preset = mapping.Preset.from_json(upload.preset)
    out = {}
    for split in preset.splits:
        column = split.column if isinstance(split.column, str) else " or ".join(split.column)
        for field in split.fields:
            if field not in preset.columns:
                out.setdefault(field, f"(from '{column}', split at '{split.separator}')")
    return out


def column_questions(upload: Upload) -> dict[str, str]:
    """Header -> the question its second header row asks, for a Qualtrics export's question ids (3 header rows:
    "Q1_3" -> "How satisfied... - Overall experience"), so that the mapping page's choices say which is which
    (QA round 64c: Q1_1..Q1_3 alone)."""
    extra = upload.sheet_meta.get("extra_header_rows") or []
    if len(extra) < 2:
        return {}
    return {name: label.strip() for name, label in zip(upload.columns, extra[0], strict=False)
            if label.strip() and normalize(label).replace(" ", "") != normalize(name).replace(" ", "")}


def table_steps(upload: Upload) -> int:
    """How many steps made in the rows table (edits, bulk fixes, deletions; not undone) "Read again" would drop: its
    button asks first when there are any (QA round 72c: an edit was lost without a word)."""
    steps = upload.changes.filter(undone=False).exclude(action__in=["reread", "remap", "undo"])
    last = upload.changes.filter(action="reread").order_by("-at", "-id").values_list("id", flat=True).first()
    return steps.filter(id__gt=last).count() if last else steps.count()


def declared_zone(upload: Upload) -> tuple[str, str] | None:
    """(column, zone) when the file declares the zone of the submitted_at column (Qualtrics' third
    header row, or the header itself: "Rated at (UTC)", "Date (GMT+2)" -> "UTC+02:00"), which wins
    over the mapping page's time zone (dateorder.decide_column)."""
    column = (upload.preset.get("columns") or {}).get("submitted_at") if upload.preset else None
    if not isinstance(column, str):
        return None
    zone = upload.sheet_meta.get("declared_time_zones", {}).get(column) or zones.header_zone(column)
    try:
        zones.zone_of(zone or "")
    except ValueError:  # no zone, or one that is no IANA name ("Mountain Standard Time"): the chosen zone applies
        return None
    return column, zone


def preset_from_form(upload: Upload, data: dict) -> mapping.Preset:
    """The upload's preset with the columns, date order ('' automatic, 'DMY', 'MDY') and scale
    (min_score/max_score constants, dropped when blank) the user chose. A score_label left on the score's
    old column moves with the score: a label from another question would go out beside it.

    The form's time zone is the upload's (passed to the remap apart); a zone a preset brought
    is dropped here, or it would win over the user's choice (dateorder.decide_column: preset > upload).
    """
    preset = mapping.Preset.from_json(upload.preset)
    old_score, new_score = preset.columns.get("score"), data.get("field_score", "")
    follows = bool(old_score and new_score and new_score != old_score
                   and data.get("field_score_label", "") == old_score == preset.columns.get("score_label"))
    if follows:  # the label read the score's column: it moves with it (QA round 64c: a grid's other row's label)
        data = {**data, "field_score_label": new_score}
    if data.get("field_submitted_at", "") != preset.columns.get("submitted_at", ""):
        preset.time_column = None  # the Time beside another date column is no time of this one (found anew)
    for field in mapping.FIELDS:
        column = data.get(f"field_{field}", "")
        if column and column != preset.columns.get(field):
            preset.reasons[field] = "chosen by you on the mapping page"  # not the preset's any more (QA round 53c)
        if column:
            preset.columns[field] = column
        else:
            preset.columns.pop(field, None)
            preset.reasons.pop(field, None)
    if follows:
        preset.reasons["score_label"] = "the score's column, as before: it moved with the score"
    preset.date_order = data.get("date_order") or None
    preset.time_zone = None
    for name in ("min_score", "max_score"):
        if data.get(name) is None:
            preset.constants.pop(name, None)
            preset.reasons.pop(name, None)
        elif preset.constants.get(name) != data[name]:
            preset.constants[name] = data[name]
            preset.reasons[name] = "the survey's scale, set on the mapping page; sent on every row"
    return preset


def mapping_changes(before: dict, after: dict) -> dict[str, str]:
    """What a new mapping changed, for the activity log (QA round 64c: a score moved to another question left no
    trace): field -> "'old column' → 'new column'" ('(none)' for no column), and the scale's ends set on the page.
    Header texts only, never a cell's."""
    old, new = (dict((preset or {}).get("columns") or {}) for preset in (before, after))
    changes = {field: f"{_shown(old.get(field))} → {_shown(new.get(field))}" for field in mapping.FIELDS
               if old.get(field) != new.get(field)}
    old_scale, new_scale = (((preset or {}).get("constants") or {}) for preset in (before, after))
    changes.update({name: f"{old_scale.get(name, '(none)')} → {new_scale.get(name, '(none)')}"
                    for name in ("min_score", "max_score") if old_scale.get(name) != new_scale.get(name)})
    return changes


def _shown(column) -> str:
    return f"'{column}'" if isinstance(column, str) and column else "(none)"


def mapping_decisions(upload: Upload) -> list[dict]:
    """What reading decided, for the mapping page: [{'text': sentence, 'date_order': bool}].

    date_order is True on the sentence that gives the day/month order, so the page can point
    at the Date order control from it.
    """
    dates = (upload.check_context or {}).get("dates") or {}
    order = dates_module.ORDER_WORDS.get(dates.get("order") or "")
    prefix = f"'{dates.get('column')}' read as {order}," if order else None
    return [{"text": text, "date_order": bool(prefix) and text.startswith(prefix)} for text in upload.decisions]


def explain_mapping(upload: Upload) -> list[dict]:
    """For each field: the column chosen, sample values, and why (explain); min_score and
    max_score with no column or constant show the scale the check read from the file (scales.decide:
    a word scale, a header's "Score /10", a preset's scales), not the API's default 1..5."""
    from uploads import intake

    rows = list(upload.rows.order_by("number")[:20])
    preset = mapping.Preset.from_json(upload.preset)
    entries = explain(preset, intake.sheet_of(upload, rows))
    read = _scale_read(upload)
    for entry in entries:
        if read and entry["field"] in ("min_score", "max_score") and entry["column"] is None and (
                entry["field"] not in preset.constants):
            entry.update(constant=read[entry["field"] == "max_score"],
                         why="the scale read from the file (see above); sent with every answer")
    return [{**entry, "form_field": f"field_{entry['field']}"} for entry in entries]


def _scale_read(upload: Upload) -> tuple[int, int] | None:
    """(min, max) the last check read from the file: its word scale's or its score scale."""
    context = upload.check_context or {}
    if context.get("word_scale") in SCALES:
        chosen = SCALES[context["word_scale"]]
        return chosen["min_score"], chosen["max_score"]
    scale = context.get("score_scale")
    return (scale[0], scale[1]) if scale else None


def explain(preset: mapping.Preset, sheet) -> list[dict]:
    """For each field (and clarifying group): the column or constant, up to 3 samples, and why.

    Each entry: {"field", "column" (header or None), "constant" (or None),
    "samples" (list of up to 3 distinct non-blank texts), "why" (sentence)}.
    """
    resolved = mapping.resolve(preset, sheet)
    headers = Headers.of(sheet)
    out = [_explain_field(resolved, headers, sheet, name) for name in mapping.FIELDS]
    for group in resolved.clarifying:
        out.append({"field": f"clarifying_answers[{group.key}]", "column": group.score, "constant": None,
                    "samples": _samples(sheet, headers.index(group.score)),
                    "why": f"question '{group.question}', scored {group.min_score}..{group.max_score}"
                           + (f", comment from '{group.comment}'" if group.comment else "")})
    return out


def _explain_field(preset: mapping.Preset, headers: Headers, sheet, name: str) -> dict:
    """One field's entry of explain."""
    entry = {"field": name, "column": None, "constant": None, "samples": [], "why": ""}
    column = preset.columns.get(name)
    split = next((s for s in preset.splits if name in s.fields), None)
    if isinstance(column, str):
        entry.update(column=column, samples=_samples(sheet, headers.index(column)),
                     why=preset.reasons.get(name) or f"preset '{preset.name}' maps it to '{column}'")
        if name == "score_label" and column == preset.columns.get("score"):  # QA round 70b: "5, 4, 1" as labels?
            entry["why"] += "; only an answer in words is sent as its label, a plain number sends none"
        entry["why"] += _own_maps(preset, name, column)
    elif split:
        part = split.fields.index(name)
        samples = _samples(sheet, headers.index(split.column), split.separator, part)
        none = "" if samples else (f": no cell of '{split.column}' has a part {part + 1}, so no row's "
                                   f"{name.replace('_', ' ')} comes from it")  # QA round 53c: shown as mapped
        entry.update(column=split.column, samples=samples,
                     why=f"part {part + 1} of '{split.column}' split at '{split.separator}'{none}")
    elif name in preset.constants:
        entry.update(constant=preset.constants[name], why=preset.reasons.get(name)
                     or f"the same value on every row (preset '{preset.name}')")
    elif name in ("min_score", "max_score"):
        entry.update(constant=1 if name == "min_score" else 5, why="the API default, always sent")
    else:
        mapped = {field for field in mapping.FIELDS if preset.columns.get(field) or preset.splits_into(field)}
        entry["why"] = autodetect.why_unmapped(name, mapped)
    return entry


def _own_maps(preset: mapping.Preset, name: str, column: str) -> str:
    """"; the preset maps great to 5, meh to 3; it skips 'n/a' (no survey sent)": a saved or imported preset's value
    map and skip values for field `name` read from `column` ('' for a built-in preset or none), which the page
    shows nowhere else (QA round 71c: an imported map showed only in the results download)."""
    if mapping.is_builtin(preset.name) or preset.name == mapping.AUTO_PRESET_NAME:
        return ""
    table = preset.value_maps.get(name) or {}
    skips = {**preset.skip_values.get(name, {}), **preset.skip_values.get(column, {})}
    ordered = sorted(table.items(), key=lambda entry: (-entry[1] if isinstance(entry[1], int) else 0, entry[0]))
    shown = [f"{text} to {score}" for text, score in ordered[:8]]  # best first: Postgres' JSONB keeps no key order
    more = f" and {len(table) - 8} more" if len(table) > 8 else ""
    return ((f"; the preset maps {', '.join(shown)}{more}" if shown else "")
            + (f"; it skips {', '.join(f'{text!r} ({why})' for text, why in sorted(skips.items())[:5])}"
               if skips else ""))


def _samples(sheet, position: int | None, separator: str | None = None, part: int = 0) -> list[str]:
    """Up to 3 distinct non-blank texts of a column (of its `part` when split at `separator`)."""
    out: list[str] = []
    if position is None:
        return out
    for row in sheet.rows:
        text = row[position].strip() if position < len(row) else ""
        if separator is not None:
            pieces = text.split(separator, maxsplit=part + 1)
            text = pieces[part].strip() if len(pieces) > part else ""
        if text and text not in out:
            out.append(text)
        if len(out) == 3:
            break
    return out
