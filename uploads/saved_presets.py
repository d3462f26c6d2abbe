"""Mappings saved per source: presets users save, export and import as JSON.

A saved preset is the resolved mapping of an upload (exact header names) whose
`detect` list is every header of that file: a later file with exactly the same
headers picks it automatically (`presets_for`); a file with other or more columns
never does (it could drop the columns the preset does not know), though the user
can still apply the preset on the mapping page or with import_csat --mapping.
The JSON format is mapping.Preset's (uploads/preset_format.py, README "Preset JSON").
"""

import dataclasses
import json
import logging
import re

from django.db import DatabaseError, IntegrityError
from django.utils import timezone

from uploads import mapping, zones
from uploads.models import SavedPreset, Upload
from uploads.plan import DEFAULT_BOUNDS
from uploads.preset_format import SCALE_LIMIT
from uploads.wordings import SCALES

log = logging.getLogger(__name__)

# Keys a preset JSON must have: the Preset fields without a default ("name").
REQUIRED_KEYS = [f.name for f in dataclasses.fields(mapping.Preset)
                 if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]


def all_presets() -> list[mapping.Preset]:
    """Saved presets first (newest name order), then the built-ins.

    A database without the presets table (`import_csat --dry-run` in a fresh
    checkout, before `migrate`) gives the built-ins alone.
    """
    return _saved() + mapping.builtin_presets()


def presets_for(sheet, owner=None) -> list[mapping.Preset]:
    """The presets mapping.choose_preset may pick for `sheet` (a parsing.Sheet) on its own: the saved
    ones whose `detect` names exactly the sheet's headers (case and outer spaces aside), `owner`'s own
    first, then those of their teams, then those saved by someone in no team (an admin's, for everyone;
    QA round 49b: another team's newer preset, its zone and date order, had won), then the built-ins.
    Another team's preset is never applied on its own for a manager in a team (its zone read a US team's
    times in London: QA round 57d); it stays in the list to apply by hand. Without an `owner` (import_csat)
    every saved preset may be picked. Of two equally close, the newer comes first (QA round 71c: a corrected copy
    never won over the preset it corrects)."""
    headers = _header_set(sheet.columns)
    saved = [(preset, creator) for preset, creator in _saved_with_creators(newest_first=True)
             if all(isinstance(entry, str) for entry in preset.detect) and _header_set(preset.detect) == headers]
    teams = set(owner.teams.values_list("pk", flat=True)) if owner is not None and owner.is_authenticated else set()

    def closeness(creator) -> int:
        """0: the owner's; 1: their team's; 2: anyone's (no owner, no creator, a creator in no team); 3: another
        team's."""
        if creator is None or owner is None:
            return 2
        theirs = {team.pk for team in creator.teams.all()}
        return 0 if creator.pk == owner.pk else 1 if teams & theirs else 3 if teams and theirs else 2
    ranked = sorted(((closeness(creator), preset) for preset, creator in saved), key=lambda entry: entry[0])
    return [preset for rank, preset in ranked if rank < 3] + mapping.builtin_presets()


def saved_note(name: str, candidates: list[mapping.Preset]) -> str:
    """For the reason a preset was picked: whose saved preset `name` is and when it was saved, and the
    other saved presets among `candidates` (presets_for) that matched the same headers ('' for a built-in
    one); a saved preset reads like a built-in otherwise, whoever saved it (QA round 47c)."""
    try:
        entry = SavedPreset.objects.select_related("created_by").filter(name=name).first()
    except DatabaseError:
        return ""
    if entry is None:
        return ""
    who = f" by {entry.created_by.get_username()}" if entry.created_by else ""
    others = [preset.name for preset in candidates if preset.name != name
              and not mapping.is_builtin(preset.name)]
    also = f"; the saved preset{'s' if len(others) > 1 else ''} {', '.join(map(repr, others))} matched too" if (
        others) else ""
    return f" (a preset saved{who} on {entry.created_at:%d %b %Y}{also})"


def _saved() -> list[mapping.Preset]:
    """The saved presets that read as presets, in the database's order."""
    return [preset for preset, _creator in _saved_with_creators()]


def _saved_with_creators(newest_first: bool = False) -> list[tuple[mapping.Preset, object]]:
    """(preset, the user who saved it or None) of each saved preset that reads as one, in name order or
    `newest_first`; one that does not (stored before the admin checked presets, or written into the database by
    hand) is left out with a log line, never a failed upload."""
    try:
        entries = list(SavedPreset.objects.select_related("created_by").prefetch_related("created_by__teams")
                       .order_by(*(["-created_at", "-pk"] if newest_first else ["name"])))
    except DatabaseError:
        return []
    out = []
    for entry in entries:
        try:
            out.append((mapping.Preset.from_json(entry.data), entry.created_by))
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            log.warning("saved preset %s (%r) left out: %s", entry.pk, entry.name, exc)
    return out


def _header_set(names: list[str]) -> set[str]:
    return {name.strip().casefold() for name in names if name.strip()}


def preset_names() -> list[str]:
    """Names of every preset a user can apply, saved ones first."""
    return [preset.name for preset in all_presets()]


def find_preset(name: str) -> mapping.Preset:
    """The saved or built-in preset called `name` (case-insensitive); KeyError when none."""
    for preset in all_presets():
        if preset.name.casefold() == name.casefold():
            return preset
    raise KeyError(name)


def own_name(upload: Upload) -> str:
    """The name of the saved or imported preset `upload`'s mapping is (save_mapping names it so), else "" for a
    built-in one or auto-detection (QA round 47c)."""
    builtin = mapping.is_builtin(upload.preset_name) or upload.preset_name == mapping.AUTO_PRESET_NAME
    return "" if builtin else upload.preset_name


def preset_of_upload(upload: Upload, name: str, user) -> mapping.Preset:
    """`upload`'s current mapping as a preset called `name` ('' gives the saved or imported preset's name the
    upload uses, else "Mapping of <file name>").

    It keeps the upload's time zone and date order (the form's choices; the order its dates settle,
    where they overrule the form's: QA round 47c) and detects every header of the upload, so a later
    file with the same headers picks it (presets_for).
    """
    preset = mapping.Preset.from_json(upload.preset)
    preset.name = name.strip() or own_name(upload) or f"Mapping of {upload.filename}"[:100]
    preset.description = f"Saved from {upload.filename} by {user.get_username()}."
    preset.time_zone = upload.time_zone
    dates = upload.check_context.get("dates") or {}
    if dates.get("order") and (str(dates.get("order_reason", "")).startswith("because of ")
                               or preset.date_order and dates["order"] != preset.date_order):
        preset.date_order = dates["order"]  # settled by its dates, or the choice its dates overruled (QA round 49b)
    preset.detect = [column for column in upload.columns if column.strip()]
    preset.reasons = {field: f"preset '{preset.name}' takes {field} from column '{column}'"
                      for field, column in preset.columns.items()}
    return preset


def save_mapping(upload: Upload, name: str, user, replace: bool = False) -> SavedPreset:
    """Save `upload`'s current mapping as preset `name` (preset_of_upload), which the upload's mapping is then
    called (its page and a later Export say so); with `replace`, over `user`'s own saved preset of that name, which
    then counts as saved now (QA round 71c: a manager could not correct a preset). ValueError when the name is
    taken, by another's saved preset, by the user's own without `replace`, or by a built-in one (a saved preset
    must never hide a built-in). The preset returned has `replaced` True when it replaced the user's own."""
    preset = preset_of_upload(upload, name, user)
    own = next((entry for entry in SavedPreset.objects.filter(created_by=user)
                if entry.name.casefold() == preset.name.casefold()), None)  # in Python: SQLite folds ASCII only
    if own is not None and not replace:
        raise ValueError(f"You saved a preset called '{own.name}' on {own.created_at:%d %b %Y}: tick \"Replace my "
                         "preset of that name\" to replace it with this mapping, or choose another name.")
    theirs = next((entry for entry in SavedPreset.objects.exclude(created_by=user).select_related("created_by")
                   if entry.name.casefold() == preset.name.casefold()), None)
    if theirs is not None:  # QA round 72c: "already exists" said nothing of whose it is, or who may replace it
        who = theirs.created_by.get_username() if theirs.created_by else "someone no longer here"
        raise ValueError(f"A preset called '{theirs.name}' already exists, saved by {who}: only they can replace it. "
                         "Choose another name.")
    check_name(preset.name, saved_pk=own.pk if own else None)
    try:
        if own is not None:
            SavedPreset.objects.filter(pk=own.pk).update(name=preset.name, data=preset.to_json(),
                                                         created_at=timezone.now())
            saved = SavedPreset.objects.get(pk=own.pk)
        else:
            saved = SavedPreset.objects.create(name=preset.name, data=preset.to_json(), created_by=user)
    except IntegrityError:
        raise ValueError(f"A preset called '{name}' already exists; choose another name.") from None
    upload.preset_name = upload.preset["name"] = preset.name  # the upload's mapping is that preset now (QA 55b)
    upload.save(update_fields=["preset_name", "preset"])
    saved.replaced = own is not None  # the page says "Replaced" (QA round 72c)
    return saved


def parse_imported(data: bytes) -> mapping.Preset:
    """A preset file the user imports on the mapping page (parse_json); one named as a built-in preset is named
    "<name> (imported)", so that no page calls a file's mapping the built-in one (QA round 38a), and no reason
    names the preset the file was exported as (QA round 57d: renamed in the file, its Why texts were not)."""
    preset = parse_json(data)
    if mapping.is_builtin(preset.name):
        preset.name = f"{preset.name} (imported)"
    # a reason naming the preset it was saved as ("preset 'Tier 2 sheet' takes …") is worded again under this name
    preset.reasons = {field: why for field, why in preset.reasons.items() if not why.startswith("preset '")}
    return preset


def check_name(name: str, saved_pk: int | None = None) -> None:
    """ValueError when `name` is a built-in preset's or another saved preset's (any case: presets are
    found by name in any case, QA round 30a); a saved preset must never hide a built-in. `saved_pk`:
    the saved preset being renamed, whose own name is no clash."""
    if mapping.is_builtin(name):
        raise ValueError(f"'{name}' is the name of a built-in preset; choose another name.")
    others = SavedPreset.objects.exclude(pk=saved_pk).values_list("name", flat=True)
    if any(other.casefold() == name.casefold() for other in others):  # in Python: SQLite folds ASCII only
        raise ValueError(f"A preset called '{name}' already exists; choose another name.")


def export_json(upload: Upload, name: str, user) -> tuple[str, str]:
    """(file name, preset JSON text, indented) of `upload`'s mapping as preset `name` (preset_of_upload).

    The file name is the preset's name with a .json suffix, slashes and quotes left out.
    """
    preset = preset_of_upload(upload, name, user)
    filename = re.sub(r'[\\/"\x00-\x1f]+', " ", preset.name).strip() + ".json"
    return filename, json.dumps(preset.to_json(), indent=2, ensure_ascii=False)


def parse_json(data: bytes) -> mapping.Preset:
    """A preset from uploaded JSON bytes; ValueError with a readable reason when malformed."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError("This is not a preset JSON file: it is not UTF-8 text. Choose the .json file the portal "
                         "exported, or save the file as UTF-8.") from None
    except json.JSONDecodeError as exc:  # QA round 38a: "(Expecting value: line 2 column 1 (char 45))"
        what = ("its text breaks off" if not exc.doc[exc.pos:].strip() else  # QA round 71c: a trailing comma
                "it is not valid JSON (a comma before a closing bracket is a common slip)")
        raise ValueError(f"This is not a preset JSON file: {what} at line {exc.lineno}, column {exc.colno} "
                         f"({exc.msg.lower()}). Choose the .json file the portal exported, or fix that place in a "
                         "text editor.") from None
    except RecursionError:
        raise ValueError("This is not a preset JSON file: it is nested too deeply.") from None
    if not isinstance(raw, dict):
        raise ValueError("This preset JSON is malformed: it must be one JSON object.")
    missing = [key for key in REQUIRED_KEYS if key not in raw]
    if missing:
        raise ValueError(f"This preset JSON is malformed: it has no {', '.join(map(repr, missing))} key "
                         '(every preset needs one, e.g. "name": "Team sheet").')
    if not isinstance(raw["name"], str) or not raw["name"].strip():
        raise ValueError('This preset JSON is malformed: its "name" must be a text that is not blank.')
    _check_shapes(raw)
    _check_scale(raw.get("constants") or {}, raw.get("columns") or {})
    if raw.get("time_zone"):
        try:
            zones.get_zone(raw["time_zone"])
        except ValueError:
            raise ValueError(f'This preset JSON is malformed: "time_zone" {json.dumps(raw["time_zone"])} is no IANA '
                             'time zone (such as "Europe/Berlin" or "America/New_York").') from None
    if isinstance(raw.get("time_column"), list) and not all(isinstance(spec, str) for spec in raw["time_column"]):
        raise ValueError('This preset JSON is malformed: "time_column" must be a column name or a list of them.')
    _check_parts(raw)
    try:
        _check_patterns(raw)
    except RecursionError:
        raise ValueError("This preset JSON is malformed: it is nested too deeply.") from None
    try:
        return mapping.Preset.from_json(raw)
    except (TypeError, KeyError, AttributeError, ValueError, RecursionError) as exc:
        raise ValueError("This preset JSON does not follow the preset format (README: Preset JSON), so it was "
                         f"not applied. What did not fit: {exc}.") from None


# The JSON type of each top-level preset key (README: Preset JSON); None may stand for "not set".
_SHAPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(["columns", "fallback_columns", "constants", "value_maps", "skip_values", "detect_values",
                     "reasons", "date_order_by_column"], (dict,)),
    **dict.fromkeys(["detect", "skip_rules", "warn_rules", "splits", "score_scales", "word_scales", "label_scales",
                     "clarifying"],
                    (list,)),
    **dict.fromkeys(["comment_rows", "clarifying_pattern"], (dict, type(None))),
    **dict.fromkeys(["time_zone", "date_order"], (str, type(None))),
    "description": (str,), "header_row": (int, type(None)), "time_column": (str, list, type(None)),
    "score_typos": (bool,), "ticket_digits": (int,),
}
_JSON_NAMES = {dict: "an object ({...})", list: "a list ([...])", str: "a text", int: "a whole number",
               float: "a number", bool: "true or false", type(None): "null"}


def _check_shapes(raw: dict) -> None:
    """Each known top-level key holds the JSON type the format gives it; ValueError naming the key."""
    for key, kinds in _SHAPES.items():
        value = raw.get(key)
        if key in raw and not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds:
            wanted = " or ".join(_JSON_NAMES[kind] for kind in kinds)
            raise ValueError(f'This preset JSON is malformed: "{key}" must be {wanted}, not '
                             f"{_JSON_NAMES.get(type(value), type(value).__name__)}.")


def _check_scale(constants: dict, columns: dict) -> None:
    """min_score and max_score constants are whole numbers within preset_format.SCALE_LIMIT, lowest below
    highest (the other end's default 1 or 5 when only one is given and no column gives it), as the
    mapping page's fields allow (9.5 was sent as 9, 10**12 as it was, min_score 7 alone as 7..5)."""
    bounds = {name: constants[name] for name in ("min_score", "max_score") if name in constants}
    for name, value in bounds.items():
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > SCALE_LIMIT:
            raise ValueError(f'This preset JSON is malformed: "constants" {name} must be a whole number from '
                             f"-{SCALE_LIMIT} to {SCALE_LIMIT}, not {json.dumps(value)}.")
    if not bounds or {"min_score", "max_score"} & set(columns):
        return
    low, high = (bounds.get(name, DEFAULT_BOUNDS[name]) for name in ("min_score", "max_score"))
    if low >= high:
        raise ValueError(f'This preset JSON is malformed: "constants" min_score ({low}) must be below max_score '
                         f"({high}{'' if 'max_score' in bounds else ', the default'}).")


def _is_spec(value, blank: bool = False) -> bool:
    """A column spec: a name or pattern, or a list of them (README: Preset JSON); None where `blank`."""
    return (value is None and blank) or isinstance(value, str) or (
        isinstance(value, list) and bool(value) and all(isinstance(item, str) for item in value))


def _check_parts(raw: dict) -> None:
    """The parts inside the top-level keys have the shapes the format gives them (README: Preset JSON),
    so that a preset imported or edited in the admin never fails an upload later (QA round 30a: a
    column spec 5, a split without a separator, a scale [5] were 500s); ValueError naming the part."""
    def refuse(what: str) -> None:
        raise ValueError(f"This preset JSON is malformed: {what}.")

    for key in ("columns", "fallback_columns"):
        for name, spec in (raw.get(key) or {}).items():
            if not _is_spec(spec, blank=True):
                refuse(f'"{key}" {name} must be a column name or a list of them')
    if raw.get("date_order") not in (None, "MDY", "DMY"):
        refuse('"date_order" must be "MDY", "DMY" or null')
    for entry in raw.get("detect") or []:
        if not _is_spec(entry):
            refuse('each "detect" entry must be a column name or a list of them')
    for name, expected in (raw.get("detect_values") or {}).items():
        if expected not in ("numbers", "words") and not isinstance(expected, list):
            refuse(f'"detect_values" {name} must be "numbers", "words" or a list of values')
    if raw.get("header_row") is not None and raw["header_row"] < 1:
        refuse('"header_row" is a row number: 1 or more, or null')
    for name in raw.get("word_scales") or []:
        if "value_map" not in SCALES.get(name, {}):
            refuse(f'"word_scales" names {json.dumps(name)}, which is no built-in scale of words; name one of '
                   + ", ".join(scale for scale, entry in SCALES.items() if "value_map" in entry))
    for key in ("skip_rules", "warn_rules"):
        for rule in raw.get(key) or []:
            if not isinstance(rule, dict) or not _is_spec(rule.get("column")) or not (
                    isinstance(rule.get("values"), (dict, list)) or "values" not in rule and isinstance(
                        rule.get("keep"), str)):
                refuse(f'each "{key}" entry must be an object with a "column" (a name or a list of names) and '
                       '"values"')
    for split in raw.get("splits") or []:
        separator = split.get("separator", "|") if isinstance(split, dict) else None
        fields = split.get("fields") if isinstance(split, dict) else None
        if not (isinstance(split, dict) and _is_spec(split.get("column")) and isinstance(separator, str)
                and separator and isinstance(fields, list) and all(isinstance(name, str) for name in fields)
                and set(fields) <= set(mapping.FIELDS)):
            refuse('each "splits" entry needs a "column", a "separator" that is not blank and "fields" naming API '
                   "fields")
    for scale in raw.get("score_scales") or []:
        if not (isinstance(scale, list) and len(scale) == 2 and all(isinstance(n, int) and not isinstance(n, bool)
                                                                     for n in scale) and scale[0] < scale[1]):
            refuse('each "score_scales" entry must be [lowest, highest], two whole numbers, lowest first')
    for key, values in (raw.get("skip_values") or {}).items():
        if not all(isinstance(part, dict) or part == "unanswered" for part in (
                values if isinstance(values, list) else [values])):
            refuse(f'"skip_values" {key} must be an object of value -> reason, "unanswered", or a list of those')
    for group in raw.get("clarifying") or []:
        if not (isinstance(group, dict) and isinstance(group.get("question"), str) and _is_spec(group.get("score"))):
            refuse('each "clarifying" group needs a "question" (a text) and a "score" column')
        if not all(_is_spec(group.get(key), blank=True) for key in ("comment", "score_label")):
            refuse('a "clarifying" group\'s "comment" and "score_label" are column names (or lists of them) or null')
        if not all(isinstance(group.get(key, 1), int) and not isinstance(group.get(key), bool)
                   for key in ("min_score", "max_score")):
            refuse('a "clarifying" group\'s "min_score" and "max_score" are whole numbers')
        if group.get("min_score", 1) >= group.get("max_score", 5):  # QA round 71b: each row blamed its cell
            refuse(f'the "clarifying" group {json.dumps(group.get("question"))} has "min_score" '
                   f'{group.get("min_score", 1)}, not below its "max_score" {group.get("max_score", 5)}')
        if group.get("scale") is not None and group["scale"] not in SCALES:
            refuse(f'a "clarifying" group names the scale {json.dumps(group["scale"])}, which is no built-in scale; '
                   "name one of " + ", ".join(SCALES))
        if not all(isinstance(group.get(key) or {}, dict) for key in ("value_map", "labels")):
            refuse('a "clarifying" group\'s "value_map" and "labels" are objects')


def _check_patterns(value, where: str = "preset") -> None:
    """Every `re:` column spec (also after "label:" and in each part of "a && b") and the
    clarifying_pattern regexes must compile."""
    if isinstance(value, dict):
        for key, inner in value.items():
            in_pattern = key in ("header", "comment", "question") and where.endswith("clarifying_pattern")
            pattern = inner if in_pattern else None
            if isinstance(pattern, str):
                _compile(pattern, f"{where}.{key}")
            _check_patterns(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _check_patterns(inner, f"{where}[{index}]")
    elif isinstance(value, str):
        for part in value.split(" && "):
            part = part.removeprefix("label:")
            if part.startswith("re:"):
                _compile(part[3:], where)


def _compile(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}).") from None
