"""Guessing the mapping from header names, synonyms and a glance at the values.

Used by `mapping.auto_preset` (no built-in preset matched) and to fill fields a
built-in preset could not place. Rules of thumb, from
shared/formats/EXPORT-FORMATS.md: a bare "Email address" in a survey export is
the customer, never the agent; ids of ratings/requesters/groups are not agents;
a score column holds integers or words of a known scale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from uploads import cells, dates, idcells, rowskips, scorecells, ticketcolumns, wordscales
from uploads.headernames import (
    AGGREGATE,
    AGGREGATE_CALL,
    CONTAINS,
    EXACT,
    NOT_FOR,
    OVERALL_QUESTION,
    REWARD,
    SURVEY_DATE,
    TICKET_LIFE,
    TICKET_TIME,
)
from uploads.headers import Headers, normalize, normalize_camel
from uploads.wordings import AUTO_SCALES, SCALES, SPREADSHEET_BOOLEANS, UNANSWERED


def column_texts(sheet, position: int, limit: int = 200) -> list[str]:
    """Up to `limit` non-blank, trimmed cell texts of one column (from the first rows)."""
    out = []
    for row in sheet.rows:
        text = row[position].strip() if position < len(row) else ""
        if text:
            out.append(text)
            if len(out) == limit:
                break
    return out


LISTED_SHARE = 0.8


def values_look_like(texts: list[str], expected: Any) -> bool:
    """'numbers': at least half are integers; 'words': fewer than half; a list: at least LISTED_SHARE
    of the texts in it (case-insensitive; a number also as its integer, `1.0` as 1: a pandas dump),
    so that one stray answer (a 4 or a NULL among Freshdesk's classic 1..3, QA round 24d) leaves the
    layout's meaning to its other answers and is refused on its row, while a word of another scale
    the list lacks ("Extremely Happy": wordscales.SCALE_WORDS) rules the layout out. Halves, so that 'numbers' and
    'words' are complementary and a few stray header rows read as data do not flip the choice."""
    if isinstance(expected, list):
        allowed = {str(item).strip().casefold() for item in expected}
        listed = [text.casefold() in allowed or ((found := scorecells.INTEGER.match(text)) is not None
                                                and str(int(found[1])) in allowed) for text in texts]
        return not any(cells.answer_key(text) in wordscales.SCALE_WORDS for ok, text in zip(listed, texts, strict=True)
                       if not ok) and sum(listed) >= LISTED_SHARE * len(texts)
    numbers = sum(1 for text in texts if scorecells.INTEGER.match(text))
    share = numbers / len(texts) if texts else 0
    return share >= 0.5 if expected == "numbers" else share < 0.5


# a score's integer, or a mistyped decimal (4.5); not a share (0.8: a percentage cell)
_SMALL_NUMBER = re.compile(r"^\s*[+-]?(?:\d{1,18}|[1-9]\d{0,17}[.,]\d+)\s*$")


def _plausible(name: str, texts: list[str]) -> bool:
    if not texts:
        return True
    if name in ("agent_email", "agent_id"):  # "Unassigned" names no agent either way
        # nor does a grouped report's "Subtotal" or "Total" in its group column (QA round 44a)
        agents = [text for text in texts if text.casefold() not in idcells.NO_AGENT and not rowskips.summary_label(
            text) and len(text.split()) < 5]  # nor its footer's "Confidential Information - Do Not Distribute"
        if not agents:
            return True
        emails = share(agents, lambda t: "@" in t) >= 0.6
        return emails if name == "agent_email" else not emails
    if name == "score":  # a survey offered but not answered (Zendesk's Offered) is neither way
        words = {word for scale in AUTO_SCALES for word in _scale_words(scale)}
        answers = [text for text in texts if text.casefold() not in UNANSWERED]
        # a score a spreadsheet made a date (5-Apr) is still the score's, as is a mistyped 4.5: refused on its row
        # (QA rounds 31a, 41b)
        return share(answers, lambda t: bool(_SMALL_NUMBER.match(t)) or scorecells.written_score(t) is not None
                      or cells.answer_key(t) in words
                      or bool(scorecells.SCORE_AS_DATE.match(t))) >= 0.6 if answers else True
    if name == "submitted_at":  # a short sheet's "Average" and "Total" lines are none (QA round 45a)
        return share([text for text in texts if not rowskips.summary_label(text)], dates.date_like) >= 0.6
    if name == "ticket_id":
        return not not_ids(texts, ticket=True)
    if name == "comment":
        # Medallia's `comments` column says whether a comment exists (EXPORT-FORMATS.md section 11)
        return share(texts, lambda t: t.casefold() in _FLAGS) < 1
    return True


_FLAGS = {"yes", "no", "0", "1"} | SPREADSHEET_BOOLEANS
_BLANK_COLUMN = 1000  # below any header match's strength (_match)

_YES_NO = frozenset({"yes", "no", "true", "false", "y", "n", "ja", "nein", "oui", "non", "si", "sí"})


def not_ids(texts: list[str], ticket: bool = False) -> bool:
    """True when most texts are no id: links, yes/no answers, and for a ticket (ticket=True: its id
    holds a digit and no space) words: a question whose text mentions the ticket ("Was your ticket
    resolved?", "How satisfied were you with the handling of your ticket?") or a Ticket URL column; a link
    to a ticket's page gives its id (idcells.clean_id), so a "Ticket" column of them is one (QA round 33b).
    An agent's name stays a candidate for agent_id (sent with a warning: items.check_agent)."""
    def unlike(text: str) -> bool:
        return ("://" in text and not (ticket and idcells.is_id_link(text)) or text.casefold() in _YES_NO
                or ticket and (len(text.split()) > 1 or not any(char.isdigit() for char in text)))
    return sum(map(unlike, texts)) >= 0.8 * len(texts)


def share(texts: list[str], test) -> float:
    """The share (0..1) of `texts` that pass `test`; 0 for no texts (an empty column)."""
    return sum(1 for text in texts if test(text)) / len(texts) if texts else 0.0


def _scale_words(name: str) -> list[str]:
    return list(SCALES[name].get("value_map", {}))


# Airtable's lookup field: the field of a linked table's record ("Email (from Agent)" is the agent's email)
_LOOKUP = re.compile(r"(?P<field>[^()]+?)\s*\(from (?P<table>[^()]+)\)")
# What a header adds in brackets: a zone, a scale, a unit ("Zeitstempel (CET)", "Score (1-10)")
# What a Time header's brackets say of a duration ("Time (mm:ss)", "(min)"): handling time, no time of day
DURATION = re.compile(r"\b(mm:ss|m:ss|hh:mm:ss|min|mins|minutes?|sec|secs|seconds?|duration|hrs|hours)\b", re.I)
BRACKETS_AT_END = re.compile(r"\s*[(\[\uff08][^()\[\]\uff08\uff09]*[)\]\uff09]\s*$")  # （）: full width


def _candidates(headers: Headers, sheet, wanted: list[str], used: set[int]) -> list[tuple]:
    """(strength, field, position, reason) for every plausible field/column pair: a header matches as
    written, with its camel case split, or without what it adds in brackets; a column named as the
    API field itself ("submitted_at", "score", "Agent ID") is taken whatever its values (an "Agent ID"
    cell holding an address is sent as agent_email: items). A column blank in every row ranks below every
    column with values (Alchemer's empty admin 'Comments' beside the survey's 'Why did you give that
    rating?': QA round 33a)."""
    out = []
    tickets = ticketcolumns.ticket_list(headers)
    for position, header in enumerate(headers.columns):
        norm = normalize(header)
        if position in used or not norm:
            continue
        texts = [text for text in column_texts(sheet, position, 50) if text.casefold() != header.strip().casefold()]
        camel = normalize_camel(header)
        bracket = BRACKETS_AT_END.search(header)  # not a unit of time: "Survey Time (sec)" is no date (QA 54a)
        bare = normalize(BRACKETS_AT_END.sub("", header)) if bracket and not DURATION.search(bracket[0]) else ""
        lookup = normalize(f"{found['table']} {found['field']}") if (found := _LOOKUP.fullmatch(header.strip())) else ""
        for name in wanted:
            hit = ((tickets or {}).get((name, norm)) or _match(name, norm, header)
                   or ticketcolumns.task_number(name, norm, texts)
                   or ticketcolumns.ticket_links(name, norm, header, texts)
                   or (camel != norm and _match(name, camel, header)) or (bare and _match(name, bare, header))
                   or (lookup and _match(name, lookup, header)))
            if hit and (norm == normalize(name) or _plausible(name, texts)):
                out.append((hit[0] if texts else hit[0] - _BLANK_COLUMN, name, position, hit[1]))
    return out


_BARE_AGENT = {"agent", "assignee", "teammate", "team member", "owner", "rep", "agent name", "assignee name",
               "case owner", "assigned to", "assigned agent", "handled by", "resolved by", "answered by",
               "support agent", "served by", "bearbeitet von", "bearbeiter", "traité par", "atendido por",
               "gestionado por", "operatore", "atendente", "agente", "conseiller", "consultant", "medewerker",
               "support rep", "csr", "advisor", "representative", "support representative",  # QA round 51a
               "mitarbeiter", "mitarbeiterin", "technician",  # QA rounds 52b, 54a
               "konsultant", "konsultantka", "handläggare", "consulente", "担当者", "担当", "客服", "담당자",  # QA 63b
               # a Zendesk view's Assignee in German, French, Spanish, Portuguese, Dutch, Italian (QA round 69a)
               "zugewiesen", "zugewiesen an", "assigné", "assigné à", "asignado", "asignado a", "atribuído",
               "atribuído a", "toegewezen", "toegewezen aan", "assegnato", "assegnato a", "assegnatario"}


# A survey question asking the customer which agent helped ("Which agent helped you?", Google Forms)
_AGENT_QUESTION = re.compile(r"\b(which|what) (agent|rep|representative|advisor|team member|person)\b"
                             r"|\bwho (helped|assisted|served|supported|answered|handled)\b"
                             r"|\bwelche[rs]? (mitarbeiter|mitarbeiterin|agent)\b"
                             r"|\bquel(le)? (conseiller|conseillère|agent)\b"
                             r"|\bqual (atendente|agente)\b|\bquale (operatore|agente)\b")


def _match(name: str, norm: str, header: str) -> tuple[int, str] | None:
    if re.match(AGGREGATE, norm) or re.match(AGGREGATE_CALL, header, re.IGNORECASE):
        return None
    if name == "submitted_at" and (found := re.search(SURVEY_DATE, norm)) and not re.search(NOT_FOR[name], norm):
        return 310, f"header '{header}' names the survey's date ('{found[0].strip()}')"
    exact = EXACT.get(name, [])
    if norm in exact:
        return 300 - exact.index(norm), f"header '{header}' is a usual name for {name}"
    if name == "agent_email" and norm in _BARE_AGENT:
        return 250, f"header '{header}' names the agent and its values are email addresses"
    if name == "agent_email" and _AGENT_QUESTION.search(norm):
        return 240, f"header '{header}' asks which agent helped, and its values are email addresses"
    if name in NOT_FOR and re.search(NOT_FOR[name], norm):
        return None
    if name == "submitted_at" and TICKET_TIME.search(norm):  # below any other date column (QA round 44a)
        return 120, f"header '{header}' is when the ticket was opened, not when it was rated: no other column dates it"
    for rank, pattern in enumerate(CONTAINS.get(name, [])):
        if found := re.search(pattern, norm):  # the words it matched, never the pattern: "('assigned to email')"
            overall = 20 if name == "score" and OVERALL_QUESTION.search(norm) else 0  # over "Agent score" (QA 64a)
            return 200 - rank + overall, f"header '{header}' mentions {name.replace('_', ' ')} ('{found[0].strip()}')"
    return None


def auto_columns(headers: Headers, sheet, wanted: list[str], used: set[int],
                 mapped: Iterable[str] = ()) -> dict[str, tuple[int, str]]:
    """field -> (column index, reason) for the `wanted` fields, each column used once; `mapped`: the
    fields a preset maps already (its columns, field -> spec, or their names).

    Strongest matches first (exact synonym > header mentions the field), then
    file order. An agent column full of '@' values becomes agent_email. An agent
    column of names ("Agent Name", or values like 'Ana Silva') is not taken as
    agent_id when an agent email is found or already `mapped`: agent_id wins at
    MaestroQA (shared/api/CONTRACT.md), so a name there would hide the email; nor are the other near
    misses of _drop_doubtful.
    """
    taken, found = set(used), {}
    candidates = sorted(_ids_before_names(headers, sheet, _candidates(headers, sheet, list(wanted), used)),
                        key=lambda c: (-c[0], c[2]))
    for _strength, name, position, reason in candidates:
        if name in found or position in taken:
            continue
        found[name] = (position, reason)
        taken.add(position)
    _drop_doubtful(headers, sheet, found, mapped)
    _share_agent_column(headers, sheet, found, mapped)
    return found


def _drop_doubtful(headers: Headers, sheet, found: dict, mapped: Iterable[str]) -> None:
    """auto_columns' second thoughts, each a column a near miss took: beside an agent email (found or
    `mapped`), an agent_id column of names (holds_names), an employee number (_hr_number) or one whose values
    do not follow the email's (follows_agent); a lone 'Received' beside the ticket's own times."""
    if "submitted_at" in found and _received_ticket(headers, found["submitted_at"][0]):
        del found["submitted_at"]
    if "agent_id" not in found:
        return
    email = found["agent_email"][0] if "agent_email" in found else (
        headers.find(mapped["agent_email"]) if isinstance(mapped, dict) and "agent_email" in mapped else None)
    has_email = "agent_email" in found or "agent_email" in mapped
    position = found["agent_id"][0]
    if has_email and holds_names(headers, sheet, position) or email is not None and (
            _hr_number(normalize(headers.columns[position]), normalize(headers.columns[email]))
            or not follows_agent(sheet, position, email)):
        del found["agent_id"]


def _ids_before_names(headers: Headers, sheet, candidates: list[tuple]) -> list[tuple]:
    """The candidates, agent_id columns of names ranked below the agent_id columns of ids: 'Conseiller'
    of names beside 'ID conseiller', 'Agent' beside 'Agent No.' (QA round 52b: the names were sent)."""
    agents = {position for _strength, name, position, _reason in candidates if name == "agent_id"}
    named = {position for position in agents if holds_names(headers, sheet, position)}
    if not named or named == agents:
        return candidates
    return [(strength - 300 if name == "agent_id" and position in named else strength, name, position, reason)
            for strength, name, position, reason in candidates]


def _received_ticket(headers: Headers, position: int) -> bool:
    """True when the date column found is a lone 'Received' ('Received on', 'Received at') and another
    header dates the ticket's life ('Solved', 'Closed at'): that is the ticket's arrival, not the rating's
    (QA round 52a). A team sheet's 'Received' with no such column is the survey's (QA round 51a)."""
    return bool(re.fullmatch(r"received( (on|at|date))?", normalize(headers.columns[position]))) and any(
        TICKET_LIFE.search(normalize(header)) for header in headers.columns)


# A company's number for its people ("Employee ID", "Staff No"): no helpdesk's agent id, which MaestroQA credits
# over the email (QA round 53b: an HR number 'E10234' was sent beside the agent's email)
_HR_NUMBER = re.compile(r"(employee|staff|personnel|payroll|hr|personal)( (id|no|nr|number|num|code|ref|nummer))?"
                        r"|personalnummer")


def _hr_number(header: str, email_header: str) -> bool:
    """True for an employee number (_HR_NUMBER) beside an agent email column that calls the agent otherwise:
    'Employee ID' beside 'Agent Email', not beside 'Employee Email', where the sheet's employees are its
    agents ('Mitarbeiter-ID' beside 'Mitarbeiter-E-Mail' is one: QA round 54b)."""
    return bool(_HR_NUMBER.fullmatch(header)) and header.split()[0] not in email_header.split()


def follows_agent(sheet, id_position: int, email_position: int) -> bool:
    """False when the agent_id column's values do not follow the agent email's: of the emails that
    come back in the first 200 rows, half or more come with two or more ids. Such a column numbers
    someone else (a B2B requester's 'Employee No', an ITSM caller's 'Employee ID': QA round 52a), and as
    agent_id wins at MaestroQA (shared/api/CONTRACT.md) it would credit the wrong agent. True when
    no email comes back (nothing to tell) and for one column shared by both fields."""
    if id_position == email_position:
        return True
    ids: dict[str, set[str]] = {}
    rows: Counter = Counter()
    for row in sheet.rows[:200]:
        email = row[email_position].strip().casefold() if email_position < len(row) else ""
        agent = row[id_position].strip() if id_position < len(row) else ""
        if "@" in email and agent and agent != cells.DATABASE_NULL and agent.casefold() not in idcells.NO_AGENT:
            ids.setdefault(email, set()).add(agent)
            rows[email] += 1
    repeated = [email for email, count in rows.items() if count >= 2]
    return not repeated or sum(len(ids[email]) > 1 for email in repeated) < 0.5 * len(repeated)


def _share_agent_column(headers: Headers, sheet, found: dict, mapped: Iterable[str]) -> None:
    """An agent column holding emails and ids (or names) both: map it to agent_id and agent_email
    alike, so that each row's text goes to the field it looks like (plan.Plan.shared_agent). Not a
    column whose header says email alone ("Agent Email"; "Agent ID or Email" is shared): its other
    texts are mistyped addresses (invalid rows), no ids."""
    for name, other in (("agent_id", "agent_email"), ("agent_email", "agent_id")):
        if name in found and other not in found and other not in mapped:
            position, _ = found[name]
            header = normalize(headers.columns[position])
            if re.search(r"\be ?mail\b", header) and not re.search(r"\b(id|or|name)\b", header):
                return
            emails = share(column_texts(sheet, position, 50), lambda text: "@" in text)
            if 0 < emails < 1:
                found[other] = (position, f"header '{headers.columns[position]}' names the agent; its values are "
                                          "emails or ids, each read as the one it looks like")
            return


def holds_names(headers: Headers, sheet, position: int) -> bool:
    """True when the header says name ("Agent Name") or most texts of the column are no ids: people's
    names ('Ana Silva'), links (Notion's 'Ana Lee (https://www.notion.so/…)'), or under a header that
    does not say id ("Agent"), first names ('Ana': no digit, as a helpdesk's agent ids have; "agent_id"
    holding team handles such as 'asilva' stays) and labels of words ('Agent 3', an export hiding the
    names: QA round 49a). Asked when an email column gives the agent, and of agent_id columns side by side."""
    words = normalize(headers.columns[position]).split()
    if "name" in words:
        return True
    texts = column_texts(sheet, position, 50)
    return bool(texts) and share(texts, lambda text: idcells.looks_like_name(text) or "://" in text or (
        "id" not in words and (not any(char.isdigit() for char in text) or " " in text.strip()))) >= 0.6


_WORDS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")


def text_answer_columns(sheet, used: set[int]) -> list[str]:
    """Headers of columns outside `used` whose cells read as free text: most of their first 50
    non-blank texts but "n/a" and the like (scorecells.NO_ANSWER) hold two or more words, half of them
    or more differ from one another (short feedback repeats "All good.": QA round 50a), and are neither
    emails nor people's names, under a header naming no reward (headernames.REWARD: Medallia's reward_name).
    What a customer's comment looks like when its header was not recognised.
    Each text is judged on its first 200 characters (a 2,000,000-character cell costs no more)."""
    out = []
    for position, header in enumerate(sheet.columns):
        if position in used or re.search(REWARD, normalize(header)):
            continue
        texts = [text[:200] for text in column_texts(sheet, position, 50) if text.casefold() not in
                 scorecells.NO_ANSWER]  # a hand sheet's "n/a", "-" (QA round 60b)
        if (texts and share(texts, lambda text: bool(_WORDS.search(text)) and "@" not in text) >= 0.6
                and len(set(texts)) >= 0.5 * len(texts) and share(texts, _person_name) < 0.6):
            out.append(header)
    return out


def _person_name(text: str) -> bool:
    """'Ana Souza', 'Mary J. Blige': two to four capitalised words ('Nothing at all' is text)."""
    words = text.split()
    return idcells.looks_like_name(text) and len(words) <= 4 and all(word[0].isupper() for word in words)


def add_word_scale(preset, headers: Headers, sheet, scale_table: dict) -> None:
    """When the score column holds mostly words of a known scale (wordscales.word_scale_for: all of them, or
    all but a misspelt one refused on its row), add its value map, range and label column; a number
    among them is the typo (the row checker refuses one outside the range),
    and so is one word among numbers ("good" among scores 1..5: no word scale). Rows whose score
    is an UNANSWERED word ("Offered"), and then blank ones too, are skipped. A column of scores written with
    their words ("5 - Very satisfied") is the label column too (items.clean_label takes the words)."""
    column = preset.columns.get("score")
    position = headers.index(column) if column else None
    if position is None:
        return
    texts = column_texts(sheet, position)
    words = Counter(cells.answer_key(text) for text in texts
                    if not scorecells.INTEGER.match(text) and not scorecells.written_score(text))
    if share(texts, lambda text: not scorecells.INTEGER.match(text)) < 0.5:
        return  # a column of numbers: its few words are typos for the row checker to refuse
    unanswered = words.keys() & set(UNANSWERED)
    for word in unanswered:
        del words[word]
    if not words and share(texts, lambda text: bool((written := scorecells.written_score(text)) and written[2])) >= 0.5:
        preset.columns.setdefault("score_label", column)  # "5 - Very satisfied": its words (QA round 56a)
        return
    if name := wordscales.header_word_scale(words, AUTO_SCALES, column):  # one misspelt word is refused on its row
        scale = scale_table[name]
        preset.value_maps["score"] = dict(scale["value_map"])
        preset.constants.update(min_score=scale["min_score"], max_score=scale["max_score"])
        preset.columns.setdefault("score_label", column)
        preset.reasons["score"] += (f"; its words are read as a {scale['max_score'] - scale['min_score'] + 1}-point "
                                    f"wording, {scale['min_score']}..{scale['max_score']}")
        if unanswered:  # a Zendesk report keeps its surveys offered but not answered: no answers
            preset.skip_values["score"] = {"": UNANSWERED["offered"]} | {word: UNANSWERED[word] for word in unanswered}


def named_fields(cells: list[str]) -> set[str]:
    """The fields whose usual header names (EXACT, CONTAINS, minus NOT_FOR) one of `cells` has; values unseen."""
    found = set()
    for cell in cells:
        norm, camel = normalize(cell), normalize_camel(cell)
        if norm:
            found.update(name for name in EXACT if name not in found and (
                _match(name, norm, cell) or camel != norm and _match(name, camel, cell)))
    return found


def why_unmapped(name: str, mapped: set[str] = frozenset()) -> str:
    """Why a field has no column, as a sentence for the mapping page; `mapped`: the fields that have one (the agent
    needs agent_id or agent_email, not both: QA round 70b)."""
    other = {"agent_id": "agent_email", "agent_email": "agent_id"}.get(name)
    if other in mapped:
        return f"no column looks like {name}; not needed, as {other} gives the agent"
    if name == "agent_email":
        return ("no agent email column found (an 'Email address' column in survey exports is usually the "
                "customer's, so it is not used)")
    if name in ("comment", "score_label"):
        return f"no column looks like {name}; it is optional and left out"
    return f"no column looks like {name}; choose one on the mapping page"
