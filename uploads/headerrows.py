"""Where the header is and what the columns are called (parsing's header rules).

The header is found among the first HEADER_SCAN rows: title rows above it are
skipped; Qualtrics' three header rows (column ids, question text, ImportId JSON,
which may declare a time zone), its legacy two (V1..V10 named by row 2) and
SurveyMonkey's two (question, then "Response" labels) are recognised, and a row of
group headings above a team sheet's field names ("Ticket" over "ID") when only
together they name the ticket id column (autodetect's header names). Then the
B12 rules (shared/cases/README.md): duplicate names and data under a blank
header between named columns are errors; an unnamed column right of every named
one is dropped, with a notice and a warning on each row that had text in it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from uploads import autodetect, parsing, runonrows
from uploads.headers import and_list, normalize
from uploads.preset_format import FIELDS

HEADER_SCAN = 20  # title rows above the header are looked for among the first 20 non-empty rows
_IMPORT_ID = re.compile(r"""\s*\{\s*["']ImportId["']\s*:""")
_OWN_DATE = re.compile(r"""["']ImportId["']\s*:\s*["'](?:startDate|endDate|recordedDate)["']""")
_TIME_ZONE = re.compile(r"""["']timeZone["']\s*:\s*["']([^"']+)["']""")
# SurveyMonkey's second header row in English, German, Spanish, French, Portuguese, Dutch, Italian, Polish,
# Swedish and Japanese surveys [unverified labels: QA round 44c]
_SURVEYMONKEY_LABELS = {"response", "open-ended response", "antwort", "offene antwort", "respuesta",
                        "respuesta abierta", "réponse", "réponse ouverte", "resposta", "resposta aberta", "antwoord",
                        "open antwoord", "risposta", "risposta aperta", "odpowiedź", "odpowiedź otwarta", "svar",
                        "öppet svar", "回答", "自由回答", "yanıt", "açık uçlu yanıt"}
# A cell of an answer, not a matrix row's label: a number, an address, a date (_is_surveymonkey_pair)
_ANSWER_CELL = re.compile(r"^\s*[\d.,#-]+\s*$|@|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_HEADER_JUNK = re.compile("[\ufeff\u200b]")
_LEGACY_QUALTRICS_ID = re.compile(r"V\d+")
# How well a row's cells match known header names: 0 when no cell could name a
# ticket id column (so no mapping could use the row), else higher for more known
# names. The caller supplies it (mapping.header_score): parsing knows no fields.
HeaderScore = Callable[[list[str]], int]


def could_be_header(rows: list[list[str]], header_score: HeaderScore) -> bool:
    """True when one of the first 20 rows scores above 0 (see HeaderScore)."""
    return any(header_score(row) > 0 for row in rows[:HEADER_SCAN])


def header_index(numbers: list[int], rows: list[list[str]], header_row: int | None,
                  header_score: HeaderScore | None) -> int:
    """Index in `rows` of the header: the row numbered `header_row` when given (ParseError when it is
    empty or past the end), else the first of HEADER_SCAN rows filling 3 cells (or half the widest),
    or the row under it when that one fills more cells and scores higher (a row of group headings
    above the header, "Request | Response | Employee" merged across their columns: QA rounds 28a,
    29a), or whose first line repeats a name, "Agent | Agent" over "name | e-mail" (a header typed over two rows:
    QA round 53b), else the best `header_score` row holding no data (_holds_data) when that first one scores 0 (see
    parse_file)."""
    if header_row is not None:
        try:
            return numbers.index(header_row)
        except ValueError:
            raise parsing.ParseError(
                f"Row {header_row} is empty or past the end of the file, so it cannot be the header row."
            ) from None
    counts = [filled(row) for row in rows[:HEADER_SCAN]]
    needed = min(3, max(2, (max(counts) + 1) // 2))
    top = next((index for index, count in enumerate(counts)
                if count >= needed or _is_surveymonkey_pair(rows, index)), 0)
    if (header_score is not None and top + 1 < len(counts)
            and (counts[top + 1] > counts[top] or _repeats(rows[top]) and not _holds_data(rows[top + 1]))
            and not _is_surveymonkey_pair(rows, top) and max(header_score(rows[top + 1]), header_score(
                grouped_names(rows[top], rows[top + 1]))) > header_score(rows[top])):
        return top + 1
    if header_score is None or header_score(rows[top]) > 0:
        return top
    scores = [0 if _holds_data(row) else header_score(row) for row in rows[:HEADER_SCAN]]
    return scores.index(max(scores)) if max(scores) > 0 else top


# What no header cell holds: an email address, a date, a sentence of six words or more (a customer's comment
# "Ticket 48213 was closed too early, reopened as this one." is no header row: QA round 36a)
_DATA_CELL = re.compile(r"\S+@\S+\.\w|\b\d{1,4}[/.-](?:\d{1,2}|[A-Za-z]{3})[/.-]\d{2,4}\b|(?:\S+\s+){5}\S")


def grouped_names(groups: list[str], names: list[str]) -> list[str]:
    """`names` under a row of group headings merged across their columns ("Ticket" over "ID" and "Date rated"),
    each with its group's heading before it: "Ticket ID", "Ticket Date rated" (a team sheet's two-line header: QA
    round 44b). A heading stands for the blank cells after it."""
    out, group = [], ""
    for index, name in enumerate(names):
        heading = groups[index].strip() if index < len(groups) else ""
        group = heading or group
        out.append(f"{group} {name.strip()}" if group and name.strip() else name.strip() or group)
    return out


def names_need_groups(names: list[str], groups: list[str]) -> bool:
    """True when `groups`, a row of two headings or more above the header `names`, names the ticket id column
    that no name alone does: "Ticket" over "ID" (grouped_names). Never for a header that names it already (a
    Looker pivot's "Satisfaction Ratings Score" over its "Ticket ID"), nor for `names` holding a number, an
    address or a date: an answer, under the real header."""
    if sum(1 for cell in groups if cell.strip()) < 2 or _holds_data(names) or any(
            _NUMBER.fullmatch(name.strip()) for name in names):
        return False  # an answer's row taken for the header (a header row set one too low: QA round 53c)
    return ("ticket_id" not in autodetect.named_fields(names)
            and "ticket_id" in autodetect.named_fields(grouped_names(groups, names)))


def _repeats(row: list[str]) -> bool:
    """True when two cells of `row` hold the same text (any case)."""
    texts = [cell.strip().casefold() for cell in row if cell.strip()]
    return len(set(texts)) < len(texts)


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def _holds_data(row: list[str]) -> bool:
    return any(_DATA_CELL.search(cell) for cell in row)


def headless(columns: list[str]) -> bool:
    """True when the header row read is an answer: it holds data (an address, a date, a sentence) and a number
    (Redshift's UNLOAD and other database exports write no header line: QA round 37a)."""
    return _holds_data(columns) and any(cell.strip().isdigit() for cell in columns)


def filled(row: list[str]) -> int:
    """The number of cells in `row` holding more than blanks."""
    return sum(1 for cell in row if cell.strip())


def layout_of(rows: list[list[str]], top: int) -> tuple[str, int]:
    """Qualtrics: row 3 holds ImportId JSON (EXPORT-FORMATS.md section 2); SurveyMonkey: row 2 labels (section 3)."""
    after = rows[top + 1 : top + 3]
    if len(after) == 2 and _is_import_id_row(after[1]):
        return "qualtrics", 2
    if _is_surveymonkey_pair(rows, top):
        return "surveymonkey", 1
    if _is_legacy_qualtrics(rows, top):
        return "qualtrics_legacy", 1
    return "plain", 0


def _is_legacy_qualtrics(rows: list[list[str]], top: int) -> bool:
    """Pre-2017 Qualtrics: row 1 `V1..V10`, row 2 `ResponseID, ResponseSet, ...` (EXPORT-FORMATS.md section 2)."""
    header = [cell.strip() for cell in rows[top][:10]]
    return (len(header) == 10 and all(_LEGACY_QUALTRICS_ID.fullmatch(cell) for cell in header)
            and top + 1 < len(rows) and rows[top + 1][0].strip().casefold() == "responseid")


def _is_import_id_row(row: list[str]) -> bool:
    filled = [cell for cell in row if cell.strip()]
    hits = sum(1 for cell in filled if _IMPORT_ID.match(cell))
    return hits > 0 and hits * 2 >= len(filled)


def _is_surveymonkey_pair(rows: list[list[str]], index: int) -> bool:
    """Row `index` and the next are SurveyMonkey's two header rows: the next has no Respondent ID and names a
    "Response", or, under its own "Respondent ID" header, labels two columns or more, one of them with no header of
    its own (a matrix question's rows, in a survey of no other question: QA round 72b)."""
    if index + 1 >= len(rows):
        return False
    header, labels = rows[index], rows[index + 1]
    if not header[0].strip() or labels[0].strip():
        return False
    if any(cell.strip().casefold() in _SURVEYMONKEY_LABELS for cell in labels):
        return True
    under_blank = sum(1 for at, cell in enumerate(labels)
                      if cell.strip() and (at >= len(header) or not header[at].strip()))
    filled = [cell.strip() for cell in labels if cell.strip()]
    return (header[0].strip().casefold() == "respondent id" and under_blank >= 1 and len(filled) >= 2
            and not any(cell.strip() for cell in labels[:4])  # no Collector ID, Start Date, End Date
            and not any(_ANSWER_CELL.search(cell) for cell in filled))  # no answer's ticket, email or date
            # (QA round 73a: an answer typed with no Respondent ID became the header; 74a: "Reply within 24 hours")


def used_width(rows: list[list[str]], limits: parsing.Limits) -> int:
    """Columns the table uses (trailing blank cells of a too-wide row aside); ParseError over limits.max_columns."""
    width = max(map(len, rows))
    if width > limits.max_columns:
        width = max(_last_filled(row) for row in rows)
        if width > limits.max_columns:
            raise parsing.ParseError(
                f"The file has {width:,} columns; the most we can read is {limits.max_columns:,}. "
                "Delete the columns you do not need and upload it again."
            )
    return width


def _last_filled(row: list[str]) -> int:
    return next((index + 1 for index in range(len(row) - 1, -1, -1) if row[index].strip()), 0)


def column_names(header: list[str], extras: list[list[str]], layout: str, width: int) -> list[str]:
    """`width` column names from the header row (BOM and zero-width spaces removed, trimmed); legacy
    Qualtrics takes row 2's names for V1..V10, SurveyMonkey joins question and label."""
    names = [_HEADER_JUNK.sub("", cell).strip() for cell in header[:width]]
    names += [""] * (width - len(names))
    if layout == "qualtrics_legacy":
        labels = [_HEADER_JUNK.sub("", cell).strip() for cell in extras[0]]
        return [labels[i] if _LEGACY_QUALTRICS_ID.fullmatch(name) and i < len(labels) else name
                for i, name in enumerate(names)]
    return _surveymonkey_names(names, extras[0]) if layout == "surveymonkey" else names


def _surveymonkey_names(names: list[str], labels: list[str]) -> list[str]:
    """Question text from the left plus the row-2 label for multi-column questions ("Question - Label")."""
    combined: list[str] = []
    question = ""
    for index, name in enumerate(names):
        label = labels[index].strip() if index < len(labels) else ""
        question = name or question
        if label and label.casefold() not in _SURVEYMONKEY_LABELS and question:
            combined.append(f"{question} - {label}")
        else:
            combined.append(name or label)
    return combined


def spanned_names(names: list[str], spans: dict[int, int]) -> tuple[list[str], list[str]]:
    """`names` with each blank one under a header cell merged across from its left (`spans`: column -> the merged
    cell's first column) named after it, 'Rating (2)', and a notice for each such header: Intercom's rating over
    its score and its label's columns is no column without a header (QA round 61a)."""
    out, notices = list(names), []
    for first in sorted(set(spans.values())):
        covered = sorted(column for column, start in spans.items() if start == first and column < len(out)
                         and not out[column])
        if not covered or not out[first]:
            continue
        for column in covered:
            out[column] = f"{names[first]} ({column - first + 1})"
        letters, named = and_list([column_letter(column) for column in covered]), and_list(
            [f"'{out[column]}'" for column in covered])
        notices.append(f"The header '{names[first]}' is merged across columns {column_letter(first)}–"
                       f"{column_letter(max(covered))}: column{'s' if len(covered) > 1 else ''} {letters} "
                       f"{'are' if len(covered) > 1 else 'is'} read as {named}.")
    return out, notices


HEADER_FIX = (
    "Give every column that holds data a header of its own (rename or delete the extra columns), "
    "save the file and upload it again."
)


def check_columns(names: list[str], data: list[list[str]], numbers: list[int], *, workbook: bool = False,
                  run_on: tuple[str, int] | None = None) -> tuple[list[int], list[str], dict[tuple[int, None], str]]:
    """Indexes of the columns to keep, notices, and row notes ((row index, None) -> note: the row's
    cells right of the last named column were ignored, with a text file's likely cause, a comma
    in an unquoted comment, or a workbook's, a note typed beside the answers); ParseError for
    B12's header faults. `run_on`, for a text file with one header row: its delimiter and the header's
    own width; its last column split by the delimiter on some rows is first read back together
    (runonrows.rejoin_last)."""
    written = names
    names = _empty_repeats_unnamed(["" if _PANDAS_UNNAMED.fullmatch(name) else name for name in names], data)
    errors = _duplicate_messages(names)
    keep: list[int] = []
    notices: list[str] = []
    ignored: dict[int, list[str]] = {}
    beyond: set[int] = set()
    last_named = max((index for index, name in enumerate(names) if name), default=-1)
    rejoined = runonrows.rejoin_last(names, data, numbers, last_named, run_on[0]) if run_on and (
        last_named + 1 == run_on[1]) else {}  # a blank header after the last name is a column (kitchen sink's H)
    if run_on and last_named + 1 == run_on[1] and not rejoined:
        rejoined = runonrows.rejoin_inner(names, data, numbers, last_named, run_on[0])
    notices += rejoined.pop(None, [])
    for index, name in enumerate(names):
        if name:
            keep.append(index)
            continue
        filled = [row_index for row_index, row in enumerate(data) if index < len(row) and row[index].strip()]
        if not filled:
            continue
        letter = column_letter(index)
        if index <= 1 and all(not names[at] for at in range(index)) and _row_index(data, index):
            header = f"only pandas' placeholder header '{written[index]}'" if written[index] else "no header"
            notices.append(f"Column {letter} has {header} and holds only row numbers ({data[0][index].strip()} to "
                           f"{data[-1][index].strip()}: the index pandas and other data tools write first), so it "
                           "was ignored.")  # two of them: a frame read with its index and written again (QA 61c)
        elif index < last_named:
            errors.append(f"column {letter} has no header but contains data")
        else:
            cells, rows = ("cell was", "that row has") if len(filled) == 1 else ("cells were", "each of those rows has")
            where = "in" if len(filled) == 1 else "the first in"
            notices.append(
                f"Column {letter} has no header, so its {len(filled):,} filled {cells} ignored "
                f"({where} row {numbers[filled[0]]}); {rows} a warning."
            )
            for row_index in filled:
                ignored.setdefault(row_index, []).append(f"column {letter} ('{data[row_index][index].strip()[:40]}')")
                if run_on is None or index >= run_on[1]:
                    beyond.add(row_index)  # past the header line's own cells
    if errors:
        raise parsing.ParseError(errors + [HEADER_FIX])
    row_notes = runonrows.ignored_notes(ignored, data, last_named, run_on, workbook, beyond)
    return keep, notices, {**rejoined, **row_notes}


def _row_index(data: list[list[str]], column: int = 0) -> bool:
    """True when the rows' cells in `column` (their first) count up from 0 or 1 ("0", "1", "2"...), also with
    gaps ("0", "1", "3", "7": a frame filtered before it was written, QA round 33b; "3", "4", "7" when its
    first rows were filtered out, up to _INDEX_SPREAD times the row count: QA round 57a), or are
    0 .. n-1 in another order (a sorted frame, QA round 34a): the unnamed index column pandas' to_csv and
    to_excel write by default (QA round 24c), not data (B12: ids, which run higher, are refused)."""
    first = [row[column].strip() if column < len(row) else "" for row in data]
    if not first or not all(text.isascii() and text.isdigit() and (text == "0" or text[0] != "0") for text in first):
        return False
    numbers = [int(text) for text in first]
    return (numbers[0] in (0, 1) or numbers[-1] < _INDEX_SPREAD * len(numbers)) and all(
        a < b for a, b in itertools.pairwise(numbers)) or sorted(numbers) == list(range(len(numbers)))


_INDEX_SPREAD = 20  # a filtered frame keeps one row in 20 or more of the rows it was written from


# The columns our error report adds after a file's own (uploads/reports.py): a file's own "Status"
# column (Qualtrics) is no duplicate of the report's "status", which is dropped when it is read.
REPORT_COLUMNS = ["row", "status", "reason"]


def report_columns_at(names: list[str]) -> int | None:
    """Index of the "row" column of our error report's row/status/reason, the last such three in `names`
    (any case), whatever columns a user added after them in a spreadsheet program ("Checked by": QA
    round 29a); None when the file is no report of ours."""
    folded = [name.strip().lower() for name in names]
    return next((at for at in range(len(folded) - len(REPORT_COLUMNS), -1, -1)
                 if folded[at:at + len(REPORT_COLUMNS)] == REPORT_COLUMNS), None)


_FIELD_NAMES = frozenset(map(normalize, FIELDS))
# How pandas names what a file it read and wrote again had: a column without a header, a second column of a name
_PANDAS_UNNAMED = re.compile(r"Unnamed: \d+(?:_level_\d+)?")
_PANDAS_RENAMED = re.compile(r"(.*[^\d\s.])\.(\d+)")


def _empty_repeats_unnamed(names: list[str], data: list[list[str]]) -> list[str]:
    """`names` with a repeated header over a column empty in every row read as no header (such a column
    is ignored, as B12 allows a blank header over an empty one): two empty 'Notes' columns are no
    duplicate (QA round 54a). The first of the name stays when every one of them is empty."""
    repeated: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        if name.strip():
            repeated.setdefault(name.strip().casefold(), []).append(index)
    out = list(names)
    for found in (found for found in repeated.values() if len(found) > 1):
        empty = [index for index in found if not any(index < len(row) and row[index].strip() for row in data)]
        if empty:
            for index in empty[1:] if len(empty) == len(found) else empty:
                out[index] = ""
    return out


def _duplicate_messages(names: list[str]) -> list[str]:
    """One sentence per header name (any case) held by several columns, the report's own aside; an API
    field's name written two ways ("ticket_id" and "Ticket ID", "score" and "Score:") counts as one, as
    the mapping reads both as the field and would silently use one column of the two (B12). So does
    the name pandas gives a second column of a name ("score.1" beside "score", read_csv's renaming:
    QA round 24b; not "Q1.1" beside "Q1", a numbered question)."""
    if (at := report_columns_at(names)) is not None:
        names = names[:at] + [""] * len(REPORT_COLUMNS) + names[at + len(REPORT_COLUMNS):]
    positions: dict[str, list[int]] = {}
    present = {name.strip().casefold() for name in names}
    for index, name in enumerate(names):
        if name:
            renamed = _PANDAS_RENAMED.fullmatch(name.strip())
            if renamed and renamed[1].casefold() in present:
                name = renamed[1]
            key = normalize(name)
            positions.setdefault(key if key in _FIELD_NAMES else name.casefold(), []).append(index)
    out = []
    for found in positions.values():
        if len(found) > 1:
            written = {names[i].strip().casefold() for i in found}
            ways = f": {and_list([repr(names[i]) for i in found])}" if len(written) > 1 else ""
            out.append(f"duplicate column '{names[found[0]]}' (columns {and_list([column_letter(i) for i in found])}"
                       f"{ways})")
    return out


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index: 0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def declared_zones(extra: list[list[str]], columns: list[str]) -> dict[str, str]:
    """Column name -> zone that a Qualtrics ImportId cell (third header row) declares.

    An export has one time zone for Qualtrics' own dates (the survey's, chosen when exporting): when
    the cells that declare one all agree, a column of those dates (ImportId startDate, endDate or
    recordedDate) whose cell declares none (an edited or partial export) takes it too. Embedded data
    and questions keep what their own cells say: a ticket's date passed in UTC is no survey time.
    """
    zones: dict[str, str] = {}
    for name, cell in zip(columns, extra[1], strict=True):
        if found := _TIME_ZONE.search(cell):
            zones[name] = found[1]
    own = {zones[name] for name, cell in zip(columns, extra[1], strict=True)
           if name in zones and _OWN_DATE.search(cell)}
    if len(own) == 1 and len(set(zones.values())) == 1:
        zone = own.pop()
        zones.update({name: zone for name, cell in zip(columns, extra[1], strict=True)
                      if name not in zones and _OWN_DATE.search(cell)})
    return zones
