"""Finding columns by header: the "column spec" language used by presets.

A column spec is a string:
- a header name, compared after normalising (case-folded, punctuation and
  underscores as spaces, runs of spaces collapsed): "Ticket ID" == "ticket_id";
- "re:<regex>": a case-insensitive regular-expression search in the header text;
- "label:<spec>": the same, matched against the second header row instead (the
  Qualtrics question text, SurveyMonkey's "Open-Ended Response");
- "<spec> && <spec>": a column both match ("re:satisf && label:Response": a SurveyMonkey
  single-answer satisfaction question, not a grid's row or an open-ended one).
A list of specs means "the first spec that matches any column".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+")
_BRACKET_ROW = re.compile(r"^(?P<question>.+?)\s*\[(?P<row>[^\]]+)\]$")  # Google Forms' grid: "Question [Row]"
_NUMBERED_ROW = re.compile(r"_\d+$")  # Qualtrics' matrix rows: Q1_1, Q1_2 (row 2: "Question - Row")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@lru_cache(maxsize=4096)
def normalize(header: str) -> str:
    """"  Ticket_ID " -> "ticket id" (case-folded, punctuation to spaces, BOM dropped; Turkish "TARİH" is "tarih",
    not the "i" and combining dot casefold makes of its İ: QA round 44c)."""
    folded = header.replace("\ufeff", "").casefold().replace("i\u0307", "i")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def normalize_camel(header: str) -> str:
    """normalize() with words joined in camel case apart: "SubmittedAt", "ticketId", "CSATScore" (the
    headers of PowerShell's Export-Csv and of scripts) -> "submitted at", "ticket id", "csat score".
    Auto-detection's second try only: a preset's "CaseNumber" must still equal "CASENUMBER"."""
    return normalize(_CAMEL.sub(" ", header))


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def as_list(spec: str | list[str] | None) -> list[str]:
    """A spec or list of specs as a list ([] for None/"")."""
    if not spec:
        return []
    return [spec] if isinstance(spec, str) else [item for item in spec if item]


@dataclass
class Headers:
    """The header texts of a sheet plus its optional label row (second header row)."""

    columns: list[str]
    labels: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, sheet) -> Headers:
        extra = getattr(sheet, "extra_header_rows", None) or []
        return cls(list(sheet.columns), list(extra[0]) if extra else [])

    def index(self, header: str) -> int | None:
        """Index of a column by exact header text, else by normalised text; None if absent."""
        if header in self.columns:
            return self.columns.index(header)
        wanted = normalize(header)
        for position, column in enumerate(self.columns):
            if wanted and normalize(column) == wanted:
                return position
        return None

    def find(self, spec: str | list[str] | None, used: set[int] = frozenset()) -> int | None:
        """Index of the first column matching the spec(s); regex/label specs skip `used` columns."""
        for item in as_list(spec):
            position = self._find_one(item, used)
            if position is not None:
                return position
        return None

    def matching(self, spec: str) -> list[int]:
        """Indexes of every column a `re:` or `label:re:` spec matches (empty for other specs): which others a
        pattern could have taken."""
        if not spec.startswith(("re:", "label:re:")):
            return []
        parts = spec.split(" && ")
        return [i for i in range(len(self.columns)) if all(self._matches(part, i) for part in parts)]

    def grid_row(self, position: int) -> tuple[str, str] | None:
        """(question, row label) of a column that is one row of a grid question, else None: SurveyMonkey's joined
        "Question - Row" over row 2's "Row", Google Forms' "Question [Row]", Qualtrics' Q1_2 over row 2's
        "Question - Row" (EXPORT-FORMATS.md sections 2-4). A lone such column is a grid of one row."""
        name = self.columns[position].strip()
        label = self.labels[position].strip() if position < len(self.labels) else ""
        if label and name.endswith(f" - {label}") and len(name) > len(label) + 3:
            return name[:-len(label) - 3], label
        if found := _BRACKET_ROW.match(name):
            return found["question"].strip(), found["row"].strip()
        if _NUMBERED_ROW.search(name) and " - " in label:
            question, row = label.rsplit(" - ", 1)
            return question.strip(), row.strip()
        return None

    def grid_rows(self, position: int) -> list[int]:
        """Indexes of every row of the grid question column `position` belongs to, itself included, left to
        right; [] for a column that is no grid row."""
        grid = self.grid_row(position)
        if grid is None:
            return []
        return [i for i in range(len(self.columns)) if (row := self.grid_row(i)) and row[0] == grid[0]]

    def _find_one(self, spec: str, used: set[int]) -> int | None:
        if " && " in spec:
            parts = spec.split(" && ")
            return next((i for i in range(len(self.columns))
                         if i not in used and all(self._matches(part, i) for part in parts)), None)
        texts = self.columns
        if spec.startswith("label:"):
            texts, spec = self.labels, spec[len("label:"):]
        if spec.startswith("re:"):
            pattern = _regex(spec[3:])
            return next((i for i, text in enumerate(texts)
                         if i not in used and text.strip() and pattern.search(text.strip())), None)
        if texts is self.columns:
            return self.index(spec)
        wanted = normalize(spec)
        return next((i for i, text in enumerate(texts) if i not in used and normalize(text) == wanted), None)

    def _matches(self, spec: str, position: int) -> bool:
        """Whether column `position` matches one spec (its header, or its label for "label:")."""
        texts = self.columns
        if spec.startswith("label:"):
            texts, spec = self.labels, spec[len("label:"):]
        text = texts[position].strip() if position < len(texts) else ""
        if spec.startswith("re:"):
            return bool(text) and bool(_regex(spec[3:]).search(text))
        return bool(text) and normalize(text) == normalize(spec)


def and_list(items: list[str]) -> str:
    """ "a, b and c"; "a" for one item (the notices' lists of columns and rows)."""
    return f"{', '.join(items[:-1])} and {items[-1]}" if len(items) > 1 else items[0]
