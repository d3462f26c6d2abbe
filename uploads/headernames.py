"""The header names each API field goes by, in English and the other languages team sheets are written in:
the synonyms auto-detection matches (autodetect._match). Exact names beat names a header only mentions;
NOT_FOR rules a column out. Vendors' own names are in their presets (uploads/presets/*.json).
"""

import re

# field -> exact synonyms (normalised headers), best first
EXACT: dict[str, list[str]] = {
    "ticket_id": ["ticket id", "ticketid", "ticket", "ticket number", "ticket no", "ticket nr", "ticket ref",
                  "conversation id", "conversation", "case number", "casenumber", "case id", "case",
                  "interaction id", "ext interaction id", "external interaction id", "transaction id",
                  "external reference", "externalreference", "external data reference",
                  "externaldatareference", "chat id", "incident number", "incident id", "incident", "request number",
                  "issue key",
                  "case no", "case nr", "request", "request no", "zendesk", "zendesk id",
                  "tickets id",  # Looker's label of the Tickets view's ID field (QA round 37a)
                  # two names of one id ("Conversation / case": QA round 57c)
                  "conversation case", "case conversation", "ticket case", "case ticket", "ticket conversation",
                  "conversation ticket"],
    "agent_id": ["agent id", "agentid", "assignee id", "teammate id", "team member id", "admin id", "employee id",
                 "employee custom id", "owner id", "ownerid", "case owner id", "responder id", "rep id", "staff id",
                 "agent", "assignee", "teammate", "team member", "agent name", "assignee name", "teammate name",
                 "team member name"],
    "agent_email": ["agent email", "agent e mail", "agent email address", "agentemail", "assignee email",
                    "teammate email", "team member email", "employee email", "owner email", "case owner email",
                    "rep email",
                    "staff email", "advisor email"],
    "score": ["score", "rating", "csat", "csat score", "csat rating", "satisfaction", "satisfaction score",
              "satisfaction rating", "star rating", "stars", "rate", "overall rating", "overall satisfaction",
              "overall score", "overall csat", "overall csat score", "overall satisfaction score", "customer rating",
              "rating value", "number value", "numbervalue", "survey result", "survey rating"],
    "submitted_at": ["submitted at", "submitted", "submitted on", "date submitted", "submission date",
                     "recorded date", "recordeddate", "rated at", "rated on", "rated", "date rated", "rated date",
                     "time rated", "rating date", "satisfaction date",
                     "csat date", "response date",
                     # a rating's own time beside the ticket's Created (Gorgias, Intercom downloads: QA round 44a)
                     "scored date", "scored at", "survey scored date", "survey answered date", "survey answered at",
                     "rating received at", "rating updated at", "rating created at", "conversation rated at",
                     "conversation rating updated at", "conversation rating created at",
                     "responded at", "response received at", "completed at", "completion date", "completed",
                     "completion time",
                     "scored datetime", "timestamp", "end date", "enddate",
                     # the answer's own time, above a bare Date and a ticket's Created (QA round 59b)
                     "answer date", "date answered", "answered at", "answered on", "when answered", "survey answered",
                     "survey taken", "taken on",
                     "date", "datetime", "date time",  # before a ticket's Created (QA round 54a: Created | Date | Time)
                     "created at", "created", "created date", "survey date", "feedback date",
                     "updated at", "time", "when", "answered", "rating received", "response received"],
    "comment": ["comment", "comments", "remark", "remarks", "feedback", "verbatim", "free text",
                "customer comment", "customer comments", "comment text", "body text", "review",
                "additional comments", "feedback comment", "open ended response", "review content",
                "review text", "what they said", "customer said", "customer feedback", "customer words"],
    "score_label": ["score label", "rating label", "label", "score text", "rating text", "choice text",
                    "answer label"],
    "min_score": ["min score", "minimum score", "min", "scale min", "min rating"],
    "max_score": ["max score", "maximum score", "max", "scale max", "max rating"],
}
# German, French, Spanish, Dutch, Polish, Italian and Brazilian Portuguese team sheets and forms (German
# Excel CSVs: EXPORT-FORMATS.md section 13; Microsoft Forms' and Google Forms' own columns: QA round 33a),
# after the English
_LOCALIZED: dict[str, list[str]] = {
    "ticket_id": ["ticketnummer", "ticket nummer", "ticket nr", "vorgangsnummer", "fallnummer", "anfrage nr",
                  "numéro de ticket", "numero de ticket", "n de ticket", "número de ticket", "numero de caso",
                  # Zendesk's French word for a ticket (QA round 70a)
                  "demande", "id de la demande", "numéro de la demande", "numéro de demande", "n de demande",
                  "ticketnr", "nº de caso", "n de caso", "no de caso", "número de caso", "nº de ticket",
                  "numer zgłoszenia", "nr zgłoszenia", "n ticket", "numero ticket", "numero del ticket",
                  "número do chamado", "numero do chamado", "nº do chamado", "chamado", "protocolo",
                  "número do protocolo", "numero do protocolo", "número do ticket", "numero do ticket",
                  "id zgłoszenia", "id zgloszenia", "nr zgloszenia", "numer zgloszenia"],
    "agent_id": ["mitarbeiter id", "bearbeiter id", "agent nr", "id agent", "mitarbeiter", "bearbeiter",
                 "mitarbeiter nr", "mitarbeiternummer", "conseiller", "id conseiller", "id del agente", "agenten id",
                 "medewerker id", "id agenta", "id operatore", "id do atendente", "id do agente"],
    "agent_email": ["mitarbeiter e mail", "bearbeiter e mail", "e mail agent", "e mail mitarbeiter",
                    "e mail de l agent", "email agent", "correo del agente", "agenten e mail", "e mail medewerker",
                    "e mail agenta", "agents email", "email del agente", "e mail del agente",
                    "correo electronico del agente", "correo electrónico del agente", "email de l agent",
                    "email dell agente", "e mail dell agente", "email operatore", "e mail operatore",
                    "e mail do atendente", "email do atendente", "e mail do agente", "email do agente",
                    "ticketinhaber e mail", "agente email", "agente e mail", "e mail des zugewiesenen agenten",
                    "e mail des agenten", "e mail de l agent assigné", "e mail de l agent assigne", "email agente",
                    "e mail conseiller", "email conseiller", "e mail du conseiller", "email du conseiller",
                    "e mailadres medewerker",
                    "e mail agente", "correo agente", "correo del agente asignado",
                    # a Zendesk report's "E-Mail des Bearbeiters" (QA round 44c)
                    "e mail des bearbeiters", "e mail des mitarbeiters", "e mail des ansprechpartners"],
    "score": ["bewertung", "zufriedenheit", "punktzahl", "sterne", "note", "satisfaction client",
              "puntuación", "puntuacion", "calificación", "calificacion", "valoración", "valoracion", "beoordeling",
              "tevredenheid", "ocena", "voto", "valutazione", "soddisfazione", "nota", "avaliação", "avaliacao",
              "satisfação", "satisfacao", "cijfer",
              # Zendesk reports' satisfaction columns (QA round 44c)
              "tevredenheidsbeoordeling", "valutazione soddisfazione", "valutazione del servizio", "ocena zadowolenia",
              "zufriedenheitsbewertung", "évaluation de satisfaction", "evaluation de satisfaction"],
    # the answer's own date first, above a bare "Datum" or a ticket's "Data zgłoszenia" (QA round 57c)
    "submitted_at": ["data odpowiedzi", "datum der antwort", "beantwortet am", "fecha de respuesta",
                     "fecha de la respuesta", "data da resposta", "data de resposta", "data risposta",
                     "data della risposta", "data di risposta", "antwoorddatum", "datum antwoord", "svarsdatum",
                     "yanıt tarihi",
                     "zeitstempel", "datum", "bewertet am", "eingereicht am", "zeitpunkt",
                     # a date and time in one column (QA round 63b: "Datum/Uhrzeit")
                     "datum uhrzeit", "datum und uhrzeit", "date et heure", "date heure", "fecha y hora",
                     "data e hora", "datum en tijd", "data i godzina", "datum och tid",
                     "bewertungsdatum", "antwortdatum", "aktualisiert am", "date de mise à jour",
                     "horodatage", "date de réponse", "marca temporal", "fecha", "fecha de envío", "fecha de envio",
                     "datum ingediend", "data zgłoszenia", "data wysłania", "fertigstellungszeit", "heure de fin",
                     "data", "data e ora", "data invio", "data hora", "carimbo de data hora", "data de envio",
                     # SurveyMonkey's End Date and Zendesk's rating dates in other languages (QA round 44c)
                     "date de fin", "enddatum", "fecha de finalización", "fecha de finalizacion", "data de término",
                     "data de termino", "einddatum", "data di fine", "data zakończenia", "data zakonczenia",
                     "aktualisiert", "fecha de calificación", "fecha de calificacion", "data da avaliação",
                     "data da avaliacao", "beoordeeld op", "data valutazione", "data oceny", "fecha y hora",
                     "date et heure", "datum und uhrzeit", "data e hora", "datum en tijd",
                     # after a rating's own date ("Bewertet am" beside "Erstellt am": QA round 45a)
                     "erstellt am", "erstellungsdatum"],
    "comment": ["kommentar", "kommentare", "anmerkung", "anmerkungen", "bemerkung", "rückmeldung",
                "commentaire", "commentaires", "comentario", "comentarios", "commentaire client",
                "commentaires client", "commentaires clients", "comentario del cliente", "kundenkommentar",
                "opmerking", "opmerkingen", "komentarz", "uwagi", "commento", "commenti", "osservazioni",
                "comentário", "comentários", "toelichting"],
}
# Nordic, Turkish, Greek, Russian, Ukrainian, Hebrew and Arabic team sheets and Google Forms, Latin American
# Spanish and Salesforce's Spanish labels (QA round 37b); their locales write the day first
_LOCALIZED_MORE: dict[str, list[str]] = {
    "ticket_id": ["ärendenummer", "ärende", "ärende id", "sagsnummer", "sag", "saksnummer", "sak", "tikettinumero",
                  "tapausnumero", "id del ticket", "talep no", "talep numarası", "bilet no", "kayıt no",
                  "αριθμός αιτήματος",
                  "αριθμός εισιτηρίου", "номер заявки", "номер обращения", "номер тикета", "номер звернення",
                  "מספר פנייה", "מספר קריאה", "رقم التذكرة", "رقم الطلب", "folio",
                  "número del caso", "numero del caso", "nº del caso", "talep kimliği", "talep kimligi", "talep id"],
    "agent_email": ["correo electrónico del asignado", "correo electronico del asignado", "担当者のメールアドレス",
                    "e mail konsultanta", "email konsultanta", "agentens e post", "handläggarens e post",
                    "temsilci e posta", "temsilcinin e posta adresi", "temsilci e posta adresi",
                    "temsilci e postası",
                    "e mail агента", "email агента", "почта агента", "דוא ל נציג",
                    "البريد الإلكتروني للوكيل"],
    "score": ["calificación de satisfacción", "calificacion de satisfaccion",
              "betyg", "nöjdhet", "nöjdhetsbetyg",
              "bedømmelse", "tilfredshed", "vurdering", "tilfredshet", "arvosana", "tyytyväisyys",
              "puan", "memnuniyet", "memnuniyet puanı",
              "βαθμολογία", "ικανοποίηση", "оценка", "удовлетворенность", "оцінка", "ציון",
              "שביעות רצון", "التقييم", "الرضا"],
    "submitted_at": ["fecha de actualización de la calificación de satisfacción", "満足度の更新日時",
                     "tidsstämpel", "tidstämpel", "slutdatum", "betygsatt", "bitiş tarihi", "puanlama tarihi",
                     "tidsmerke", "datum och tid", "dato", "tidsstempel", "päivämäärä",
                     "aikaleima", "tarih", "zaman damgası", "ημερομηνία", "χρονική σήμανση", "дата", "отметка времени",
                     "позначка часу", "תאריך", "חותמת זמן", "التاريخ", "الطابع الزمني"],
    "comment": ["comentario de satisfacción", "満足度のコメント",
                "kommentar", "kommentarer", "kommentti", "yorum", "yorumlar", "σχόλιο", "σχόλια", "комментарий",
                "коментар", "הערה", "הערות", "تعليق", "ملاحظات"],
}
# Zendesk reports' and team sheets' ids, comments in Portuguese, Italian, German, French, Spanish, Swedish, Turkish,
# Polish [unverified labels: QA round 55a]
_LOCALIZED_IDS: dict[str, list[str]] = {
    "ticket_id": ["identyfikator zgłoszenia", "id zgłoszenia",
                  # Intercom's conversation id in German, French, Spanish, Portuguese, Dutch, Italian (QA round 69a)
                  "konversations id", "konversationsid", "id de conversation", "id de la conversation",
                  "id de conversación", "id de la conversación", "id da conversa", "gesprek id", "gespreks id",
                  "id conversazione", "id della conversazione"],
    "agent_id": ["id do atribuído", "id assegnatario", "id des zugewiesenen agenten", "id de l assigné",
                 "id del agente asignado", "id de agente", "id del agente", "tilldelad persons id", "handläggar id",
                 "atanan kişi kimliği", "temsilci kimliği", "id przypisanej osoby"],
    "comment": ["comentário do cliente", "commento del cliente", "komentarz klienta", "müşteri yorumu",
                "comentário de satisfação", "commento sulla soddisfazione", "tevredenheidscommentaar", "commentaar",
                "zufriedenheitskommentar", "commentaire de satisfaction"],  # a Zendesk report's (QA round 69a)
}
for _table in (_LOCALIZED, _LOCALIZED_MORE, _LOCALIZED_IDS):
    for _name, _words in _table.items():  # case-folded as headers are: a Greek final ς is σ (QA round 38b)
        EXACT[_name].extend(word.casefold() for word in _words if word.casefold() not in EXACT[_name])
# Date headers of languages whose locales write the day first (validation: the order of 05/10/2026).
DAY_FIRST_DATE_HEADERS = frozenset(_LOCALIZED["submitted_at"] + _LOCALIZED_MORE["submitted_at"])
# Japanese, Chinese and Korean team sheets (their locales write dates year first: none of the above)
_EAST_ASIAN: dict[str, list[str]] = {
    "ticket_id": ["チケットid", "チケット番号", "チケットno", "問い合わせ番号", "工单号", "工单编号", "工单id",
                  "工单", "티켓 번호", "티켓번호", "티켓id", "티켓 id"],
    "agent_id": ["担当者id", "オペレーターid", "客服id", "坐席id", "담당자 id", "상담원 id"],
    "agent_email": ["担当者メール", "担当者メールアドレス", "担当者のメール", "客服邮箱", "담당자 이메일",
                    "상담원 이메일"],
    "score": ["評価", "満足度", "満足度評価", "点数", "评分", "满意度", "평점", "만족도", "점수"],
    "submitted_at": ["日時", "回答日時", "アンケート回答日時", "終了日", "終了日時", "評価日時", "日付", "評価日",
                     "回答日", "送信日",
                     "タイムスタンプ", "提出日時", "送信日時", "更新日時", "评价时间", "时间",
                     "提交时间", "日期", "날짜", "제출 시간", "타임스탬프", "응답 일시"],
    "comment": ["コメント", "お客様コメント", "お客さまコメント", "ご意見", "自由回答", "満足度コメント", "评论",
                "评价内容", "备注", "意见", "코멘트",
                "의견", "댓글"],
}
for _name, _words in _EAST_ASIAN.items():
    EXACT[_name].extend(_words)
# Simplesat calls the agent a "team member" [unverified export names]
_AGENT_WORDS = (r"\b(agent|assignee|assigned|teammate|team member|employee|owner|rep|representative|advisor|staff|csr|"
                r"technician|"  # an IT desk's (QA round 54a)
                r"handled|responder|handler|consultant|conseiller|medewerker|ansprechpartners?|bearbeiters?|mitarbeiters?|"
                r"temsilci\w*|handläggare\w*|konsultant\w*|atendente|operatore|"
                # the assignee, team member and case owner in Portuguese, Dutch, Italian, German, French (QA 69a)
                r"atribu[ií]do|toegewezen\w*|assegnatari[oa]|teammitglied\w*|fallinhaber\w*)\b")
# field -> regexes searched in the normalised header (weaker than EXACT), best first
CONTAINS: dict[str, list[str]] = {
    "ticket_id": [r"\bticket\b", r"\bconversation (id|number)\b", r"\bcase (number|id)\b",
                  r"\binteraction id\b", r"\bexternal (data )?reference\b"],
    # "Agent No.", "Mitarbeiter-Nr", "Employee Number", "ID conseiller" (QA round 51b): the number right after the
    # agent word, never a count of the agent's ("Agent replies (no.)": QA round 52a)
    "agent_id": [_AGENT_WORDS + r"( s)?( (user|employee|staff))? (id|no|nr|number|num|nummer|numéro|número|numero)\b",
                 r"^id\b.*" + _AGENT_WORDS],
    "agent_email": [_AGENT_WORDS + r".*\be ?(mail|posta|post)\b",
                    # "E-Mail-Adresse Ihres Ansprechpartners" (QA 44c), "E-mailadres toegewezen persoon" (QA 69a)
                    r"\be ?(mail|mailadres|posta)\b.*" + _AGENT_WORDS],
    "score": [r"satisf", r"\brating\b", r"\bscore\b", r"\bcsat\b", r"how (would|do) you rate", r"\bstars?\b",
              r"\bnps\b", r"\blikely\b.*\brecommend", r"\bhappiness\b",
              r"^note\b", r"\brate (your|our|us|the|this)\b", r"zufrieden", r"\bavalia",
              r"soddisf", r"tevreden", r"zadowol", r"nöjd", r"memnun", r"満足",  # Italian, Dutch ... (QA round 44c)
              # "Valoración de la atención", a two-row header's "Umfrage Bewertung" (QA round 53b)
              r"\b(valoraci[oó]n|calificaci[oó]n|puntuaci[oó]n|bewertung|beoordeling|valutazione|avalia[cç][aã]o|"
              r"[ée]valuation|evaluaci[oó]n)\b",  # "Évaluation" (QA round 54a)
              r"\boceniasz\b|\bw skali\b"],  # "W skali 1-5, jak oceniasz obsługę?" (QA round 55a)
    "submitted_at": [r"\b(scored|rating|survey|csat|feedback) (date|time|at|on|received|updated|created|submitted|"
                     r"answered)\b", r"\bscored\b", r"\bsubmitted\b", r"\bcompleted?\b",
                     r"\brecorded\b", r"\brated\b", r"\bresponded\b",
                     r"\banswered\b", r"\btimestamp\b", r"\bdate\b", r"\bcreated\b", r"\btime\b",
                     r"\b(replied|reply) (on|at|date)\b", r"\breceived\b"],  # a team sheet's, last (QA round 51a)
    "comment": [r"\bcomments?\b", r"feedback", r"\btell us\b", r"anything else", r"\bremarks?\b", r"suggest",
                r"\bimprove", r"\bwhat could we\b", r"\bwhy\b", r"\bnoch etwas\b", r"\bautre chose\b",
                r"\balgo mais\b", r"\balgo más\b", r"kommentar", r"poprawi", r"\bmejorar", r"\bmelhorar",
                r"verbessern", r"\baméliorer", r"\bcommentaires?\b", r"\bplease explain\b",
                r"\b(customer|client) (reply|response)\b",
                r"\b(customer|client) (said|say|says|wrote|words)\b", r"\bverbatim\b",  # a team sheet's (QA 44b, 51a)
                r"\bnotes? (from|by) (the )?(customer|client)\b", r"\b(customer|client)('s)? notes?\b",  # QA round 49b
                # "Tell us more" in a localized Google Forms or SurveyMonkey survey (QA round 47a)
                r"\berzählen sie uns\b", r"\bsagen sie uns\b", r"\b(dites|racontez) nous\b", r"\bcu[ée]nt[ae]nos\b",
                r"\bd[ií]ganos\b", r"\b(conte|diga) nos\b", r"\braccontaci\b", r"\bvertel (ons|meer)\b",
                r"\b(powiedz|opowiedz) nam\b", r"\bbemerkung", r"\banmerkung", r"\bopmerking",
                # "Quer nos contar mais?", "Vuoi raccontarci di più?", "Wil je nog iets kwijt?", "Vill du berätta
                # mer?", "Eklemek istedikleriniz", "… coś jeszcze powiedzieć?" (QA round 55a)
                r"\bcontar mais\b", r"\braccontarci\b", r"\biets kwijt\b", r"\bberätta mer\b", r"^eklemek\b",
                # a Japanese, Chinese or Korean survey's open question ("その他ご意見があれば…": QA round 63a)
                r"ご意見", r"ご要望", r"コメント", r"感想", r"意见", r"评论", r"의견",
                r"\bpowiedzieć\b", r"\bcommento\b", r"\bkomentarz\b", r"\byorum\w*",
                r"^response$"],  # HubSpot's; after any other comment column ('CSAT Comment' beside a follow-up's)
}
# A report's total over the rows it grouped together ("Sum of Ticket ID", "Average of Rating", "Count of Rating"):
# Power BI's default summarization of a number column, Excel's PivotTable names. Never one answer's value: no
# field's (QA round 37a)
AGGREGATE = r"^(sum|count|counta|countunique|count distinct|distinct count|average|avg|mean|median|min|minimum|max|" \
            r"maximum|standard deviation|variance) of (?P<field>.+)$"
# ... as Tableau names it, on the header as written: "CNTD(Ticket Id)", "AVG(Rating)", "SUM(Score)" (QA round 38b)
AGGREGATE_CALL = r"^\s*(sum|avg|cnt|cntd|count|countd|min|max|median|agg|stdev|var)\s*\((?P<field>[^()]+)\)\s*$"
# The date a survey was answered, named so ("Survey Date", "Date de l'enquête", "Umfragedatum", "Fecha de la
# encuesta", "Enquêtedatum"): above any usual date header beside it ('Created', 'Date de réception': QA round 53b)
SURVEY_DATE = (r"\b(scored|rating|survey|csat|feedback) (date|time|at|on|updated|submitted|answered)\b"
               r"|\b(umfrage|enqu[êe]te|encuesta|pesquisa|sondaggio|ankiety)\s?(datum|date|fecha|data)\b"
               r"|\b(datum|date|fecha|data)\b.{0,20}\b(survey|rating|feedback|umfrage|bewertung|enqu[êe]te|"
               r"[ée]valuation|encuesta|valoraci[oó]n|calificaci[oó]n|evaluaci[oó]n|pesquisa|avalia[cç][aã]o|"
               r"sondaggio|valutazione|ankiety|oceny)\b"  # "Date of survey", "Datum der Bewertung" (QA round 54a)
               # "Umfrage beantwortet am", "Enkät besvarad", "Enquête ingevuld op", "Anket Yanıt Tarihi" (QA round 55a)
               r"|\b(survey|umfrage|enqu[êe]te|encuesta|pesquisa|ankiet\w*|enk[äa]t|anket|sondaggio|questionario)\b"
               r".{0,15}\b(answered|beantwortet|ingevuld|besvarad|yan[ıi]t\w*|respondid[ao]|compilat[ao])\b"
               # a Zendesk report's "Zufriedenheitsbewertung aktualisiert", "Avaliação de satisfação atualizada"
               r"|\b(satisf\w*|zufriedenheit\w*|soddisfazione|tevredenheid\w*|nöjd\w*|memnun\w*|zadowoleni\w*)\b"
               r".{0,30}\b(updated|aktualisiert|mise à jour|atualizad[ao]|aggiornat[ao]|actualizad[ao]|bijgewerkt|"
               r"uppdatera[dt]|güncellendi|zaktualizowan\w*)\b|アンケート回答")
# header words that rule a column out for a field
# A reply the company wrote (Trustpilot's 'Company Reply Date', 'Reply Content'), never the customer's answer
_THEIR_REPLY = r"\b(company|business|agent|staff|merchant|support) (reply|replied|response)\b|^reply\b"
# A survey's sending in French or German: "Date d'envoi de l'enquête", "Umfrage versendet am" (QA rounds 69a, 70a:
# a French form's bare "Date d'envoi" is when it was submitted)
_SURVEY_SENT = (r"\b(envoi|versand|versendet|verschickt|gesendet)\b.*\b(enqu[êe]te|sondage|questionnaire|umfrage|"
                r"befragung)\b|\b(enqu[êe]te|sondage|questionnaire|umfrage|befragung)\b.*\b(envoy[ée]e?s?|versendet|"
                r"verschickt|gesendet|versand)\b")
# Medallia's reward_name, "Name of the reward that was given" (QA round 66b W4): never the customer's comment,
# nor offered as one (autodetect.text_answer_columns)
REWARD = r"\brewards?\b"
NOT_FOR: dict[str, str] = {
    "ticket_id": r"\b(status|subject|title|created|updated|date|url|link|group|tags?|channel|type|priority|"
                 r"brand|form|count|score|rating|comment)\b",
    # a group in Italian, Portuguese, Spanish, German, French, Dutch: "ID gruppo assegnatario" (QA round 70a)
    "agent_id": r"\b(customer|respondent|recipient|requester|requestor|contact|client|group|gruppo|grupo|gruppe|"
                r"groupe|groep|email|mail|replies|"
                r"count)\b",
    "agent_email": r"\b(customer|respondent|recipient|requester|requestor|contact|client)\b",
    "score": r"\b(comment|comments|reason|label|text|date|time|at|id|count|url|min|max)\b|kommentar|commentaire|"
             r"commentaar",
    # a company's reply to a review is no answer (Trustpilot's 'Company Reply Date', 'Reply Content'); a customer's
    # is ('Customer reply', 'Replied on': QA round 34a)
    "submitted_at": r"\b(start|birth|due|sent|offered|requested|send|opened|closed|solved|resolved)\b|" + _THEIR_REPLY
                    # when the survey was sent, in French and German (QA round 69a: Gorgias' "Date d'envoi de
                    # l'enquête" beside its "Date de notation"); a form's bare "Date d'envoi" is its submission
                    + "|" + _SURVEY_SENT
                    # a duration: "Survey Time (sec)", "Time to answer (minutes)" (QA round 54a)
                    + r"|\b(sec|secs|seconds|duration|mins|minutes|hrs|hours|mm:ss)\b"
                    # a start date in other languages: SurveyMonkey's Date de début beside Date de fin (QA round 44c)
                    + r"|\b(début|debut|inicio|início|beginn|startdatum|startzeit|inizio|rozpoczęcia|başlangıç)\b|開始",
    # Medallia's areas_for_improvement: a category list
    # a multiple-choice question ("What could we improve? (select all that apply)": QA round 39a)
    # an agent's own note on the ticket ('Agent comment', 'Internal notes': QA round 52a)
    "comment": r"\b(count|exists|has|id|date|areas?|category|categories|topic|source|channel)\b|" + REWARD + "|"
               r"\b(agent|agents|internal|staff|private|rep|qa|reviewer|coaching|coach|lead|tl|supervisor|manager)"
               r"( s)? (comments?|notes?|remarks?)\b|"  # "Coaching comment" (QA round 53b)
               # "Remarque interne", "Notas internas", "Interne Notiz", never "Comments for the Internal IT team" (54a)
               r"\b(internal|interne|interner|internes|internas?|internos?|interno) (comments?|notes?|notiz|notizen|"
               r"remarks?|notitie|notities|kommentar|notas?|comentarios?)\b|\b(remarques?|notes?|notas?|comentarios?|"
               r"commentaires?|kommentar|notiz|notizen|notitie|notities|opmerking|osservazioni) (interne|internes|"
               r"internas?|internos?|interno|interner)\b|"
               r"\b(select|check|choose|tick) (all|one|up to)\b|" + _THEIR_REPLY,
}


# When a survey was sent, beside when it was answered ("Survey Sent At", "Date sent", "Offered at"): a row with
# this time and neither a score nor an answer time is a survey never answered (rowskips, QA round 66b W7)
SENT_TIME = re.compile(r"\b(sent|offered|delivered|invited)\b.*\b(at|on|date|time|timestamp)$|"
                       r"\b(date|time) (sent|offered|delivered|invited)$|^survey (sent|offered|delivered)$|"
                       r"^(offered|delivered)$|"  # not a team sheet's bare "Sent" (to QA: QA round 70a)
                       + _SURVEY_SENT)
# The time a ticket or conversation was opened ("Conversation created at", "Ticket created date"), not its rating's:
# a date column of last resort (autodetect._match), named in the decisions (validation)
# A ticket's own times ("Solved", "Closed at"): beside them a lone "Received" is when the ticket came in
# (autodetect); alone, no answer's time (columnnotes)
TICKET_LIFE = re.compile(r"\b(solved|resolved|closed|opened|reopened|assigned)\b")
TICKET_TIME = re.compile(r"^(?!.*\b(rating|rated|survey|csat|feedback|score)\b).*\b(ticket|conversation|case|chat|"
                         r"request)\b.*\b(created|started)\b")
# A question asking about the whole, which is the CSAT among a survey's rating questions: "Overall, how satisfied...",
# "En general, ¿qué tan satisfecho...", "Wie zufrieden waren Sie alles in allem", in the presets' languages (QA rounds
# 63a, 64a); an "Overall score" header (autodetect)
OVERALL_QUESTION = re.compile(r"\b(overall|general|gesamt\w*|insgesamt|alles in allem|global\w*|g[ée]n[ée]ral\w*|"
                              r"dans l'ensemble|geral|complessiv\w*|nel complesso|algehe\w*|algemeen|totaal\w*|"
                              r"ogóln\w*|helhet\w*|övergripande|kokonais\w*)\b|全体|総合|总体|整体", re.I)
# A grid's row that is the whole, written as a row label alone: "Overall", "Overall support experience",
# "Gesamteindruck", "Algehele ervaring", "Nel complesso"; not a part named "Overall wait time" or a product row
# "General Ledger" (QA round 66a)
_WHOLE = (r"(?:(?:the|your|our|support|customer|service|help|agent|team)\s+)*"
          r"(?:experience|satisfaction|rating|impression|score|opinion|quality|support|service|evaluation)")
OVERALL_ROW = re.compile(
    rf"^\W*(?:(?:overall|in general|all in all|on the whole|generally)(?:\s+{_WHOLE})?"
    r"|gesamt(?:eindruck|zufriedenheit|bewertung|note|urteil|erlebnis)?|insgesamt|alles in allem"
    r"|(?:expérience|satisfaction|impression|évaluation|note|appréciation) (?:globale|générale)|dans l'ensemble"
    r"|en général|global(?:e|ement)?"
    r"|(?:experiencia|satisfacción|valoración|impresión|evaluación) general|en general"
    r"|(?:experiência|satisfação|avaliação|impressão) geral|no geral|em geral"
    r"|nel complesso|(?:esperienza|soddisfazione|valutazione|impressione) (?:complessiva|generale)"
    r"|algeh\w*(?: (?:ervaring|tevredenheid|indruk|oordeel|beoordeling))?|algemene? (?:indruk|tevredenheid|ervaring)"
    r"|ogóln\w*(?: (?:wrażenie|zadowolenie|ocena|doświadczenie))?|ogólnie"
    r"|helhet\w*|totalt sett|kokonais\w*|全体\w*|総合\w*|总体\w*|整体\w*)\W*$", re.I)
# A question about the customer's effort (CES), not their satisfaction, though it may say "to your satisfaction"
# (QA round 64a); the numbered-questions preset's effort pattern
EFFORT_QUESTION = re.compile(r"\beas(y|ier|ily)\b|\beffort|\bdifficult|\bfacile|\bf[aá]cil|\beinfach|\bleicht|"
                             r"\baufwand|\besfuerzo|\besfor[cç]o|makkelijk|\bmoeite\b|\bsforzo|"
                             r"\bces\b", re.I)  # "CES score"
