"""The built-in answer wordings: each scale's range and the score of every answer word, in the languages
surveys and helpdesks write them (SCALES). Which one a file's answers are in is decided by uploads/scales.py;
a preset names them in its `word_scales` and `value_maps` (uploads/preset_format.py). Each wording names the
export or QA round it comes from.
"""

from __future__ import annotations

from typing import Any

# The customer-effort score's seven labels (ces7)
_CES_LABELS = ["Very difficult", "Difficult", "Somewhat difficult", "Neutral", "Somewhat easy", "Easy",
               "Very easy"]

# Each wording: min_score, max_score and value_map (answer word, casefolded -> score); and two flags:
# - "alternative": another wording places its words already ("Very satisfied" is 5 of csat5, 4 of csat5u): it is
#   chosen only when a column's answers show it (wordscales.word_scale_for), and a word alone is never placed by it
#   (scorecells.against_words);
# - "rules_out": False: its words, lacking from another wording, do not rule that one out (wordscales.SCALE_WORDS):
#   the helpdesks' everyday Great, Good, Okay, Bad (QA round 32a), and a one-sided wording's "Nada satisfecho" among
#   a bipolar survey's answers (QA round 46a);
# - "short_form": True: a wording with fewer points whose answers are also those of a longer one (csat4's of csat5):
#   chosen when they fill its points, and the mapping page names the longer reading (QA round 71a: a 5-point survey
#   whose month had no "Very good").
SCALES: dict[str, dict[str, Any]] = {
    # with the German, French and Spanish wordings SurveyMonkey and Google Forms surveys are written in
    "csat5": {"min_score": 1, "max_score": 5, "value_map": {
        "very satisfied": 5, "extremely satisfied": 5, "satisfied": 4, "somewhat satisfied": 4,
        "neither satisfied nor dissatisfied": 3, "neutral": 3, "somewhat dissatisfied": 2,
        "dissatisfied": 2, "very dissatisfied": 1, "extremely dissatisfied": 1,
        "unsatisfied": 2, "very unsatisfied": 1,
        # keys are case-folded: "Äußerst" is "äusserst"
        "sehr zufrieden": 5, "äusserst zufrieden": 5, "zufrieden": 4, "eher zufrieden": 4,
        "weder zufrieden noch unzufrieden": 3, "teils/teils": 3, "teils, teils": 3, "unzufrieden": 2,
        "eher unzufrieden": 2, "sehr unzufrieden": 1, "äusserst unzufrieden": 1,
        **{f"{very}{word}{end}": score for end in ("", "e") for very, word, score in (
            ("très ", "satisfait", 5), ("", "satisfait", 4), ("plutôt ", "satisfait", 4), ("plutôt ", "insatisfait", 2),
            ("", "insatisfait", 2), ("très ", "insatisfait", 1),
            ("pas ", "satisfait", 2), ("pas du tout ", "satisfait", 1))},  # a team survey's (QA round 52b)
        "ni satisfait ni insatisfait": 3, "ni satisfaite ni insatisfaite": 3,
        "algo satisfecho": 4, "algo satisfecha": 4, "algo insatisfecho": 2, "algo insatisfecha": 2,
        **{f"extremadamente {word}": score for word, score in (  # Qualtrics' Spanish wording (QA round 37b)
            ("satisfecho", 5), ("satisfecha", 5), ("insatisfecho", 1), ("insatisfecha", 1))},
        **{f"{very}{word}": score for very, high in (("muy ", 5), ("", 4)) for word, score in (
            ("satisfecho", high), ("satisfecha", high), ("satisfecho/a", high), ("satisfecho(a)", high))},
        **{f"ni {word} ni in{word}": 3 for word in ("satisfecho", "satisfecha", "satisfecho/a")},
        **{f"{very}in{word}": score for very, low in (("muy ", 1), ("", 2)) for word, score in (
            ("satisfecho", low), ("satisfecha", low), ("satisfecho/a", low), ("satisfecho(a)", low))},
        "zeer tevreden": 5, "heel tevreden": 5, "tevreden": 4, "neutraal": 3, "niet tevreden, niet ontevreden": 3,
        "ontevreden": 2, "zeer ontevreden": 1, "heel ontevreden": 1,
        **{f"{very}{word}{end}": score for end in ("o", "a") for very, word, score in (
            ("molto ", "soddisfatt", 5), ("", "soddisfatt", 4), ("", "insoddisfatt", 2),
            ("molto ", "insoddisfatt", 1))},
        "né soddisfatto né insoddisfatto": 3, "né soddisfatta né insoddisfatta": 3,
        **{f"{very}{word}{end}": score for end in ("y", "a") for very, word, score in (
            ("bardzo ", "zadowolon", 5), ("", "zadowolon", 4), ("raczej ", "zadowolon", 4),
            ("raczej ", "niezadowolon", 2), ("", "niezadowolon", 2), ("bardzo ", "niezadowolon", 1))},
        "ani zadowolony, ani niezadowolony": 3, "ani zadowolona, ani niezadowolona": 3,
        **{f"{very}{word}{end}": score for end in ("o", "a") for very, word, score in (
            ("muito ", "satisfeit", 5), ("", "satisfeit", 4), ("", "insatisfeit", 2), ("muito ", "insatisfeit", 1))},
        "nem satisfeito nem insatisfeito": 3, "nem satisfeita nem insatisfeita": 3,
        "neutre": 3, "neutro": 3, "neutrale": 3,
        # Swedish, Danish, Norwegian, Finnish, Turkish, Russian, Ukrainian, Hebrew, Korean, Chinese and Japanese
        # (Qualtrics') wordings, 5 .. 1 (QA round 37b). Not Japanese 満足 alone: 5 where やや満足 is 4
        **{word: 5 - index for words in (
            ("mycket nöjd", "nöjd", "varken nöjd eller missnöjd", "missnöjd", "mycket missnöjd"),
            ("meget tilfreds", "tilfreds", "hverken tilfreds eller utilfreds", "utilfreds", "meget utilfreds"),
            ("svært fornøyd", "fornøyd", "verken fornøyd eller misfornøyd", "misfornøyd", "svært misfornøyd"),
            ("erittäin tyytyväinen", "tyytyväinen", "ei tyytyväinen eikä tyytymätön", "tyytymätön",
             "erittäin tyytymätön"),
            ("çok memnunum", "memnunum", "kararsızım", "memnun değilim", "hiç memnun değilim"),
            ("çok memnun", "memnun", "ne memnun ne memnun değil", "memnun değil", "hiç memnun değil"),
            ("очень доволен", "доволен", "нейтрально", "недоволен", "очень недоволен"),
            ("дуже задоволений", "задоволений", "нейтрально", "незадоволений", "дуже незадоволений"),
            ("מרוצה מאוד", "מרוצה", "ניטרלי", "לא מרוצה", "בכלל לא מרוצה"),
            ("매우 만족", "만족", "보통", "불만족", "매우 불만족"),
            ("非常满意", "满意", "一般", "不满意", "非常不满意"),
            ("非常に満足", "満足", "どちらでもない", "不満", "非常に不満"))
           for index, word in enumerate(words)}}},
    # Qualtrics' 7-point wording and the Very/Somewhat one; chosen over csat5 by `word_scales`
    "csat7": {"min_score": 1, "max_score": 7, "value_map": {
        "extremely satisfied": 7, "very satisfied": 7, "moderately satisfied": 6, "satisfied": 6,
        "slightly satisfied": 5, "somewhat satisfied": 5, "neither satisfied nor dissatisfied": 4, "neutral": 4,
        "slightly dissatisfied": 3, "somewhat dissatisfied": 3, "moderately dissatisfied": 2, "dissatisfied": 2,
        "very dissatisfied": 1, "extremely dissatisfied": 1}},
    # SurveyMonkey's stock 5-point wording, one-sided (Extremely .. Not at all satisfied), and Qualtrics' (Extremely,
    # Very, Moderately, Slightly, Not at all): preferred to csat7v when the answers are Extremely and Very only (QA
    # rounds 45a, 45c: both had gone out as 5 of 5)
    "csat5u": {"alternative": True, "rules_out": False, "min_score": 1, "max_score": 5, "value_map": {
        "extremely satisfied": 5, "very satisfied": 4, "somewhat satisfied": 3, "moderately satisfied": 3,
        "not so satisfied": 2, "slightly satisfied": 2, "not at all satisfied": 1,
        # in a Spanish, German or French survey [unverified labels: QA round 46a]
        **{f"{degree}{word}": score for words, word in (
            (("extremadamente ", "muy ", "algo ", "no tan ", "nada "), "satisfecho"),
            (("äusserst ", "sehr ", "einigermassen ", "nicht so ", "überhaupt nicht "), "zufrieden"),
            (("extrêmement ", "très ", "assez ", "pas très ", "pas du tout "), "satisfait"))
           for degree, score in zip(words, (5, 4, 3, 2, 1), strict=True)}}},
    # A 7-point wording with both Extremely and Very (Freshdesk's and team surveys' in English, German, French,
    # Spanish): chosen over csat5 and csat7, which read Extremely and Very alike, when the answers hold both
    # (word_scale_for: it tells more of them apart; QA round 44c)
    "csat7v": {"alternative": True, "min_score": 1, "max_score": 7, "value_map": {
        **{f"{degree}{word}": score for (positive, negative), words in (
            (("satisfied", "dissatisfied"), ("extremely ", "very ", "")),
            (("zufrieden", "unzufrieden"), ("äusserst ", "sehr ", "")),
            (("satisfait", "insatisfait"), ("extrêmement ", "très ", "")),
            (("satisfecho", "insatisfecho"), ("extremadamente ", "muy ", "")))
           for word, scores in ((positive, (7, 6, 5)), (negative, (1, 2, 3)))
           for degree, score in zip(words, scores, strict=True)},
        "neither satisfied nor dissatisfied": 4, "neutral": 4, "neutre": 4, "neutro": 4,
        "weder zufrieden noch unzufrieden": 4}},
    # A 4-point wording without a middle (Very satisfied .. Very unsatisfied; French "plutôt"): chosen over
    # csat5 when its answers fill its four points and no middle answer is there (QA rounds 29a, 31a)
    "csat4": {"short_form": True, "min_score": 1, "max_score": 4, "value_map": {
        "very satisfied": 4, "satisfied": 3, "unsatisfied": 2, "very unsatisfied": 1, "très satisfait": 4,
        "plutôt satisfait": 3, "plutôt insatisfait": 2, "très insatisfait": 1,
        # French surveys' other 4-point wording (QA round 44c)
        **{f"{words}{end}": score for end in ("", "e") for words, score in (
            ("plutôt pas satisfait", 2), ("pas du tout satisfait", 1), ("tout à fait satisfait", 4))}}},
    # Japanese surveys' usual 5-point wording, whose 満足 is the best answer where 非常に満足 is absent (csat5's is
    # 4): chosen when やや満足 or やや不満 is answered (QA round 44c)
    "csat5ja": {"alternative": True, "min_score": 1, "max_score": 5, "value_map": {
        "満足": 5, "やや満足": 4, "どちらでもない": 3, "どちらともいえない": 3, "普通": 3, "やや不満": 2, "不満": 1}},
    "ces7": {"min_score": 1, "max_score": 7,
             "labels": {str(i): label for i, label in enumerate(_CES_LABELS, start=1)},
             "value_map": {label.casefold(): i for i, label in enumerate(_CES_LABELS, start=1)}},
    "yes_no": {"min_score": 0, "max_score": 1, "value_map": {"yes": 1, "no": 0, "y": 1, "n": 0, "true": 1,  # (see
                                                             # YES_NO_LANGUAGES)
                                                             "false": 0,
                                                             # German, Dutch, Nordic, French, Spanish, Italian,
                                                             # Portuguese, Polish (QA round 41b)
                                                             "ja": 1, "nein": 0, "nee": 0, "nej": 0, "oui": 1,
                                                             "non": 0, "sí": 1, "si": 1, "sì": 1, "sim": 1,
                                                             "não": 0, "nao": 0, "tak": 1, "nie": 0, "nei": 0}},
    # Zendesk's satisfaction values; a view's Satisfaction column also says "Good with comment", its API's
    # filters good_with_comment (a Japanese account: 良い, 悪い)
    "good_bad": {"min_score": 0, "max_score": 1, "value_map": {
        "good": 1, "bad": 0, **{f"{word}{space}{kind}{space}comment": score for word, score in (("good", 1), ("bad", 0))
                               for kind in ("with", "without") for space in (" ", "_")},
        "良い": 1, "悪い": 0, "gut": 1, "schlecht": 0, "bonne": 1, "mauvaise": 0,  # a Japanese, German, French account
        "buena": 1, "mala": 0,  # a Spanish one [unverified labels: QA round 37b]; not Bueno/Malo, 4 and 2 of excellent5
        # Portuguese, Dutch, Swedish, Turkish and Italian accounts' [unverified labels: QA round 55a]
        "boa": 1, "bom": 1, "ruim": 0, "goed": 1, "slecht": 0, "bra": 1, "dålig": 0, "iyi": 1, "kötü": 0, "buona": 1,
        "scarsa": 0, "dobra": 1, "zła": 0,
        # a German or French view's "Good with comment" [unverified labels: QA round 69a]
        **{f"{word} {kind} {noun}": score
           for word, score, noun in (("gut", 1, "kommentar"), ("schlecht", 0, "kommentar"), ("bonne", 1, "commentaire"),
                                     ("mauvaise", 0, "commentaire"))
           for kind in (("mit", "ohne") if noun == "kommentar" else ("avec", "sans"))},
        # the rating as the customer picks it ("Good, I'm satisfied"), in an account's language [unverified
        # labels: QA round 44c]
        **dict.fromkeys(["good, i'm satisfied", "good, i am satisfied", "gut, ich bin zufrieden",
                         "bon, je suis satisfait", "bonne, je suis satisfait", "buena, estoy satisfecho",
                         "bueno, estoy satisfecho", "boa, estou satisfeito", "bom, estou satisfeito",
                         "goed, ik ben tevreden", "buono, sono soddisfatto", "dobrze, jestem zadowolony",
                         "bra, jag är nöjd", "良い、満足しています", "iyi, memnunum"], 1),
        **dict.fromkeys(["bad, i'm unsatisfied", "bad, i am unsatisfied", "bad, i'm dissatisfied",
                         "schlecht, ich bin unzufrieden", "mauvais, je ne suis pas satisfait",
                         "mauvaise, je ne suis pas satisfait", "mala, no estoy satisfecho",
                         "malo, no estoy satisfecho", "ruim, não estou satisfeito", "slecht, ik ben ontevreden",
                         "slecht, ik ben niet tevreden", "scarso, non sono soddisfatto",
                         "scadente, non sono soddisfatto", "ruim, estou insatisfeito",
                         "cattivo, non sono soddisfatto", "źle, jestem niezadowolony", "dåligt, jag är missnöjd",
                         "悪い、満足していません", "kötü, memnun değilim"], 0),
        "reward": 1, "rebuke": 0,  # LiveAgent's ticket rating: Reward, Rebuke
        "\U0001f44d": 1, "\U0001f44e": 0}},  # thumbs up and down, a team sheet's (QA round 37c)
    # Help Scout's happiness ratings (Great, Okay, Not Good; Front's Bad) and Zoho Desk's (Good, Okay, Bad), on
    # 1..3 [unverified wordings: QA round 33a]; two scales, so that Great, Good and Bad are neither
    "great3": {"rules_out": False, "min_score": 1, "max_score": 3,
               "value_map": {"great": 3, "okay": 2, "not good": 1, "bad": 1}},
    "good3": {"rules_out": False, "min_score": 1, "max_score": 3, "value_map": {
        "good": 3, "okay": 2, "bad": 1,
        # Zoho Desk's German and French wordings (Gut, Mittel or Okay, Schlecht; Bon, Moyen, Mauvais: QA round 66b)
        "gut": 3, "mittel": 2, "schlecht": 1, "bon": 3, "moyen": 2, "mauvais": 1}},
    # Freshdesk's current survey as its reports word it (its codes 103 .. -103: EXPORT-FORMATS.md section 6)
    "happy7": {"min_score": 1, "max_score": 7, "value_map": {
        "extremely happy": 7, "very happy": 6, "happy": 5, "neutral": 4, "unhappy": 3, "very unhappy": 2,
        "extremely unhappy": 1}},
    # Freshdesk's 5-point survey (Very or Extremely at the ends): chosen over happy7 when the answers fill its five
    # points, and happy7 over it when they hold both Very and Extremely (wordscales.word_scale_for; QA round 44a)
    "happy5": {"alternative": True, "min_score": 1, "max_score": 5, "value_map": {
        "extremely happy": 5, "very happy": 5, "happy": 4, "neutral": 3, "unhappy": 2, "very unhappy": 1,
        "extremely unhappy": 1}},
    # Freshdesk's classic survey as its reports word it (shared/formats/EXPORT-FORMATS.md section 6: 1 Happy,
    # 2 Neutral, 3 Unhappy, lower is better), sent as its preset sends the codes: 3 Happy .. 1 Unhappy
    "happy3": {"min_score": 1, "max_score": 3, "value_map": {"happy": 3, "neutral": 2, "unhappy": 1, "awesome": 3,
                                                             "just okay": 2, "not good": 1}},
    "fin5": {"min_score": 1, "max_score": 5,
             "value_map": {"terrible": 1, "bad": 2, "ok": 3, "good": 4, "amazing": 5}},
    # Intercom's classic conversation rating as its reports word it (Fin says Good where it says Great): two
    # scales, so that a file answering both Great and Good is neither (QA round 34a)
    "intercom5": {"min_score": 1, "max_score": 5,
                  "value_map": {"terrible": 1, "bad": 2, "ok": 3, "great": 4, "amazing": 5,
                                # its emoji alone, as a BI tool shows the rating dimension (QA round 37a)
                                "\U0001f620": 1, "\U0001f641": 2, "\U0001f610": 3, "\U0001f603": 4, "\U0001f929": 5}},
    # Rating wordings of service quality: SurveyMonkey's Likert choices Excellent .. Poor, and the Excellent ..
    # Very poor and Very good .. Very poor of hotel and service surveys. They disagree on Good, Fair and Very good:
    # only answers one of them alone knows decide between them (wordscales.PEER_SCALES).
    "quality5": {"min_score": 1, "max_score": 5,
                 "value_map": {"excellent": 5, "very good": 4, "good": 3, "fair": 2, "poor": 1,
                               # Spanish (QA round 39a)
                               "excelente": 5, "muy bueno": 4, "muy buena": 4, "bueno": 3, "buena": 3, "regular": 2,
                               "malo": 1, "mala": 1}},
    "excellent5": {"min_score": 1, "max_score": 5,
                   "value_map": {"excellent": 5, "good": 4, "average": 3, "fair": 3, "poor": 2, "very poor": 1,
                                 "terrible": 1,  # Excellent, Good, Average, Poor, Terrible (QA round 71a)
                                 # Latin America's Excelente .. Pésimo (QA round 37b), Brazil's Excelente .. Péssimo
                                 "excelente": 5, "bueno": 4, "buena": 4, "regular": 3, "malo": 2, "mala": 2,
                                 "pésimo": 1, "pésima": 1, "bom": 4, "boa": 4, "ruim": 2, "péssimo": 1,
                                 "péssima": 1, "muy malo": 1, "muy mala": 1}},  # Excelente .. Muy mala (QA round 53b)
    "verygood5": {"min_score": 1, "max_score": 5,
                  "value_map": {"very good": 5, "good": 4, "average": 3, "poor": 2, "very poor": 1,
                                # German, French and Spanish (QA round 39a)
                                "sehr gut": 5, "gut": 4, "mittel": 3, "mittelmässig": 3, "schlecht": 2,
                                "sehr schlecht": 1,  # Mittelmäßig, case-folded (QA round 53b)
                                "très bien": 5, "bien": 4, "moyen": 3, "mauvais": 2, "très mauvais": 1,
                                "muy bueno": 5, "muy buena": 5, "bueno": 4, "buena": 4, "regular": 3, "malo": 2,
                                "mala": 2, "muy malo": 1, "muy mala": 1}},
    # their four- and three-point forms: Excellent, Good, Fair, Poor; Good, Average, Poor (QA round 38b), chosen when
    # the answers fill all their points (wordscales.word_scale_for), as csat4 is over csat5
    "excellent4": {"short_form": True, "min_score": 1, "max_score": 4,
                   "value_map": {"excellent": 4, "good": 3, "average": 2, "fair": 2, "poor": 1,
                                 "bon": 3, "moyen": 2, "mauvais": 1}},  # French Excellent/Bon/Moyen/Mauvais
    "quality3": {"short_form": True, "min_score": 1, "max_score": 3,
                 "value_map": {"good": 3, "average": 2, "fair": 2, "poor": 1}},
    # A 3-point satisfaction wording (Freshdesk's classic survey in its reports' other wordings, team surveys):
    # chosen over csat5 only when the answers fill its three points and hold no Very (QA round 44c: every happy
    # customer had gone out as 4 of 5)
    "csat3": {"alternative": True, "short_form": True, "min_score": 1, "max_score": 3, "value_map": {
        **{word: score for words in (
            ("satisfied", "neutral", "dissatisfied"), ("satisfied", "neutral", "unsatisfied"),
            ("zufrieden", "neutral", "unzufrieden"), ("satisfait", "neutre", "insatisfait"),
            ("satisfecho", "neutral", "insatisfecho"), ("satisfeito", "neutro", "insatisfeito"),
            ("tevreden", "neutraal", "ontevreden"), ("soddisfatto", "neutrale", "insoddisfatto"))
           for word, score in zip(words, (3, 2, 1), strict=True)}}},
}


# The scales a column of words is tried on when no preset names its words (autodetect, and a preset's value
# map that misses some of them: wordscales.decide_word_scale), in order of preference on a tie
AUTO_SCALES = ["csat5", "csat7", "csat5u", "csat7v", "csat4", "good_bad", "great3", "good3", "happy3", "happy7",
               "happy5", "fin5", "intercom5", "quality5", "excellent5", "verygood5", "excellent4", "quality3", "csat3",
               "csat5ja", "yes_no"]


# TRUE and FALSE as a localised Excel writes a boolean cell into a CSV (WAHR, VRAI, VERDADERO, PRAWDA...), case-folded:
# Medallia's `comments` flag re-saved by a French Excel is no comment (QA round 60a)
SPREADSHEET_BOOLEANS = frozenset({
    "true", "false", "wahr", "falsch", "vrai", "faux", "verdadero", "falso", "vero", "verdadeiro", "waar", "onwaar",
    "prawda", "fałsz", "sant", "falskt", "sand", "falsk", "sann", "usann", "tosi", "epätosi", "pravda", "nepravda",
    "doğru", "yanlış", "igaz", "hamis", "истина", "ложь"})


# The yes/no words of SCALES["yes_no"] by language (TRUE and FALSE, a spreadsheet's, go with any): answers mixing
# them ("Tak", "Ja", "Si" to "Your first name") are no yes/no answers (QA round 42a)
YES_NO_LANGUAGES = ({"yes", "no", "y", "n"}, {"ja", "nein"}, {"ja", "nee"}, {"ja", "nej"}, {"ja", "nei"},
                    {"oui", "non"}, {"sí", "si", "sì", "no"}, {"sim", "não", "nao"}, {"tak", "nie"})


def one_language(words: set[str]) -> bool:
    """True when the yes/no answer words `words` (case-folded) are of one language (YES_NO_LANGUAGES)."""
    words = words - {"true", "false"}
    return any(words <= language for language in YES_NO_LANGUAGES)


# A score column's words for a survey sent but not answered (Zendesk: shared/formats/EXPORT-FORMATS.md
# section 1): rows to skip, with the reason, when the column's other words are a known scale (autodetect), or where a
# preset's skip_values name them ("unanswered": the Zendesk presets; preset_format).
UNANSWERED = {"offered": "survey not answered (not a rating)", "unoffered": "survey not answered (not a rating)",
              "not offered": "survey not offered (not a rating)",
              "提供済み": "survey not answered (not a rating)", "未提供": "survey not offered (not a rating)",
              "提示済み": "survey not answered (not a rating)", "未提示": "survey not offered (not a rating)",
              "angeboten": "survey not answered (not a rating)", "nicht angeboten": "survey not offered (not a rating)",
              "proposée": "survey not answered (not a rating)", "non proposée": "survey not offered (not a rating)",
              # a Spanish and a Japanese account's words [unverified labels: QA round 37b]
              **dict.fromkeys(["ofrecida", "ofrecido", "オファー済み"], "survey not answered (not a rating)"),
              **dict.fromkeys(["no ofrecida", "no ofrecido"], "survey not offered (not a rating)"),
              # Portuguese, Dutch, Italian, Polish, Swedish, Turkish [unverified labels: QA round 44c]
              **dict.fromkeys(["oferecida", "oferecido", "aangeboden", "offerto", "offerta", "zaoferowano",
                               "zaoferowana",
                               "erbjuden", "erbjudet", "teklif edildi"], "survey not answered (not a rating)"),
              **dict.fromkeys(["não oferecida", "não oferecido", "niet aangeboden", "non offerto", "non offerta",
                               "nie zaoferowano", "inte erbjuden", "teklif edilmedi"],
                              "survey not offered (not a rating)")}
