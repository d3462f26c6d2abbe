"""One row of text cells -> one API item (or errors), under a resolved preset.

The item has the keys of shared/api/CONTRACT.md "Request body", in its order:
submitted_at, ticket_id, agent_id, agent_email, score, comment, score_label,
min_score, max_score, clarifying_answers. Empty optional fields are left out;
min_score/max_score are always sent (the vendor recommends it). Every Problem
message names the row (spreadsheet numbering), the column, the value and the
fix: "Row 40, column 'score': 6 is above max_score 5. Enter a whole number from 1 to 5."
"""

from __future__ import annotations

import re

from uploads import cells as rules
from uploads import clarifyinganswers, dateorder, dates, idcells, rowskips, scales, scorecells, timesofday
from uploads.cells import Cleaned, Issue
from uploads.plan import DEFAULT_BOUNDS, Plan, Raw, rule_key
from uploads.preset_format import EXACT_FIELDS, FIELDS, render
from uploads.rowresults import Problem, RowResult, message

_DIGIT_RUN = re.compile(r"\d+")
ROW_JOIN = "\x1f"  # joins a row's cells for a whole-row reader note (Plan.notes key (number, None))
# An agent id a spreadsheet damaged (idcells.clean_id's issue code -> what happened): dropped when the row's
# email is valid
_DAMAGED_ID = {"excel_digits": "lost its digits in Excel (scientific notation)",
               "grouped_digits": "is shown with thousands separators (a spreadsheet's number format)",
               "queue_id": "is a Salesforce queue's id, not an agent's"}


# An agent email's problems that leave the row to its agent_id (items.check_agent)
_DROPPED_EMAILS = ("not_email", "invisible", "lost_letter", "excel_error", "two_agents")


def check_cells(cells: list[str], number: int, plan: Plan) -> RowResult:
    """Check one row's cells (padded to the column count) under `plan`; see the module docstring."""
    cells = list(cells) + [""] * (len(plan.columns) - len(cells))
    if not any(text.strip() for text in cells):
        return RowResult(number, "skipped", skip_reason="empty row")
    raw = plan.extract(cells)
    if reason := rowskips.skip_reason(cells, raw, number, plan):
        return RowResult(number, "skipped", skip_reason=reason)
    return RowCheck(number, cells, raw, plan).run()




_BLANK_KEYS = frozenset(marker.casefold() for marker in (*rules.PANDAS_BLANKS, rules.SQL_NULL))


def clean_label(text: str, table: dict, shares_score: bool) -> Cleaned:
    """score_label from its value map; in the score's own column none for a plain number or a score
    written with its scale ("8/10", "★★★★☆", "4 stars") and the words alone of one written with them
    ("5 - Very satisfied" -> "Very satisfied"); else the text."""
    key = text.strip().casefold()
    if key in table or (key := rules.answer_key(text)) in table:
        return Cleaned(str(table[key]))
    number = scorecells.parse_int(text)
    if table and number is not None and str(number) in table:  # Freshdesk's 103 written 103.0 (parse_int)
        return Cleaned(str(table[str(number)]))
    if shares_score and (number is not None or key in _BLANK_KEYS):
        return Cleaned()  # a plain number in the score column is no label, nor a NULL the score reads blank (57d)
    if shares_score and (written := scorecells.written_score(text.strip())) is not None:
        return rules.clean_text(written[2], "score_label") if written[2] else Cleaned()
    return rules.clean_text(text, "score_label")


# Separators that ids and email addresses hold themselves: a split at one never refuses the rest (items.check_splits)
_ID_CHARACTERS = frozenset({"-", "_", "."})


class RowCheck:
    """Builds one row's item, errors and warnings, field by field."""

    def __init__(self, number: int, cells: list[str], raw: dict[str, Raw], plan: Plan):
        self.number, self.cells, self.raw, self.plan = number, cells, raw, plan
        self.values: dict[str, object] = {}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def run(self) -> RowResult:
        self.check_date()
        self.check_ticket()
        self.check_agent()
        self.check_splits()
        bounds = self.check_bounds()
        self.check_score(*bounds)
        self.check_texts()
        self.check_label_agrees(*bounds)
        answers = clarifyinganswers.check_answers(self)
        self.check_warn_rules()
        self.check_row_note()
        self.check_noted_blanks()
        if self.errors:
            return RowResult(self.number, "invalid", None, self.errors, self.warnings)
        item = {name: self.values[name] for name in FIELDS if self.values.get(name) is not None}
        if answers:
            item["clarifying_answers"] = answers
        return RowResult(self.number, "valid", item, [], self.warnings)

    def cached(self, kind: object, text: str, clean, *args) -> object:
        """`clean(text, *args)` once per (kind, text) for this plan: cleaning is pure, and agents,
        scores and labels repeat on most rows. Callers never mutate the result."""
        key = (kind, text)
        hit = self.plan.memo.get(key)
        if hit is None:
            hit = self.plan.memo[key] = clean(text, *args)
        return hit

    def source(self, name: str) -> Raw:
        return self.raw.get(name) or Raw("", None)

    def error(self, name: str, src: Raw, issue: Issue) -> None:
        """Record an error; on a blank cell the reader noted (a formula without result, a merged cell)
        the note replaces the fix, since it says why the cell is blank."""
        fix = issue.fix
        if src.position is not None and src.split is None and not self.cells[src.position].strip():
            text, note = self.plan.notes.get((self.number, src.position), (None, ""))
            fix = f"The cell {note}" if text == self.cells[src.position] else fix
        self.errors.append(Problem(name, src.column, src.text, message(self.number, src.column, issue.what, fix),
                                   issue.code))

    def warn(self, name: str, src: Raw, text: str, code: str) -> None:
        self.warnings.append(Problem(name, src.column, src.text, message(self.number, src.column, text), code))

    def take(self, name: str, src: Raw, cleaned: Cleaned, required_fix: str | None = None) -> object:
        """Record a cleaned value, its issue or warnings; a blank is an error when `required_fix` is given."""
        for note in cleaned.warnings:
            self.warn(name, src, note.text, note.code)
        if cleaned.issue:
            self.error(name, src, cleaned.issue)
        elif cleaned.value is None and required_fix is not None:
            self.error(name, src, self.missing(name, src, required_fix))
        self.values[name] = None if cleaned.issue else cleaned.value
        return self.values[name]

    def missing(self, name: str, src: Raw, fix: str) -> Issue:
        """The Issue for a blank required field: unmapped, blank split source, or blank cell."""
        if src.column is None and name not in self.plan.index and not self.plan.preset.splits_into(name):
            return Issue("required", f"{name} is required but no column is mapped to it",
                         f"Choose the {name} column on the mapping page")
        return Issue("required", f"{src.column or name} is blank: {name} is required", fix)

    def check_date(self) -> None:
        src = self.source("submitted_at")
        if not src.text.strip():
            self.take("submitted_at", src, Cleaned(), "Enter when the customer answered, e.g. 2026-10-05 14:48:00")
            return
        # Parsing is a pure function of the text under one plan (zone, now, column decision): once per value
        key = ("submitted_at", src.column, src.text)
        parsed = self.plan.memo.get(key)
        if parsed is None:
            column = src.column or "submitted_at"
            decision = self.plan.dates or dateorder.decide_column(column, [(self.number, src.text)])
            parsed = self.plan.memo[key] = dates.parse_timestamp(src.text, decision, self.plan.zone, self.plan.now)
        self.take("submitted_at", src, Cleaned(parsed.value, parsed.issue, parsed.warnings))
        if self.plan.time_at is not None:
            self.check_time_column(self.cells[self.plan.time_at].strip())

    def check_time_column(self, time: str) -> None:
        """Refuse a time column's cell (preset time_column) that holds no time of day ("noon", "25:10": QA round
        77b, sent at midnight with a warning); say when the date cell has its own time, which wins (not a date
        cell's 00:00, timesofday.midnight_date), or how a fraction of a day was read (timesofday.day_fraction)."""
        at = self.plan.time_at
        column, own = self.plan.columns[at], self.cells[self.plan.index["submitted_at"]]
        own = timesofday.midnight_date(own) or own
        src = Raw(time, column, at)
        if time and not timesofday.no_time(time) and timesofday.time_of_day(time) is None:
            self.warnings = [warning for warning in self.warnings  # refused: no "midnight assumed" (QA round 78b)
                             if not (warning.field == "submitted_at" and warning.code == "midnight")]
            self.error("submitted_at", src, Issue("not_a_time", f"'{time}' in '{column}' is no time of day",
                                                  "Write the time as 14:30 or 2:30 PM, or clear the cell to send the "
                                                  "date at midnight"))
        elif time and timesofday.day_fraction(time, fractions := self.plan.time_fractions) is not None and (
                ":" not in own and not dates.NUMBER_RE.match(own.strip()) or timesofday.is_serial_day(own)):
            self.warn("submitted_at", src, f"'{time}' in '{column}' read as "
                      f"{timesofday.joined_time(time, fractions)}, the time of day a spreadsheet stores as a fraction "
                      "of a day", "time_fraction")
        elif time and dates.NUMBER_RE.match(own.strip()) and not (
                timesofday.is_serial_day(own) and timesofday.clock_decimals(time)):
            self.warn("submitted_at", src, f"'{self.plan.columns[self.plan.index['submitted_at']]}' is a number (an "
                      f"Excel serial or a Unix time), so '{time}' in '{column}' is not used", "time_unread")
        elif time and ":" in own:
            self.warn("submitted_at", src, f"'{self.plan.columns[self.plan.index['submitted_at']]}' has a time of "
                      f"its own ('{own.strip()}'), used instead of '{time}' in '{column}'", "time_unread")

    def check_ticket(self) -> None:
        src = self.source("ticket_id")
        value = self.take("ticket_id", src, idcells.clean_id(src.text, "ticket id"), "Enter the helpdesk's ticket id")
        if isinstance(value, str):
            if value.casefold() in idcells.PLACEHOLDER_IDS:
                self.error("ticket_id", src, Issue("placeholder_id", f"'{value}' stands for a ticket id not known",
                                                   "Enter the ticket's id, or leave the row out"))
            elif self.plan.digit_ticket and not any(char.isdigit() for char in value) and len(value.split()) > 1:
                self.error("ticket_id", src, Issue(  # a note typed in the column: "see Slack thread" (QA round 44b)
                    "note_as_id", f"'{value}' is words, not a ticket id like the others in this column",
                    "Enter the ticket's id, or leave the row out"))
            elif self.plan.digit_ticket and not any(char.isdigit() for char in value):  # a typed "NA" stays (B03)
                self.warn("ticket_id", src, f"ticket id '{value}' has no digit, unlike the other ids in this column: "
                          "sent as typed, check it", "no_digit")
            elif self.plan.numeric_ticket and len(value.split()) > 1 and (found := _DIGIT_RUN.search(value)):
                digits = found[0]  # "48719 (escalated)", "dup of 48701" (QA round 45a)
                self.error("ticket_id", src, Issue(
                    "words_beside_id", f"'{value}' holds words beside the ticket id",
                    f"Enter the ticket id alone, as the helpdesk shows it (such as {digits})"))
            elif (self.plan.numeric_ticket and not idcells.is_digits(value)) or idcells.hash_number(value):
                self.warn("ticket_id", src, idcells.non_numeric_warning(value), "not_numeric")  # "#48213": QA 60b
            elif self.plan.rounded_ticket and (rounded := idcells.rounded_issue(value)):
                self.error("ticket_id", src, rounded)
            elif idcells.lost_zeros(value, self.plan.typical_ticket, self.plan.padded_ticket):
                typical = self.plan.typical_ticket
                shape = (f"shorter than {typical} digits, the length this column's ids are written with, leading "
                         "zeros included" if self.plan.padded_ticket
                         else f"much shorter than this file's other ids ({typical} digits)")
                example = (f"{value.zfill(typical)} read as {value}" if self.plan.padded_ticket
                           else "000123 read as 123")
                self.warn("ticket_id", src, f"ticket id {value} is {shape}: if a spreadsheet program dropped its "
                          f"leading zeros ({example}), enter it as the helpdesk shows it", "short_id")
            self.note_warning("ticket_id", src, value)

    def note_warning(self, name: str, src: Raw, value: str) -> None:
        """A reader note (e.g. Excel rounded a 16+ digit number) on this very cell text."""
        if src.position is None or src.split is not None:
            return
        text, note = self.plan.notes.get((self.number, src.position), (None, ""))
        if text is not None and text == self.cells[src.position]:
            long_id = idcells.long_id_warning(value)
            self.warn(name, src, long_id or note, "long_id" if long_id else "reader_note")

    def check_splits(self) -> None:
        """A split cell with more parts than its split's fields ("48303|7001234568|EMEA" for ticket_id|agent_id) is
        refused on the field that took the rest (QA round 71b: sent as agent_id "7001234568|EMEA"); an empty part
        after them ("48303|7001234568|") is none, and so is the rest of a split at a character ids and addresses
        hold (_ID_CHARACTERS: "-" in "ana-maria.lopez@acme.com")."""
        for position, split in self.plan.splits:
            if split.separator in _ID_CHARACTERS:  # " - " is checked (QA round 75a: "7001234569 - EMEA" sent)
                continue  # "48700-ana-maria.lopez@acme.com" split at "-" (QA round 72b)
            parts = self.cells[position].split(split.separator)
            last = split.fields[-1]  # the field that took the rest; an agent_id part holding an address is the email
            taken = [(name, src) for name in ((last, "agent_email") if last == "agent_id" else (last,))
                     if (src := self.raw.get(name)) and src.split is split and src.text.strip()]
            if taken and any(part.strip() for part in parts[len(split.fields):]):
                name, src = taken[-1]
                self.error(name, Raw(self.cells[position], src.column, position, split), Issue(
                    "split_parts", f"'{self.cells[position].strip()[:80]}' holds {len(parts)} parts split at "
                    f"'{split.separator}', where the mapping takes "
                    f"{len(split.fields)} ({split.separator.join(split.fields)})",
                    "Correct the cell, or leave the row out"))

    def check_agent(self) -> None:
        id_src, email_src = self.source("agent_id"), self.source("agent_email")
        cleaned_id = self.cached("agent_id", id_src.text, idcells.clean_id, "agent id")
        if (cleaned_id.issue and cleaned_id.issue.code == "excel_error" or id_src.text.strip().upper() == "#N/A") \
                and email_src.text.strip():
            self.warn("agent_id", id_src, f"agent_id {id_src.text.strip()} is no id (a spreadsheet formula's error or "
                      "a 'no answer' mark): dropped, agent_email used", "id_dropped")
            cleaned_id, id_src = Cleaned(), Raw("", id_src.column, id_src.position)
        elif cleaned_id.issue and cleaned_id.issue.code in _DAMAGED_ID and email_src.text.strip() and not (
                self.cached("agent_email", email_src.text, rules.clean_email).issue):
            # 3.81235E+12: the id's digits are gone, the row's valid email still names the agent (QA round 29b;
            # as an invalid email is dropped for a valid agent id: samples/README.md, the kitchen sink); so for
            # 3.812.345.670.011, whose digits a spreadsheet's format hides (QA round 33b)
            self.warn("agent_id", id_src, f"agent_id {id_src.text.strip()} {_DAMAGED_ID[cleaned_id.issue.code]}: "
                      "dropped, agent_email used", "id_dropped")
            cleaned_id, id_src = Cleaned(), Raw("", id_src.column, id_src.position)
        if isinstance(cleaned_id.value, str) and idcells.person_name(cleaned_id.value):
            cleaned_id, id_src = self._name_as_id(cleaned_id.value, id_src, email_src)
        if isinstance(cleaned_id.value, str) and "@" in cleaned_id.value and (
                not rules.clean_email(cleaned_id.value).issue):  # an "Agent ID" column of addresses: no id
            moved = not email_src.text.strip()
            self.warn("agent_id", id_src, f"agent id '{cleaned_id.value}' is an email address: " + (
                "sent as agent_email" if moved else "left out, the row's agent email is sent"), "id_is_email")
            email_src = id_src if moved else email_src
            id_src, cleaned_id = Raw("", id_src.column, id_src.position), Cleaned()
        agent_id = self.take("agent_id", id_src, cleaned_id)
        id_given = bool(id_src.text.strip()) and (cleaned_id.value is not None or cleaned_id.issue is not None)
        if isinstance(agent_id, str):
            self.note_warning("agent_id", id_src, agent_id)
        if email_src.text.strip().casefold() in idcells.NO_AGENT:  # a PivotTable's "(blank)" (QA round 34a)
            self.warn("agent_email", email_src, f"agent email '{email_src.text.strip()}' says no agent holds the "
                      "ticket: read as blank", "no_agent_word")
            email_src = Raw("", email_src.column, email_src.position)
        email = self.cached("agent_email", email_src.text, rules.clean_email)
        email_given = email.value is not None or email.issue is not None  # an email read as blank (\N) is none
        if email.issue and email.issue.code in _DROPPED_EMAILS and agent_id:
            reason = email.issue.what.split("address: ", 1)[-1]  # an invisible character's "contains an ..." whole
            self.warn("agent_email", email_src, f"agent_email '{email_src.text.strip()}' is invalid and was dropped; "
                      f"agent_id used (an invalid email is never sent: {reason})", "email_dropped")
            email = Cleaned()
        elif email.issue and email.issue.code in ("not_email", "lost_letter", "two_agents") and not id_given:
            issue = email.issue
            email = Cleaned(issue=Issue(issue.code, f"{issue.what}; no agent_id to fall back on", issue.fix))
        self.take("agent_email", email_src, email)
        if not id_given and not email_given:  # an id read as blank ('nan': clean_id) is none
            self.no_agent(id_src, email_src)

    def _name_as_id(self, name: str, id_src: Raw, email_src: Raw) -> tuple[Cleaned, Raw]:
        """A person's name where the helpdesk's agent id belongs ("Ana Lee"): MaestroQA credits an agent by id or
        email (shared/seed/csat-bulk-ingestion-api.txt), and takes agent_id over the email. Dropped for the row's
        valid email, with a warning; else the row's error (QA round 37c: sent as agent_id with a warning)."""
        if email_src.text.strip() and not self.cached("agent_email", email_src.text, rules.clean_email).issue:
            self.warn("agent_id", id_src, f"agent id '{name}' is a person's name, not the helpdesk's agent id: "
                      "dropped, agent_email used", "name_dropped")
            return Cleaned(), Raw("", id_src.column, id_src.position)
        mapped = "agent_email" in self.plan.index  # else none may be in the file (QA round 59a)
        return Cleaned(issue=Issue(
            "name_not_id", f"'{name}' is a person's name, not the helpdesk's agent id (MaestroQA credits an agent by "
            "its helpdesk id or email)", "Enter the agent's email or helpdesk id" + (
                "" if mapped else ", or choose a column of the agents' emails on the mapping page if the file has "
                "one"))), id_src

    def no_agent(self, id_src: Raw, email_src: Raw) -> None:
        """The row names no agent: the error goes on the agent field the mapping has."""
        fix = "Fill in the agent's id or email, or map an agent column on the mapping page"
        has_id = "agent_id" in self.plan.index or self.plan.preset.splits_into("agent_id")
        has_email = "agent_email" in self.plan.index
        # on the email's cell when the id would come from a split cell that holds the ticket (QA round 53a)
        name, src = (("agent_email", email_src) if has_email and (not has_id or id_src.split is not None)
                     else ("agent_id", id_src))
        if id_src.split is not None and not has_email:
            cell = self.cells[id_src.position].strip()
            part = "is blank: no agent id," if not cell else f"has no '{id_src.split.separator}agentid' part"
            what = f"{id_src.column} {part} and the file has no agent email column: no agent to credit"
        elif has_id != has_email:
            other = "agent email" if has_id else "agent id"
            what = f"{src.column or name} is blank and there is no {other} column: no agent to credit"
        elif has_id:
            what = "agent_id or agent_email required: agent_id and agent_email both blank, no agent to credit"
        else:
            what = "no column is mapped to agent_id or agent_email"
        self.error(name, src, Issue("no_agent", what, fix))

    def check_bounds(self) -> tuple[int, int]:
        if self.plan.fixed_bounds:
            self.values["min_score"], self.values["max_score"] = self.plan.fixed_bounds
            return self.plan.fixed_bounds
        for name in ("min_score", "max_score"):
            src = self.source(name)
            cleaned = scorecells.clean_bound(src.text, name, self.plan.preset.value_maps.get(name))
            self.take(name, src, cleaned if cleaned.issue or cleaned.value is not None
                      else Cleaned(DEFAULT_BOUNDS[name]))
        low, high = self.values["min_score"], self.values["max_score"]
        if isinstance(low, int) and isinstance(high, int) and low >= high:
            self.error("min_score", self.source("min_score"), Issue(
                "bad_range", f"min_score {low} is not below max_score {high}", "Fix the scale's range"))
            return min(low, high), max(low, high)  # the score's own message then reads "from 1 to 5"
        return (low if isinstance(low, int) else 1), (high if isinstance(high, int) else 5)

    def check_score(self, low: int, high: int) -> None:
        src = self.source("score")
        table = self.plan.score_map()
        cleaned = self.cached(("score", low, high), src.text, scorecells.clean_score, low, high, table, "score",
                              self.plan.score_words)
        issue = cleaned.issue
        if issue and issue.code == "below_min" and "(" not in issue.what and not self.source("min_score").text.strip():
            issue = Issue(issue.code, f"{issue.what} (min_score defaults to 1)", issue.fix)
            cleaned = Cleaned(issue=issue)
        worded = bool(self.plan.score_words & (table or {}).keys())  # answers in the words the map reads
        if issue and issue.code in ("above_max", "below_min") and self.plan.scale_misfit:
            advice = scales.scale_advice(*self.plan.scale_misfit[1:], worded)  # a 0..10 survey on 1..5 (QA 35b)
            cleaned = Cleaned(issue=Issue(issue.code, issue.what, f"{issue.fix}; or, {advice}"))
        if isinstance(cleaned.value, int) and self.plan.scale_held and (  # QA round 37c: 3 of a 1..10 survey as 3/5
                scorecells.parse_int(src.text) is not None  # a number: Zendesk's "Good" beside stray 5s is read (72b)
                and not (self.plan.score_words and src.text.strip().casefold() in (table or {}))):
            # so is a code the map reads among its words (Freshdesk's 1 beside Happy and a stray 5: QA round 74a);
            # among numbers alone, 4s and 5s beside the 1..3 codes show another scale (QA round 73a)
            rows, lowest, highest = self.plan.scale_misfit
            advice = scales.scale_advice(lowest, highest, worded)
            cleaned = Cleaned(issue=Issue(
                "scale_unsettled", f"{src.text.strip()} is held until the survey's scale is settled: {rows} "
                f"{'scores in this file lie' if rows > 1 else 'score in this file lies'} outside {low}..{high}, from "
                f"{lowest} to {highest}",
                f"{advice[0].upper()}{advice[1:]}; if the survey's scale is {low}..{high}, fix the scores outside it"))
        blank_key = ("blank score fix", low, high)  # no score to invent where none was given (QA round 51a)
        blank_fix = self.plan.memo.get(blank_key) or self.plan.memo.setdefault(blank_key, (
            f"{scorecells.scale_hint(low, high, table, self.plan.score_words)} if the customer gave a score, or "
            "exclude the row"))
        self.take("score", src, cleaned, blank_fix)

    def check_texts(self) -> None:
        src = self.source("comment")
        self.take("comment", src, rules.clean_text(src.text, "comment"))
        if src.gathered and self.values.get("comment"):
            rows = ", ".join(map(str, src.gathered))
            plural = "s" if len(src.gathered) > 1 else ""
            self.warn("comment", src, f"this row's own comment is blank, so the answer{plural} in row{plural} {rows} "
                      "(this response's comment question) is sent as its comment", "gathered_comment")
        self.check_label()

    def check_label(self) -> None:
        src, score_src = self.source("score_label"), self.source("score")
        table = self.plan.preset.value_maps.get("score_label") or {}
        shares_score = src.column is not None and src.position == score_src.position
        self.take("score_label", src, self.cached(("score_label", shares_score), src.text, clean_label, table,
                                                  shares_score))

    def check_label_agrees(self, low: int, high: int) -> None:
        """A score_label from its own column must say what the score says (Salesforce: NumberValue 1 beside
        ChoiceValue "Very satisfied"): scorecells.against_words, as for "1 - Very satisfied" in one cell."""
        score, label, src = self.values.get("score"), self.values.get("score_label"), self.source("score_label")
        if (isinstance(score, int) and label and src.position != self.source("score").position
                and scorecells.against_words(score, low, high, label, sides_only=True)):
            self.error("score_label", src, Issue(
                "label_against_score", f"the label '{label}' and the score {score} disagree ({score} on {low}..{high} "
                f"is not where '{label}' is on its scale)", "Correct the score or the label"))

    def check_row_note(self) -> None:
        """A reader note on the whole row (parsing.Sheet.cell_notes), while its cells are as read: a warning;
        an error when a text file's row runs on past the header (cells.SPLIT_FIX) after a last column that gives
        a ticket id, agent, score or date, which may be only part of its value ("49301, 49302" read as 49301,
        a decimal comma's "4,5" as 4: QA round 48b)."""
        text, note = self.plan.notes.get((self.number, None), (None, ""))
        if text is None or text != ROW_JOIN.join(self.cells[:len(self.plan.columns)]):
            return
        last = len(self.plan.columns) - 1
        split = next((name for name in EXACT_FIELDS if (src := self.raw.get(name)) is not None
                      and src.position == last and src.split is None), None) if note.endswith(rules.SPLIT_FIX) else None
        if split is None:
            self.warn("row", Raw("", None), note, "reader_note")
        elif not any(problem.field == split for problem in self.errors):
            what = f"may be only part of its value: {note.split('. ')[0]}"
            self.error(split, self.raw[split], Issue("split_cell", what, "Type the cell's whole value here, or put "
                                                     "it in quotes in the file and upload it again"))

    def check_noted_blanks(self) -> None:
        """A warning on each mapped cell that reads blank for a reason the reader noted (an Excel error
        value, a formula without result, a merged cell) and has no error already: its value is not lost
        without a word."""
        failed = {problem.field for problem in self.errors}
        seen = {src.position for name, src in self.raw.items() if name in failed}  # score_label's cell is score's
        for name, src in self.raw.items():
            if src.position is None or src.split is not None or src.position in seen:
                continue
            seen.add(src.position)
            cell = self.cells[src.position]
            text, note = self.plan.notes.get((self.number, src.position), (None, ""))
            if text == cell and not cell.strip():
                self.warn(name, src, f"read as blank: the cell {note}", "reader_note")

    def check_warn_rules(self) -> None:
        """A preset's warn rule on its row ("partial response (Finished=0) but Q1 answered"); when the field it
        needs is blank, the row's error says why it is (QA round 69b: "Q1 is blank (partial response, Finished=0)",
        shared/samples' expected reason)."""
        for position, rule in self.plan.warn_rules:
            text = self.cells[position].strip()
            needed = rule.if_present
            if rule_key(text) not in rule.values:
                continue
            src = Raw(self.cells[position], rule.column, position)
            field_column = self.source(needed).column if needed else ""
            if needed and self.values.get(needed) is None:
                if not self.source(needed).text.strip():
                    self.warn(needed, src, f"{field_column or needed} is blank because this is a partial response "
                              f"({rule.column}={text}): the customer never answered it; exclude the row", "rule")
                continue
            note = render(rule.message, {"column": rule.column, "value": text, "field_column": field_column or ""})
            self.warn(needed or "row", src, note, "rule")
