"""Ticket id and date columns no header names as such, which autodetect's header rules do not find: a list of
tickets' bare 'Id' and its 'Updated at' (shared/formats/EXPORT-FORMATS.md section 1), a column of links to
tickets' pages, ServiceNow's task numbers. Each gives autodetect._candidates a (strength, reason) match.
"""

import re

from uploads import idcells
from uploads.headers import Headers, normalize

# Headers only a list of tickets has (a helpdesk's ticket or view export with a satisfaction column); a
# survey's own "Subject" is not one of them
_TICKET_LIST = frozenset({"ticket subject", "requester", "requester email", "requester id", "requester name",
                          "solved at", "solved", "priority",
                          # a view's Requester and Priority in German, French, Spanish, Portuguese, Dutch and Italian
                          # (QA round 69a)
                          "anfragender", "priorität", "demandeur", "priorité", "solicitante", "prioridad",
                          "prioridade", "aanvrager", "prioriteit", "richiedente", "priorità"})
# A list of tickets' update and creation times in those languages ("Mis à jour", "Demandé le")
_UPDATED = ("updated at", "updated", "aktualisiert", "mis à jour", "actualizado", "atualizado", "bijgewerkt",
            "aggiornato")
_CREATED = ("created at", "created", "created date", "angefragt", "erstellt", "demandé le", "créé", "solicitado",
            "creado", "criado", "aangemaakt", "creato")
# An API record's own two times, as the helpdesk writes them (not a hand-made sheet's "Created at")
_RECORD_TIMES = frozenset({"created_at", "updated_at"})


def ticket_list(headers: Headers) -> dict[tuple[str, str], tuple[int, str]] | None:
    """In a list of tickets (it has a 'Requester', 'Solved at' or 'Priority' column) each row is a ticket: its bare
    'Id' is the ticket id, and its 'Updated at' is closer to the rating than its 'Created at' (the
    ticket's opening; shared/formats/EXPORT-FORMATS.md section 1). So is a record's 'updated_at' beside its
    'created_at' (Zendesk's rating record, created when the survey was offered: QA round 64b, its 'ticket_id'
    renamed 'Ticket #'). (field, header) -> match; None for other files."""
    names = {normalize(header) for header in headers.columns}
    listed = bool(_TICKET_LIST & names)
    if not listed and not _RECORD_TIMES <= {header.strip().casefold() for header in headers.columns}:
        return None
    why = ("in a list of tickets (it has a Requester, Solved at or Priority column)" if listed
           else "beside 'created_at', which a record of the survey gets when it is offered")
    # below every header naming the ticket or a date (a 'Survey date' or 'Rated at' wins), Updated over Created
    ticket, updated, created = 150, 151, 150.5
    later = f"the time closest to the rating {why} ('Created at' is when the ticket was opened)" if listed else (
        f"the time closest to the rating, {why}")
    bare_id = {("ticket_id", "id"): (ticket, f"header 'Id' is each ticket's own id {why}")} if listed else {}
    return {**bare_id,
            **{("submitted_at", name): (updated, f"header '{name.capitalize()}' is {later}") for name in _UPDATED},
            **{("submitted_at", name): (created, f"header '{name.capitalize()}' is when the ticket was opened: "
                                                 "a time of the ticket, not of its rating")
               for name in _CREATED}}


# A ServiceNow task's number: incident, request item, request, case, change, problem, catalog task
_TASK_NUMBER = re.compile(r"(INC|RITM|REQ|CS|CHG|PRB|SCTASK|TASK|HRC|IMS|WO|WOT|CSTASK)\d{7,}")


def ticket_links(name: str, norm: str, header: str, texts: list[str]) -> tuple[int, str] | None:
    """A 'Ticket link', 'Zendesk URL' or bare 'Link' column of links to tickets' pages is the ticket id, each link
    giving its ticket's (idcells.clean_id): a team sheet's (QA round 44b). Below any header naming the ticket, whose
    NOT_FOR rules out a link column otherwise."""
    if name != "ticket_id" or not _LINK_HEADER.fullmatch(norm) or not texts:
        return None
    if sum(map(idcells.is_ticket_link, texts)) < 0.8 * len(texts):
        return None
    return 140, f"header '{header}' holds links to tickets' pages, each giving its ticket's id"


# 'Link', 'URL', 'Ticket link', 'Link to ticket', 'Zendesk URL', 'Case link'
_LINK_HEADER = re.compile(r"(?:(?:ticket|case|conversation|request|zendesk|freshdesk|help ?desk|helpscout|gorgias|"
                          r"intercom) )?(?:link|url|hyperlink)(?: to (?:the )?(?:ticket|case|conversation))?")


def task_number(name: str, norm: str, texts: list[str]) -> tuple[int, str] | None:
    """A bare 'Number' column of ServiceNow task numbers (INC0010023) is the ticket id: ServiceNow's lists name
    the task's number so [unverified export names: QA round 36a]. An assessment's own AINST number is not."""
    if name == "ticket_id" and norm == "number" and texts and all(_TASK_NUMBER.fullmatch(text) for text in texts):
        return 150, "header 'Number' holds ServiceNow task numbers (such as INC0010023): each row's ticket"
    return None


# A ticket's number as helpdesks show it: "2101", "#2101", "SR-1001", "INC0012345" (not a date or a time)
_TICKET_NUMBER = re.compile(r"#?[A-Za-z]{0,8}[-_]?\d+")


def same_tickets(rows: list[list[str]], ticket: int, other: int) -> bool:
    """True when column `other` holds a second id of each ticket in column `ticket` (indexes into `rows`, a sheet's
    text cells): a ticket number (_TICKET_NUMBER) wherever the ticket is, never the ticket's own text, and one to one
    with it (each ticket one value, each value one ticket). Zoho Desk's "Ticket Number" (#2101, shown in its UI)
    beside its 16-digit "Ticket Id" record id, Help Scout's "Conversation #" beside its "Conversation ID" (QA round
    66b H3)."""
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for row in rows:
        key = row[ticket].strip() if ticket < len(row) else ""
        value = row[other].strip() if other < len(row) else ""
        if not key:
            continue
        if not _TICKET_NUMBER.fullmatch(value) or value == key or forward.setdefault(key, value) != value \
                or backward.setdefault(value, key) != key:
            return False
    return bool(forward)
