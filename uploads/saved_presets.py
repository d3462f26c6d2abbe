"""Mappings saved per source: presets users save, export and import as JSON.

A saved preset is the resolved mapping of an upload (exact header names) whose
`detect` list is every column it reads, so a later file with the same headers
picks it automatically (mapping.choose_preset ranks the most detect entries first).
The JSON format is mapping.Preset's (uploads/preset_format.py, README "Preset JSON").
"""

import json
import re

from django.db import DatabaseError, IntegrityError

from uploads import mapping
from uploads.models import SavedPreset, Upload


def all_presets() -> list[mapping.Preset]:
    """Saved presets first (newest name order), then the built-ins.

    A database without the presets table (`import_csat --dry-run` in a fresh
    checkout, before `migrate`) gives the built-ins alone.
    """
    try:
        saved = [mapping.Preset.from_json(entry.data) for entry in SavedPreset.objects.all()]
    except DatabaseError:
        saved = []
    return saved + mapping.builtin_presets()


def preset_names() -> list[str]:
    """Names of every preset a user can apply, saved ones first."""
    return [preset.name for preset in all_presets()]


def find_preset(name: str) -> mapping.Preset:
    """The saved or built-in preset called `name` (case-insensitive); KeyError when none."""
    for preset in all_presets():
        if preset.name.casefold() == name.casefold():
            return preset
    raise KeyError(name)


def save_mapping(upload: Upload, name: str, user) -> SavedPreset:
    """Save `upload`'s current mapping as preset `name`; ValueError when the name is taken."""
    preset = mapping.Preset.from_json(upload.preset)
    preset.name = name
    preset.description = f"Saved from {upload.filename} by {user.get_username()}."
    preset.detect = _read_columns(preset)
    preset.reasons = {field: f"preset '{name}' takes {field} from column '{column}'"
                      for field, column in preset.columns.items()}
    try:
        return SavedPreset.objects.create(name=name, data=preset.to_json(), created_by=user)
    except IntegrityError:
        raise ValueError(f"A preset called '{name}' already exists; choose another name.") from None


def _read_columns(preset: mapping.Preset) -> list[str]:
    columns = list(dict.fromkeys(
        list(preset.columns.values()) + [split.column for split in preset.splits]
        + [group.score for group in preset.clarifying]
    ))
    return [column for column in columns if column]


def export_json(upload: Upload) -> str:
    """The upload's mapping as preset JSON text (indented, UTF-8)."""
    return json.dumps(upload.preset, indent=2, ensure_ascii=False)


def parse_json(data: bytes) -> mapping.Preset:
    """A preset from uploaded JSON bytes; ValueError with a readable reason when malformed."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"This is not a preset JSON file ({exc}).") from None
    if not isinstance(raw, dict):
        raise ValueError("This preset JSON is malformed: it must be one JSON object.")
    _check_patterns(raw)
    try:
        return mapping.Preset.from_json(raw)
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"This preset JSON is malformed ({exc}).") from None


def _check_patterns(value, where: str = "preset") -> None:
    """Every `re:` column spec and the clarifying_pattern regexes must compile."""
    if isinstance(value, dict):
        for key, inner in value.items():
            pattern = inner if key in ("header", "comment", "question") and where.endswith("clarifying_pattern") else None
            if isinstance(pattern, str):
                _compile(pattern, f"{where}.{key}")
            _check_patterns(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _check_patterns(inner, f"{where}[{index}]")
    elif isinstance(value, str) and value.startswith("re:"):
        _compile(value[3:], where)


def _compile(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}).") from None
