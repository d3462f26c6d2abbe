"""What reading says about columns the mapping leaves out, so that no customer text or score is
left out unsaid: a column named like the score whose values are no scores, free-text answers when
no column is the comment, a second comment column, other questions answered in numbers; and cells an
export defused with an apostrophe (intake.read_file runs these on every file it reads).
"""


import re
from collections.abc import Callable
from functools import lru_cache

from uploads import (
    autodetect,
    cells,
    dates,
    mapping,
    parsing,
    reports,
    scorecells,
    scorequestions,
    ticketcolumns,
    timesofday,
    wordscales,
    zones,
)
from uploads.headernames import AGGREGATE, AGGREGATE_CALL, EXACT, NOT_FOR, TICKET_LIFE, TICKET_TIME
from uploads.headers import Headers, normalize
from uploads.preset_format import ClarifyingPattern


def note_unmapped(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Add to sheet.notices what the mapping `preset` leaves out of `sheet` that a user should know."""
    _note_comment(sheet, preset, _note_score(sheet, preset) | _note_date(sheet, preset))
    _note_ticket_times(sheet, preset)
    _note_other_ticket_ids(sheet, preset)
    _note_agent(sheet, preset)
    _append(sheet, scorequestions.grid_notice(sheet, preset, _used_columns(sheet, preset)))
    _note_text_questions(sheet, preset)
    _note_rated_questions(sheet, preset)
    _append(sheet, scorequestions.other_scores_notice(sheet, preset, _used_columns(sheet, preset)))
    _append(sheet, scorequestions.question_notice(sheet, preset))
    _note_zone_column(sheet, preset)
    _note_aggregates(sheet, preset)
    _note_second_set(sheet, preset)


def _append(sheet: parsing.Sheet, notice: str | None) -> None:
    if notice:
        sheet.notices.append(notice)


# The fields whose second column, unread, means a second set of answers beside the first
_SET_FIELDS = ("submitted_at", "ticket_id", "score")


def _note_second_set(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """When columns the mapping leaves out are named like the ticket and score columns it reads (and maybe the
    date: "Date wk2", "Ticket wk2", "Score wk2", a second week kept beside the first, QA round 58d), say that
    their answers are not read: each answer must be a row of its own."""
    if named := _second_set(sheet, preset):
        listed = ", ".join(f"'{sheet.columns[index]}'" for index in named)
        sheet.notices.append(
            f"{listed} are named like the date, ticket or score columns the mapping reads, but are not read: if they "
            "hold more answers (a second week beside the first), their answers are not sent. Put every answer on a "
            "row of its own, under the same columns, and upload the file again.")


def _second_set(sheet: parsing.Sheet, preset: mapping.Preset) -> list[int]:
    """The unread columns named like the date, ticket or score columns the mapping reads, when they hold a second
    ticket and score (a second answer needs both); else []."""
    used = _used_columns(sheet, preset)
    mapped = {field for field in _SET_FIELDS if preset.columns.get(field)}
    named = {index: fields & mapped for index, header in enumerate(sheet.columns) if index not in used
             and (fields := autodetect.named_fields([header])) & mapped and autodetect.column_texts(sheet, index, 1)}
    return sorted(named) if {"ticket_id", "score"} <= set().union(*named.values()) else []


def _note_date(sheet: parsing.Sheet, preset: mapping.Preset) -> set[int]:
    """When no column is the date, name the columns whose header is a date's ("Rated at") but whose values were
    not read as dates, with a few of them (QA round 37a: only "no column is mapped" was said); returns their
    indexes (no comment, then)."""
    def why(texts: list[str]) -> str:
        # "Oct 3", "10/3": a team sheet's (QA round 44b); not a Time column's "2:30 PM" (QA round 77b)
        if texts and all(timesofday.time_of_day(text) is not None for text in texts):
            return ("are times of day, without a date: they give the time of a Date column beside them whose dates "
                    "have their year (2026-10-03).")
        if texts and all(re.search(r"\d", text) and not _A_YEAR.search(text) for text in texts):
            return ("have no year, so they could be any year's dates. Add the year to each (2026-10-03 14:48:00) "
                    "and upload again.")
        return ("are not dates the reader knows. Choose it as submitted_at on the mapping page to see each row's "
                "reason, or write the dates as 2026-10-05 14:48:00 (with the offset, +02:00, if the time has one) and "
                "upload again.")
    return _note_unread(sheet, preset, "submitted_at", "date", why)


def _note_ticket_times(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """When no column is the date, name the columns of the ticket's own times that hold dates ("Ticket solved -
    Timestamp", "Closed at", "Ticket created"): never read as the answer's time, and until now never named
    (QA round 60c: a Zendesk Explore report whose only date was the solve time)."""
    if preset.columns.get("submitted_at") or preset.splits_into("submitted_at"):
        return
    used = _used_columns(sheet, preset)
    for index, header in enumerate(sheet.columns):
        if index not in used and (TICKET_LIFE.search(normalize(header)) or TICKET_TIME.search(normalize(header))) and (
                texts := autodetect.column_texts(sheet, index, 50)) and autodetect.share(texts, dates.date_like) >= 0.6:
            sheet.notices.append(
                f"'{header}' holds the ticket's own times ({_shown(sheet, index)}), not when the customer answered the "
                "survey, so it is not read as submitted_at. Export the time of the rating with the file; if this "
                "time is close enough for you, choose it as submitted_at on the mapping page.")


def _note_other_ticket_ids(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Name an unread column with a ticket id's usual name (EXACT) that holds a second id of every ticket
    (ticketcolumns.same_tickets): MaestroQA finds the ticket by the one id sent, and which of the two its helpdesk
    integration knows is the user's to say (QA round 66b H3: Zoho Desk's record id was sent, its ticket number never
    named). Not "Parent ticket" or "Ticket Replies" (QA round 68a)."""
    ticket = preset.columns.get("ticket_id")
    if not isinstance(ticket, str) or ticket not in sheet.columns or _second_set(sheet, preset):
        return
    position, used = sheet.columns.index(ticket), _used_columns(sheet, preset)
    for index, header in enumerate(sheet.columns):
        if index not in used and normalize(header) in EXACT["ticket_id"] \
                and ticketcolumns.same_tickets(sheet.rows, position, index):
            sheet.notices.append(
                f"'{header}' holds a second id for each ticket ({_shown(sheet, index)}) beside '{ticket}' "
                f"({_shown(sheet, position)}), which is read as ticket_id. MaestroQA finds the ticket by the id sent: "
                f"if your helpdesk's tickets are known there by '{header}', choose it as ticket_id on the mapping "
                "page.")


# A year in a date: four digits, or two after a day and a month ("3.10.26", "10/3/26")
_A_YEAR = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d{2}\b")


def _note_unread(sheet: parsing.Sheet, preset: mapping.Preset, field: str, noun: str,
                 why: str | Callable[[list[str]], str]) -> set[int]:
    """When no column is `field`, a notice for each column named like it whose values were not read as it (`why`,
    with the way out, or a function of the column's values giving it), and their indexes."""
    if preset.columns.get(field) or preset.splits_into(field):
        return set()
    named = _named_unread(sheet, preset, field)
    for index in named:
        reason = why if isinstance(why, str) else why(autodetect.column_texts(sheet, index, 50))
        sheet.notices.append(f"No column was read as the {noun}: '{sheet.columns[index]}' is named like one, but its "
                             f"values ({_shown(sheet, index)}) {reason}")
    return set(named)


def _named_unread(sheet: parsing.Sheet, preset: mapping.Preset, field: str) -> list[int]:
    """The columns no field uses whose header is one of `field`'s usual names."""
    used = _used_columns(sheet, preset)
    return [index for index, header in enumerate(sheet.columns)
            if index not in used and field in autodetect.named_fields([header])]


def _shown(sheet: parsing.Sheet, index: int) -> str:
    """A few distinct values of a column, quoted, for a notice ("blanks only" for none)."""
    values = list(dict.fromkeys(autodetect.column_texts(sheet, index, 50)))[:3]
    return ", ".join(f"'{text}'" for text in values) or "blanks only"


def _note_aggregates(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Name the columns that total a field over the rows a report grouped ("Sum of Ticket ID": Power BI sums a
    number column unless told not to): none is read (headernames.AGGREGATE), and the way out is the report's."""
    used = _used_columns(sheet, preset)
    for index, header in enumerate(sheet.columns):
        found = (re.match(AGGREGATE, normalize(header)) or re.match(AGGREGATE_CALL, header, re.IGNORECASE)
                 if index not in used else None)
        if found and (fields := autodetect.named_fields([found["field"]]) & {"ticket_id", "agent_id", "score"}):
            sheet.notices.append(
                f"Column '{header}' is a total over the rows a report grouped together, not one answer's "
                f"{sorted(fields)[0]}: it is not read. In the report, set the field to \"Don't summarize\" (Power BI) "
                "or show it as a row instead of a value, and export again.")


# A column giving each row's time zone or UTC offset ("Time Zone": America/Los_Angeles, "UTC offset": -07:00)
_ZONE_COLUMN = re.compile(r"\b(time ?zone|timezone|tz|utc offset|gmt offset|offset|zeitzone|fuseau horaire|"
                          r"zona horaria|fuso orario)\b")


def _note_zone_column(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """When a column the mapping leaves out gives each row's time zone or offset, say it is not applied:
    every naive date is read in the one zone the decisions name (QA round 34b: rows of several zones were
    read in one without a word)."""
    used = _used_columns(sheet, preset)
    for index, header in enumerate(sheet.columns):
        if index in used or not _ZONE_COLUMN.search(normalize(header)):
            continue
        values = autodetect.column_texts(sheet, index, 50)
        zoned = [value for value in values if zones.names_a_zone(value)]
        if values and len(zoned) >= 0.6 * len(values):
            shown = ", ".join(list(dict.fromkeys(zoned))[:3])
            sheet.notices.append(
                f"Column '{header}' gives each row's time zone ({shown}), which is not applied: every date without "
                "its own offset is read in the one time zone the decisions name. If the rows' zones differ, write "
                "each time with its offset (2026-10-05 14:48 -07:00) or convert them to one zone before uploading.")


@lru_cache(maxsize=1)
def _builtin_patterns() -> dict[str, ClarifyingPattern]:
    """Built-in preset name -> its clarifying pattern, read once (a resolved preset keeps its groups only)."""
    return {preset.name: preset.clarifying_pattern for preset in mapping.builtin_presets()
            if preset.clarifying_pattern is not None}


def _note_text_questions(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Name the numbered follow-up questions the mapping leaves out (answered in sentences: no clarifying
    answer, which needs a score: questiongroups.pattern_groups), unless a notice above names them already."""
    pattern = preset.clarifying_pattern or _builtin_patterns().get(preset.name)  # resolved: groups only
    if pattern is None:
        return
    header_rx, used = re.compile(pattern.header, re.I), _used_columns(sheet, preset)
    named = [header for index, header in enumerate(sheet.columns)
             if index not in used and (match := header_rx.match(header.strip())) and match["key"] not in
             pattern.skip_keys and autodetect.column_texts(sheet, index, 1)
             and not any(f"'{header}'" in notice for notice in sheet.notices)]
    if named:
        listed = ", ".join(f"'{header}'" for header in named)
        sheet.notices.append(
            f"{listed} {'answers a follow-up question' if len(named) == 1 else 'answer follow-up questions'} in "
            "words: a clarifying answer needs a score, so these answers are not sent. To send them, choose the "
            "column as comment on the mapping page.")


# A survey tool's question column: Qualtrics' Q2, Q2_1, QID7 (shared/formats/EXPORT-FORMATS.md section 2), a
# Google Forms grid's "Rate the agent [Knowledge]", Freshdesk's ratings.question_43000012345 (QA round 51c)
_QUESTION_ID = re.compile(r"^(?:Q|QID)\d+(?:_\d+)?$|\[[^\]]+\]$|^(?:ratings\.)?question_\d+$", re.IGNORECASE)
# Freshdesk's rating codes (EXPORT-FORMATS.md section 6): answers of its other questions, not ids
_FRESHDESK_CODES = frozenset({103, 102, 101, 100, -101, -102, -103})
_LISTED = 5  # question columns named in the notice


def _note_rated_questions(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Name the question columns the mapping leaves out (a question id such as Qualtrics' Q2, or a header
    asking a question) whose answers are mostly whole numbers, none above 10: answers to other questions,
    not sent, as a survey's numeric recodes say nothing of their scale (Qualtrics' "Yes" may be 1 and
    "No" 2); "What is your order number?" answers with ids, no rating (QA round 29a)."""
    headers = Headers.of(sheet)
    used = _used_columns(sheet, preset) | set(scorequestions.score_grid(headers, preset))  # named by grid_notice
    named: dict[str, list[str]] = {"numbers": [], "words": []}
    for index, header in enumerate(sheet.columns):
        label = headers.labels[index].strip() if index < len(headers.labels) else ""
        if index in used or not (_QUESTION_ID.search(header.strip()) or header.strip().endswith("?")) or any(
                f"'{header}'" in notice for notice in sheet.notices):
            continue
        texts = autodetect.column_texts(sheet, index, 50)
        numbers = [int(found[1]) for text in texts if (found := scorecells.INTEGER.match(text))]
        words = [text for text in texts if cells.answer_key(text) in wordscales.SCALE_WORDS]
        kind = ("numbers" if texts and len(numbers) >= 0.8 * len(texts) and (
                    max(numbers) <= 10 or set(numbers) <= _FRESHDESK_CODES) else
                "words" if texts and len(words) >= 0.8 * len(texts) and "score" in preset.columns
                else None)  # QA round 41b: Yes/No, Very easy; with no score read, it may be the score's question
        if kind:
            named[kind].append(f"'{header}' ({label})" if label and label != header.strip() else f"'{header}'")
    for kind, found in named.items():
        if not found:
            continue
        listed = ", ".join(found[:_LISTED]) + (f" and {len(found) - _LISTED} more" if len(found) > _LISTED else "")
        why = ("with numbers, not sent: clarifying answers are sent for the questions a preset names, each with its "
               "scale (a numeric export's recodes are the survey author's)" if kind == "numbers"
               else "in words (a rating, yes or no), not sent as clarifying answers")  # QA round 60c: label 1..7
        sheet.notices.append(
            f"{listed} {'answers another question' if len(found) == 1 else 'answer other questions'} {why}. To "
            "send them, add them as clarifying questions to a preset (README: Preset JSON) and import it on the "
            "mapping page.")


def _used_columns(sheet: parsing.Sheet, preset: mapping.Preset) -> set[int]:
    """Indexes of the columns the mapping reads: its fields', its split rules' and its clarifying groups'."""
    used = {sheet.columns.index(column) for column in preset.columns.values()
            if isinstance(column, str) and column in sheet.columns}
    used.update(sheet.columns.index(split.column) for split in preset.splits if split.column in sheet.columns)
    headers = Headers.of(sheet)
    for group in preset.clarifying:
        used.update(position for spec in (group.score, group.comment, group.score_label)
                    if spec and (position := headers.find(spec)) is not None)
    return used


def _note_agent(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """When no column is the agent, name the columns of email addresses the mapping leaves unread (QA round 51a:
    "Who handled it (email)" was not recognised, and every row said only that no agent column was mapped). Not
    mapped by their values alone: a form's "Email Address" is the customer's. Not named either (QA round 52a): that
    column of Google Forms', or one whose header says whose it is ("Customer email": NOT_FOR)."""
    if any(preset.columns.get(name) or preset.splits_into(name) for name in ("agent_id", "agent_email")):
        return
    used = _used_columns(sheet, preset)
    found = [header for index, header in enumerate(sheet.columns)
             if index not in used and normalize(header) != "email address"
             and not re.search(NOT_FOR["agent_email"], normalize(header))
             and _addresses(autodetect.column_texts(sheet, index, 50))]
    if found:
        sheet.notices.append(
            f"No column was recognised as the agent, and {', '.join(map(repr, found))} hold"
            f"{'s' if len(found) == 1 else ''} email addresses: if one is the agent's, choose it as agent_email on the "
            "mapping page (until then every row is invalid).")


def _addresses(texts: list[str]) -> bool:
    """True for a column's texts of which four in five or more are email addresses."""
    return bool(texts) and sum(not cells.clean_email(text).issue for text in texts) >= 0.8 * len(texts)


def _note_score(sheet: parsing.Sheet, preset: mapping.Preset) -> set[int]:
    """When no column is the score, name the columns whose header is a score's ("CSAT", "Rating") but
    whose values were not read as scores ("80%"), with a few of them and the way out; returns
    their indexes (no comment, then)."""
    return _note_unread(sheet, preset, "score", "score", (
        "are not whole numbers or rating words. Choose it as score on the mapping page with a preset whose value "
        "map gives each of them a number, or type the scores in the file."))


def _note_other_comments(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """When another column besides the comment is named like one ("Comment 2") and holds free text
    (autodetect.text_answer_columns: no flag, channel or rating), name them all: the API takes one
    comment column, so the others' text is not sent. Worded for any later choice of the comment column
    (the notice is made when the file is read)."""
    texts = set(autodetect.text_answer_columns(sheet, _used_columns(sheet, preset)))
    named = [header for header in sheet.columns if header in texts and "comment" in autodetect.named_fields([header])]
    if named and preset.columns["comment"] not in named:
        named.insert(0, preset.columns["comment"])
    if len(named) > 1:
        listed = ", ".join(f"'{header}'" for header in named)
        sheet.notices.append(
            f"{listed} all hold comments: the API takes one comment column (chosen on the mapping page), so the "
            "text of the others is not sent. To send it, join it into one column in the file.")


def _note_comment(sheet: parsing.Sheet, preset: mapping.Preset, score_like: set[int]) -> None:
    """When no column is the comment, name the columns that hold free text (a question the preset
    did not recognise, "Any other thoughts?"), so that no customer text is left out unsaid;
    `score_like` columns (named like the score) are none."""
    if preset.comment_rows:
        return
    if preset.columns.get("comment"):
        _note_other_comments(sheet, preset)
        return
    used = _used_columns(sheet, preset) | score_like
    found = autodetect.text_answer_columns(sheet, used)
    found += [sheet.columns[index] for index in _named_unread(sheet, preset, "score")  # Italian "Note" (QA 63b)
              if index not in used and sheet.columns[index] not in found
              and normalize(sheet.columns[index]) in EXACT["score"]  # not "Satisfaction Level Status" (Kustomer)
              and _free_text(autodetect.column_texts(sheet, index, 50))]
    if found:
        named = ", ".join(f"'{header}'" for header in found)
        sheet.notices.append(
            f"No column was recognised as the customer's comment, and {named} "
            f"hold{'s' if len(found) == 1 else ''} text answers: if one is the comment, choose it as comment on "
            "the mapping page (until then no comment is sent).")


def _free_text(texts: list[str]) -> bool:
    """True when most of `texts` are words that are no score, date or status: no number, written score, rating
    word or date, and half of them or more differ (an Italian "Note" column of remarks, named like a French or
    German score; not Kustomer's satisfactionLevel.status "rated")."""
    return bool(texts) and len(set(texts)) >= 0.5 * len(texts) and autodetect.share(texts, lambda text: any(
        map(str.isalpha, text)) and scorecells.parse_int(text) is None and not scorecells.written_score(text)
        and cells.answer_key(text) not in wordscales.SCALE_WORDS and not dates.date_like(text)) >= 0.6


def undo_defused_formulas(sheet: parsing.Sheet) -> None:
    """A text file's cells that start with an apostrophe before = + - @ TAB or CR (how our error
    reports, and other tools' exports, keep a spreadsheet from running a cell as a formula) are read
    without it, as a report of ours is (shared/cases B16: the API gets the original text; the report's
    own columns were deleted), with a notice. A cell that also ends with an apostrophe is a quotation
    ("'@Ana was great'") and stays as written."""
    count = 0
    for row in sheet.rows:
        for index, text in enumerate(row):
            if text[:1] == "'" and text[-1:] != "'" and (plain := reports.unneutralise(text)) != text:
                row[index], count = plain, count + 1
    if count:
        sheet.notices.append(
            f"{count:,} cell(s) began with an apostrophe before = + - @ or a tab, which exports add so that a "
            "spreadsheet does not run the cell as a formula: read without it (\u201c'=1+1\u201d as \u201c=1+1\u201d).")
