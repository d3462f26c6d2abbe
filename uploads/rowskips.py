"""Which rows are no answers, and why: skipped, never sent, never errors.

A preset's skip rules and skip values (Qualtrics' Survey Preview, Zendesk's Offered: the
preset file), a summary line ending a hand-made sheet ("Average", "Total responses: 12"), a row
repeating the header (two exports joined) and a database client's line of dashes. Each reason is a
sentence the upload's table and the CLI show beside the row ("Status=Survey Preview (...): ...").
"""

from __future__ import annotations

import re

from uploads import cells
from uploads.cells import shortened
from uploads.plan import Plan, Raw, rule_key

# A hand-made sheet's summary line under its answers ("Average", "Total responses:", "Summe"): no answer.
# A summary word ("Average satisfaction", "Moyenne des notes"); in a column of the answers' ticket, agent or
# comment, or on a row naming a ticket or an agent, only alone or followed by ':', '(', '.', '-' or a
# number, or by what it counts ("Total responses"), so that an answer's "Total waste of time", ticket
# "SUM-1042" or team "Average Joe's Gym" is none.
SUMMARY_WORD = re.compile(r"(grand\s+)?(totals?|sub-?totals?|average|avg|mean|sum|summe|gesamt|durchschnitt|mittelwert|"
                          r"moyenne|promedio|totale|media|média|gemiddelde?|totaal|count|record\s+count|responses|"
                          r"number of responses|anzahl|nombre de réponses|zwischensumme|gesamtsumme|gesamtergebnis|"
                          r"teilergebnis|sous-total|total\s+g[ée]n[ée]ral|totale\s+complessivo|eindtotaal|suma\s+total|"
                          # Polish, Nordic, Finnish, Czech, Turkish, Hungarian, Japanese, Chinese (QA round 60a)
                          r"średnia|suma|razem|łącznie|ogółem|genomsnitt|gennemsnit|gjennomsnitt|summa|totalt|i\s+alt|medelvärde|"
                          r"keskiarvo|yhteensä|průměr|celkem|součet|ortalama|toplam|átlag|összesen|"
                          r"平均|合計|小計|総計|总计|合计|"
                          # a share of the answers: "% satisfied (4-5)", "CSAT %", "Satisfaction rate" (QA round 44b)
                          r"%\s*[^\W\d_]+|csat\s*%|(?:satisfaction|response|csat)\s+rate|"
                          r"overall(?=\s+(?:csat|satisfaction|score|rating|nps))|"  # "Overall CSAT" (QA round 45a)
                          r"(?:max(?:imum)?|min(?:imum)?|median)(?=\s*:))(?:\b|(?<=%))",
                          re.IGNORECASE)  # Max:, Min:, Median: (Salesforce's summaries) only with their colon
SUMMARY_ROW = re.compile(SUMMARY_WORD.pattern + r"(\s*$|\s*[:(=]|\.(\s|$)|\s+[-–]|\s+\d|\s+((of|de|di|des|du|der|"
                         r"das|do|da|dei)\s+)?(responses?|ratings?|answers?|scores?|csat|count|records?|rows?|tickets?|"
                         # what other languages count or average ("Total réponses", "Média geral": QA round 63b)
                         r"surveys?|réponses|risposte|respostas|respuestas|antworten|bewertungen|évaluations|"
                         r"valutazioni|avaliações|avaliacoes|notas|notes|pontos|points|punti|puntos|geral|général|"
                         r"generale|general|svar|betyg|odpowiedzi|ocen)\b|"
                         # the period it sums: "Zwischensumme KW 41", "Subtotal week 41" (QA round 48a)
                         r"\s+(for|für|pour|para|per|kw|cw|week|wk|woche|semaine|semana|settimana|month|monat|mois|"
                         r"mes|quarter|quartal|q[1-4])\b)", re.IGNORECASE)
# A summary named after what it sums, alone in its cell: "Team average", "Ana Lee average", "Overall total:",
# "Team average (n=15)", "Week 41 average" (QA round 45a)
_NAMED_SUMMARY = re.compile(r"[^\W\d][\w .'-]{0,40}\s(?:average|avg|mean|median|total)\s*:?(?:\s*\([^()]{0,20}\))?",
                            re.IGNORECASE)

# Excel's Data > Subtotal line: the group's value and the function it applied, capitalised as Excel writes it
# ("ana@acme.com Average", "48213 Count", "Ana Ergebnis"), in the grouped column of a line with no ticket, under a
# row holding that value (QA round 64b); a comment's "Below average" is none, nor an agent "Jiwoo Min" (QA 66a)
GROUP_ROWS = 5  # rows above an Excel subtotal line searched for its group's value
_EXCEL_SUBTOTAL = re.compile(r"(?P<group>\S.{0,80}?)\s(?:Total|Average|Count|Numbers? Count|Max|Min|Sum|Product|"
                             r"StdDevp?|Varp?|Ergebnis|Mittelwert|Anzahl|Summe|Moyenne|Nombre|Somme|Promedio|Cuenta|"
                             r"Suma)")


def summary_label(text: str) -> bool:
    """True for a cell that names a summary line ("Average", "CSAT %", "Team average"): never an answer's date or
    agent, so a short sheet's footer does not hide its date or agent column (autodetect; QA rounds 44a, 45a)."""
    return bool(SUMMARY_ROW.match(text) or _NAMED_SUMMARY.fullmatch(text.strip()))


def _excel_subtotal(text: str, previous: list[str] | None) -> bool:
    """True for Excel's subtotal label (_EXCEL_SUBTOTAL) whose group value one of the `previous` cells holds (the
    rows above: _above; None: the row is known to be a summary line already, plan.summary_rows)."""
    found = _EXCEL_SUBTOTAL.fullmatch(text.strip())
    return bool(found) and (previous is None or found["group"].strip() in {cell.strip() for cell in previous})
_SUMMARY_VALUE = re.compile(r"\d+(?:[.,]\d+)?\s*%?")
_ANSWER_FIELDS = frozenset({"ticket_id", "agent_id", "agent_email", "comment", "score_label"})
_IDENTITY = ("ticket_id", "agent_id", "agent_email", "submitted_at")  # what no totals line has
# A first column whose lone cell makes a row an unfinished answer, not a label (_label_line)
_UNFINISHED = frozenset({"agent_id", "agent_email", "comment", "score_label", "score"})


def skip_reason(cells: list[str], raw: dict[str, Raw], number: int, plan: Plan) -> str | None:
    """Why row `number` (its `cells`, padded; `raw`: plan.extract of them) is no answer, or None for
    an answer: a summary line (only among plan.summary_rows), a skip rule or value, a repeated header,
    a line of dashes or a survey sent and not answered; a long export's comment row says where its answer goes
    (_gathered_note)."""
    reason = ((summary_line(cells, raw) if number in plan.summary_rows else None) or _rule_reason(cells, raw, plan)
              or _repeated_header(cells, plan.columns) or _format_hints(raw)  # a Totals line's blank score: QA 60c
              or _unanswered(cells, raw, plan))
    if reason and plan.gather:
        reason += _gathered_note(cells, number, plan)
    return reason


def _unanswered(cells: list[str], raw: dict[str, Raw], plan: Plan) -> str | None:
    """A survey sent and never answered: its send time given (plan.sent_at, "Survey Sent At"), and neither a score
    nor an answer time (QA round 66b W7: such a Gladly row was an error for the user to fix)."""
    if plan.sent_at is None or not cells[plan.sent_at].strip() or any(
            (source := raw.get(key)) is not None and source.text.strip() for key in ("score", "submitted_at")):
        return None
    return (f"'{plan.columns[plan.sent_at]}' is filled but the score and the answer time are blank: a survey sent "
            "and not answered")


_GATHERED_NOTES = {
    "sent": "; its answer is sent as the comment of this response's rated row",
    "own": "; its answer is not sent: this response's rated row has a comment of its own (copy this text there if "
           "it belongs in the item)",
    "unrated": "; this response has no rated row, so its comment is not sent (an item needs a score)",
}


def _gathered_note(cells: list[str], number: int, plan: Plan) -> str:
    """What happens to a skipped comment row's answer in a long export (preset comment_rows)."""
    _text, numbers, fate = plan.gathered.get(cells[plan.gather[0]].strip(), ("", [], ""))
    return _GATHERED_NOTES[fate] if number in numbers else ""


def _rule_reason(cells: list[str], raw: dict[str, Raw], plan: Plan) -> str | None:
    if found := plan.skip_rule_for(cells):
        rule, text = found
        label = rule.values[rule_key(text)]
        shown = f"{rule.column}={text}" + (f" ({label})" if label else "")
        return f"{shown}: {rule.reason}"
    for key, position, values in plan.skip_columns:
        source = raw.get(key) if position is None else Raw(cells[position], key)
        text = source.text.strip() if source is not None else None
        if text in _BLANK_MARKERS and "" in values:  # a data tool's blank: pandas' nan, JSON's null (QA round 61c)
            return f"{source.column or key} is blank ('{text}', a data tool's empty cell): {values['']}"
        if text is not None and text.casefold() in values:
            shown = f"{source.column or key} '{text}'" if text else f"{source.column or key} is blank"
            return f"{shown}: {values[text.casefold()]}"
    return None


_BLANK_MARKERS = cells.PANDAS_BLANKS | cells.SCRIPT_BLANKS


# sqlcmd's and psql's line under the header: "---------", "----+----" (three dashes in a row, checked apart: a
# pattern holding both took cubic time on a cell of 3,000 dashes, review 29c)
_RULE = re.compile(r"[-=+|: ]+")


# A date format spelt out where a date belongs: "dd/mm/yyyy hh:mm", "MM/DD/YY", "TT.MM.JJJJ", "yyyy-mm-dd hh:mm:ss"
# (also "dd-mmm-yyyy", "yyyy-mm-ddThh:mm:ssZ", Dutch "dd-mm-jjjj uu:mm": QA round 45a)
_DATE_PART = r"(?:dd?|m{1,4}|yy(?:yy)?|jj(?:jj)?|tt|aaaa)"
_FORMAT_HINT = re.compile(rf"{_DATE_PART}(?:[./-]{_DATE_PART}){{2}}(?:[ T](?:hh?|uu)(?::mm(?::ss)?)?"
                          r"(?:\s*(?:am/pm|tt)|z)?)?", re.IGNORECASE)


_EXAMPLE = re.compile(r"(?:e\.?g\.?|z\.\s?b\.|ex\.?|p\.\s?ex\.|bspw?\.?|like)[\s:]", re.IGNORECASE)


def _format_hints(raw: dict[str, Raw]) -> str | None:
    """The skip reason of a row of hints under a team sheet's header ("dd/mm/yyyy hh:mm", "email", "1-5": QA round
    44b): its date cell spells a date format and its ticket cell holds no digit but an example's ("e.g. 48213")."""
    stamp, ticket = raw.get("submitted_at"), raw.get("ticket_id")
    if stamp is None or not _FORMAT_HINT.fullmatch(stamp.text.strip()):
        return None
    if ticket is not None and any(char.isdigit() for char in ticket.text) and not _EXAMPLE.match(ticket.text.strip()):
        return None
    return (f"'{stamp.text.strip()}' under '{stamp.column}' spells the column's format: a row of hints under the "
            "header, not an answer")


def _repeated_header(cells: list[str], columns: list[str]) -> str | None:
    """The skip reason of a row that repeats the header (two exports pasted into one file, QA round
    24d): three or more filled cells, each its column's header (any case, a byte order mark aside);
    or of the line of dashes a database client prints under the header (QA round 25c)."""
    filled = [(text.strip().lstrip("\ufeff").casefold(), header.strip().casefold())
              for text, header in zip(cells, columns, strict=False) if text.strip()]
    if len(filled) >= 3 and all(text == header for text, header in filled):
        return "repeats the header row (two exports joined into one file?), not an answer"
    if filled and all("---" in text and _RULE.fullmatch(text) for text, _header in filled):
        return "a line of dashes under the header (a database client's output), not an answer"
    return None


def summary_line(cells: list[str], raw: dict[str, Raw], previous: list[str] | None = None) -> str | None:
    """The skip reason of a summary line: its first filled cell is a word like "Average" or "Total
    responses: 12" (SUMMARY_ROW), or its only cell is a note in the first column ("Notes: exported by
    Jo"), and its date cell is blank, that text or another summary ("Record Count: 3"), as no answer's
    is; or it holds numbers only, one outside every mapped column, and no ticket, agent or date (Looker's totals:
    ",,,,12", ",,8,,2"). Such
    lines end a file (summary_rows); among the answers only _subtotal_line's are."""
    filled = [text.strip() for text in cells if text.strip()]
    stamp = raw.get("submitted_at")
    if stamp is not None and stamp.text.strip() not in ("", filled[0]) and not SUMMARY_ROW.match(stamp.text.strip()):
        return None
    read_at = {source.position for source in raw.values() if source.position is not None}
    if (read_at and all(map(_SUMMARY_VALUE.fullmatch, filled)) and not any(
            raw[name].text.strip() for name in _IDENTITY if name in raw) and any(
            text.strip() for position, text in enumerate(cells) if position not in read_at)):
        return (f"a line of numbers only ('{shortened(', '.join(filled), 80)}'), with no ticket, agent or date: a "
                "totals line under the answers (a BI tool's count or sum), not an answer")  # Looker (QA 57a, 57d)
    at = next(position for position, text in enumerate(cells) if text.strip())
    answers = {source.position for name, source in raw.items() if name in _ANSWER_FIELDS}
    named = any(raw[name].text.strip() for name in ("ticket_id", "agent_id", "agent_email") if name in raw)
    if (SUMMARY_WORD if at not in answers and not named else SUMMARY_ROW).match(filled[0]):
        return f"'{shortened(filled[0], 80)}' starts a summary line under the answers, not an answer"
    ticket = raw.get("ticket_id")
    if (_NAMED_SUMMARY.fullmatch(filled[0]) and (ticket is None or ticket.text.strip() in ("", filled[0]))
            and any(_SUMMARY_VALUE.fullmatch(text) for text in filled[1:])):  # "Team average | 3.8" (QA round 44b)
        return f"'{shortened(filled[0], 80)}' starts a summary line under the answers, not an answer"
    comment = raw.get("comment")
    if (_excel_subtotal(filled[0], previous) and ticket is not None and ticket.text.strip() in ("", filled[0])
            and not (comment is not None and comment.text.strip())  # a comment "Below average"
            and all(_SUMMARY_VALUE.fullmatch(text) for text in filled[1:])):  # a value may be an error read blank
        return f"'{shortened(filled[0], 80)}' is a subtotal line (Excel's Data > Subtotal), not an answer"
    if (len(filled) == 1 and cells[0].strip() and sum(char.isalpha() for char in filled[0]) >= 3
            and not any(name in _UNFINISHED and source.position == 0 for name, source in raw.items())
            and not (len(filled[0].split()) > 1 and _capitalised_words(filled[0]))):
        return f"'{shortened(filled[0], 80)}' is a note or a label beside the answers, not an answer"
    return None


def summary_rows(plan: Plan, sheet) -> set[int]:
    """The row numbers of the summary lines ending the file ("Average", "Total: 12": summary_line),
    read from the last row up to the first that is none, and of the subtotal lines among the answers
    (a grouped report's "Sum:", "Subtotal": _subtotal_line); a row like one higher up that is neither
    is an answer whose date is missing ("Total waste of time" as its comment), not a summary line."""
    found, rows = set(), sheet.rows
    for index in range(len(rows) - 1, -1, -1):
        if any(text.strip() for text in rows[index]):
            if summary_line(rows[index], plan.extract(rows[index]), _above(rows, index)) is None:
                break
            found.add(sheet.row_numbers[index])
    ticket_at = plan.index.get("ticket_id")  # a row with a ticket id is no subtotal: most rows, not extracted
    first = next((name for name, at in plan.index.items() if at == 0), None)
    found.update(number for index, (number, row) in enumerate(zip(sheet.row_numbers, rows, strict=True))
                 if number not in found and ((len(row) < 2 or not row[1].strip()) and _label_line(row, first) or (
                     (ticket_at is None or ticket_at >= len(row) or _no_ticket(row[ticket_at])
                      # "48213 Count"; the space first, as most rows' ticket has none (bench/parse.py)
                      or " " in row[ticket_at] and _excel_subtotal(row[ticket_at], _above(rows, index)))
                     and _subtotal_line(row, plan.extract(row), _above(rows, index)))))
    return found


def _above(rows: list[list[str]], index: int) -> list[str]:
    """The cells of the GROUP_ROWS rows above row `index`: where Excel's subtotal finds its group's value (a group's
    last row may have lost it to a failed lookup, #N/A)."""
    return [cell for row in rows[max(0, index - GROUP_ROWS):index] for cell in row]


def _label_line(cells: list[str], first: str | None) -> bool:
    """True for a hand-kept tracker's label among its answers: one filled cell, the first, of three letters or
    more ("Last week", "Week of 5 Oct": a group's title; QA rounds 37a, 37c, 39a), unless the first column is an
    answer's agent, score or comment (an unfinished row: its errors say what is missing) or its ticket id read as
    one word (an id, or a typo for one). summary_line gives its reason."""
    text = cells[0].strip() if cells else ""
    if not text or any(cell.strip() for cell in cells[1:]) or sum(char.isalpha() for char in text) < 3:
        return False
    return first not in _UNFINISHED and (first != "ticket_id" or " " in text) and not _capitalised_words(text)


def _capitalised_words(text: str) -> bool:
    """True for words each capitalised and no digit, "Tom Baker": an agent's name starting an unfinished row, not a
    label ("Last week", "Week of 5 Oct"; QA round 39a)."""
    return not any(char.isdigit() for char in text) and all(word[:1].isupper() for word in text.split())


def _no_ticket(text: str) -> bool:
    """True for a ticket cell that is blank or a summary word ("Max:"), the only ones on a subtotal line; a
    ticket id's first character is a digit or the like, so most cells need no pattern (bench/parse.py)."""
    text = text.strip()
    return not text or text[0].isalpha() and summary_label(text)  # "Week 41 average" (QA round 46a)


def _subtotal_line(cells: list[str], raw: dict[str, Raw], previous: list[str]) -> bool:
    """True for a grouped report's subtotal line among the answers (Salesforce's "Sum:" and "Average:"
    under each group, "Subtotal | Record Count: 3", German "Zwischensumme": QA rounds 28a, 29a, 31a):
    no ticket id, comment or agent but the summary word itself, its first filled cell a summary word
    as SUMMARY_ROW reads one, and its date cell blank or another summary (summary_line). An answer
    whose queue is "Media" (Italian for average) names an agent or has a comment: an invalid row."""
    ticket, comment = raw.get("ticket_id"), raw.get("comment")
    filled = [text.strip() for text in cells if text.strip()]
    if ticket is None or not filled or (comment is not None and comment.text.strip()):
        return False
    if any(raw[name].text.strip() not in ("", filled[0]) and not SUMMARY_ROW.match(raw[name].text.strip())
           for name in ("ticket_id", "agent_id", "agent_email") if name in raw):
        return False  # the word, or another ("Record Count: 3": QA round 44a), may stand in the ticket's column
    return ((summary_label(filled[0]) or _excel_subtotal(filled[0], previous))  # also "Week 41 average" (QA 45a)
            and summary_line(cells, raw, previous) is not None)
