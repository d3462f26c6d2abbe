"""Which legacy code page a text file without a byte order mark is in, when it is no UTF-8 (textfiles'
encoding half): Excel's "CSV" save writes the Windows code page of the computer's language.

`guess` tries cp1252 (Excel's Western "CSV") first, as charset-normalizer alone calls short French or
Portuguese files cp1250 (B09: shared/cases/README.md), and recognises by their letters the code pages it
misreads: Mac Roman, Japanese cp932, German MS-DOS cp850, Turkish cp1254, Hungarian, Czech, Slovenian,
Croatian and Romanian cp1250, Lithuanian and Latvian cp1257. Each rule names the QA round or case behind it.
`lost_letters` finds the "?" a code page leaves where it had no letter.
"""

from __future__ import annotations

import re

import charset_normalizer

from uploads import parsing

# What Excel's "CSV" save writes outside Western Europe (Windows ANSI code pages), plus Mac Roman.
_LEGACY_CODECS = (
    "cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 cp932 cp936 cp949 cp950 mac_roman"
)
# A symbol inside a word (Polish cp1250 read as cp1252: "Za¿ó³æ"; not ´, which Western keyboards type as
# an apostrophe: "It´s", nor º and ª of Spanish and Portuguese: "nºA123", nor °, the same byte in the
# Central European code page: "Größe°C"; a closing double quote between letters is German Excel's "CSV (MS-DOS)", cp850,
# read as cp1252: "Gr”áe"): a sign of the wrong code page.
_LETTER = r"[^\W\d_]"
_SYMBOL_IN_WORD = (r"[\u00a1-\u00a9\u00ab\u00ac\u00ae\u00af\u00b1-\u00b3\u00b6\u00b8\u00b9\u00bb-\u00bf\u00d7\u00f7"
                   r"\u0192\u02c6\u02dc\u201a\u201d\u201e\u2020\u2021\u2022\u2030\u2039\u203a\u20ac\u2122]"
                   rf"(?<={_LETTER}.)(?={_LETTER})")
# Signs that cp1252 is the wrong reading: a symbol inside a word, runs of accented letters
# (Cyrillic/Greek/Hebrew read as Latin) or letters only Icelandic and Turkish-as-cp1252 show.
_MOJIBAKE = re.compile(
    _SYMBOL_IN_WORD
    # a sign ending a word, or a no-break space between a letter and a space: cp850's ó, á, ú, ñ, º, ¿, ¡ read as
    # cp1252 ("lleg¢", "Est\xa0 bien", "N§": QA round 43b)
    + rf"|(?<={_LETTER})[\u00a2-\u00a8\u00ad](?!{_LETTER})|(?<={_LETTER})\u00a0 "
    # cp850's é after a letter ("Caf‚"), its è, î, Ä inside a small word ("trŠs", "maŒtre": QA round 57b)
    + rf"|(?<={_LETTER})\u201a|(?<=[a-z\u00df-\u00ff])[\u0152\u0160\u0178\u017d](?=[a-z\u00df-\u00ff])"
    + r"|[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]{3,}"
    + r"|[\u00d0\u00dd\u00de\u00f0\u00fd\u00fe]"
)
_GARBLED = re.compile(_SYMBOL_IN_WORD)


# The Windows code page of a time zone's country: a short legacy file (fewer than HINT_BYTES bytes above ASCII) is
# read in the chosen zone's when that reads it as letters, as charset-normalizer guesses at random on a few
# words ("תודה" read as cp1251 "ъегд": QA round 37b)
ZONE_CODEPAGES = {
    **dict.fromkeys(["Europe/Warsaw", "Europe/Prague", "Europe/Budapest", "Europe/Bratislava", "Europe/Ljubljana",
                     "Europe/Zagreb", "Europe/Bucharest"], "cp1250"),
    **dict.fromkeys(["Europe/Moscow", "Europe/Kyiv", "Europe/Kiev", "Europe/Minsk", "Europe/Sofia", "Europe/Belgrade",
                     "Asia/Almaty"], "cp1251"),
    **dict.fromkeys(["Europe/Athens", "Asia/Nicosia"], "cp1253"), "Europe/Istanbul": "cp1254",
    **dict.fromkeys(["Asia/Jerusalem", "Asia/Tel_Aviv"], "cp1255"),
    **dict.fromkeys(["Asia/Riyadh", "Asia/Dubai", "Africa/Cairo", "Asia/Baghdad", "Asia/Kuwait", "Asia/Qatar",
                     "Asia/Bahrain", "Asia/Amman", "Asia/Beirut", "Asia/Muscat", "Africa/Algiers", "Africa/Tunis",
                     "Africa/Casablanca", "Asia/Tehran", "Asia/Karachi"], "cp1256"),
    **dict.fromkeys(["Europe/Vilnius", "Europe/Riga", "Europe/Tallinn"], "cp1257"),
    "Asia/Ho_Chi_Minh": "cp1258", "Asia/Bangkok": "cp874", "Asia/Tokyo": "cp932", "Asia/Seoul": "cp949",
    **dict.fromkeys(["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi"], "gb18030"),
    **dict.fromkeys(["Asia/Taipei", "Asia/Hong_Kong", "Asia/Macau"], "cp950"),
}
HINT_BYTES = 100


def _reads_as_western(data: bytes) -> bool:
    """True when cp1252 reads `data` without mojibake: a Western colleague's file stays Western whatever the zone
    (QA round 38b: French read as cp1250 in Prague, "Trčs rapide")."""
    try:
        return not _MOJIBAKE.search(data.decode("cp1252"))
    except UnicodeDecodeError:
        return False


def zone_page(data: bytes, zone: str | None) -> str | None:
    """The code page of ZONE_CODEPAGES for `zone` (the upload's chosen time zone) when `data`, no UTF-8, is short
    and reads in it as text (no control character, no symbol inside a word, some letter above ASCII) while cp1252
    does not (_reads_as_western); else None:
    guess then decides. A few words of GB18030 may pass as UTF-8 on one line and not the next (QA round 37b)."""
    page = ZONE_CODEPAGES.get(zone or "")
    if page is None or sum(byte > 127 for byte in data) >= HINT_BYTES or _reads_as_western(data):
        return None
    try:
        text = data.decode(page)
    except UnicodeDecodeError:
        return None
    odd = re.search("[\x80-\x9f\ufffd]", text) or _GARBLED.search(text)
    return page if not odd and any(char.isalpha() and not char.isascii() for char in text) else None


def guess(data: bytes) -> str:
    """cp1252 (Excel's Western "CSV") unless it reads as mojibake; else charset-normalizer's first guess
    other than cp1252 that puts no symbol inside a word (else its first other than cp1252).

    charset-normalizer alone calls short French or Portuguese cp1252 files cp1250
    ("Très" becomes "Tčs"), hence cp1252 first (B09: shared/cases/README.md). Lines ended
    by CR alone are Excel for Mac's "CSV (Macintosh)", which is written in Mac Roman
    (cp1252 would read its "Café" as "CafŽ" without an error). A Japanese Excel's CSV (cp932, Shift-JIS)
    is recognised by its kana (charset-normalizer reads short ones as Korean cp949: QA round 24b), a
    German Excel's MS-DOS CSV (cp850) by its umlauts, a Turkish Excel's CSV (cp1254) by its ğ, ı and ş, a
    Hungarian one (cp1250) by its ő or ű beside ö or ü (cp1252 reads "segítőkész" as "segítõkész"), a
    Czech, Slovenian, Croatian or Romanian one (cp1250) by _reads_as_central_european.
    """
    return by_rules(data) or _statistical_guess(data)


def by_rules(data: bytes) -> str | None:
    """The code page one of guess's rules gives (a known spreadsheet program's save); None when only
    charset-normalizer's statistics are left, which a short Cyrillic or Polish file may fool (QA round 62b: KOI8-R
    read as cp932): read_text then says the letters were guessed."""
    if b"\r" in data and b"\r\n" not in data and data.count(b"\r") > data.count(b"\n"):  # LF in cells (QA 61a)
        return "mac_roman"
    if _reads_as_hungarian(data) or _reads_as_central_european(data):
        return "cp1250"
    try:
        if not _MOJIBAKE.search(data.decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    if _reads_as_japanese(data):
        return "cp932"
    if _reads_as_cp850(data):
        return "cp850"
    if _reads_as_turkish(data):
        return "cp1254"
    if _reads_as_baltic(data):
        return "cp1257"
    return None


def _statistical_guess(data: bytes) -> str:
    matches = [match for match in charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_CODECS.split())
               if match.encoding != "cp1252"]
    if not matches:
        raise parsing.ParseError(f"The file's text encoding could not be determined. {parsing.SAVE_AS_UTF8}")
    return next((match.encoding for match in matches if not _GARBLED.search(str(match))), matches[0].encoding)


# The Western European letters of cp850 (German, French, Nordic, Spanish, Portuguese, and Turkish ı: QA round
# 40b, "Søren" and "Yılmaz" in a German Excel's MS-DOS CSV)
_CP850_LOWER = "äöüßéèàâêîôûçëïáíóúñãõøåæìòùÿı"
_CP850_UPPER = "ÄÖÜÉÇÀÈÁÍÓÚÑÃÕØÅÆÂÊÎÔÛ"
_CP850_LETTERS = frozenset(_CP850_LOWER + _CP850_UPPER)
# cp850 letters where these languages have none: a capital inside a word ("RÄponse": Mac Roman's é), a letter
# alone or before a capital ("û", "ôHelpfulö": cp1252's dashes and quotes); not French and Portuguese "à" and
# "é", nor a letter beside a "?" that stands for a letter cp850 lacks ("Ji?í": QA round 40b)
_ALONE = _CP850_LOWER.replace("à", "").replace("é", "")
_NOT_GERMAN = re.compile(rf"(?<=[^\W\d_])[{_CP850_UPPER}](?=[a-z{_CP850_LOWER}])|"
                         rf"(?<![^\W\d_])(?<!\?)[{_ALONE}](?![^\W\d_]|\?)|[{_CP850_LOWER}](?=[A-Z{_CP850_UPPER}])")


def _reads_as_cp850(data: bytes) -> bool:
    """True when `data` read as cp850 is Western European text: every non-ASCII character a letter of
    _CP850_LETTERS, some of them small, none where those languages have none (_NOT_GERMAN; QA round 42a:
    Spanish read as cp932, Portuguese as cp1255). German Excel's
    "CSV (MS-DOS)": QA round 25c, "Größe" read as cp1252 is "Gr”áe", as Mac Roman "Grîáe"."""
    text = data.decode("cp850")
    wide = {char for char in text if char > "\x7f"}
    return (wide <= _CP850_LETTERS | set("¿¡ºª°") and bool(wide & set(_CP850_LOWER))  # Spanish ¿ ¡, nº, N° (43b, 59b)
            and not _NOT_GERMAN.search(text))


_TURKISH_LETTERS = frozenset("çÇöÖüÜğĞıİşŞâÂîÎûÛ")
_TYPOGRAPHY = frozenset("€‘’“”„«»–—…°\xa0")


def _reads_as_turkish(data: bytes) -> bool:
    """True when `data` read as cp1254 is Turkish text: every non-ASCII character a Turkish letter or
    Excel's typography (or é, a "Café" or a "René" among them: QA round 29a), one of them ğ, ı, ş, İ,
    Ş or Ğ. charset-normalizer reads short Turkish files as cp1250 ("teţekkürler") or Mac Roman
    ("Y˝lmaz"): QA round 28a."""
    text = data.decode("cp1254", errors="replace")
    wide = {char for char in text if char > "\x7f"}
    return wide <= _TURKISH_LETTERS | _TYPOGRAPHY | set("éÉ") and bool(wide & set("ğĞıİşŞ"))


_HUNGARIAN_LETTERS = frozenset("áéíóöőúüűÁÉÍÓÖŐÚÜŰ")
_PORTUGUESE_OE = re.compile("[őŐ][eE]")  # cp1252's õe (questões) read as cp1250
# cp1252's û of French words (sûr, dû, mûr, goût, août, coût, brûlé, flûte, bûche, jeûne, piqûre, croûte, voûte)
# read as cp1250's ű; whole words, as Hungarian writes "működik" and "sűrű" (QA round 32a)
_FRENCH_U = re.compile(r"(?i)\b(?:sűre?s?|sűrement|dű|műre?s?)\b|"
                       r"(?:goűt|aoűt|coűt|brűl|flűt|bűch|jeűn|piqűr|croűt|voűt)")


def _reads_as_hungarian(data: bytes) -> bool:
    """True when `data` read as cp1250 is Hungarian text: every non-ASCII character a Hungarian letter or
    Excel's typography, with ő or ű (which cp1252 reads as õ and û, without an error; ű not in a
    French word's û: a Swiss "Réponse sûre" beside a German "Müller", QA round 29a; "Szűcs": review
    31) and ö or ü, and no ő before an e, Portuguese's "questões" with a German name (review 29c)."""
    try:
        text = data.decode("cp1250")
    except UnicodeDecodeError:
        return False
    wide = {char for char in text if char > "\x7f"}
    double_acute = bool(wide & set("őŐ")) or bool(wide & set("űŰ")) and not _FRENCH_U.search(text)
    return (wide <= _HUNGARIAN_LETTERS | _TYPOGRAPHY and double_acute and bool(wide & set("öüÖÜ"))
            and not _PORTUGUESE_OE.search(text))


# Letters of Czech, Slovenian and Croatian, and of Romanian, as cp1250 has them
_CZECH_LETTERS = frozenset("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽćđĆĐ")
_ROMANIAN_LETTERS = frozenset("ăâîşţĂÂÎŞŢ")
# What only cp1250 text reads this way: č before a vowel (Czech "čekání", Slovenian "Čakal", "počasen";
# cp1252's è, which French and Italian write before a consonant or at a word's end: "très", "ère", "è"),
# or two of ě, ř, ů inside words (Czech "Děkuji, vyřešeno"; cp1252's ì, ø, ù: Italian writes them at a
# word's end, Norwegian and Danish write ø alone: "fornøyd", QA round 34a; not ň and ď, cp1252's ò and ï
# of "Loïc", QA round 35a)
_CZECH_C = re.compile(r"[čČ](?=[aeiouyáéíóúůýAEIOUY])")
_CZECH_INSIDE = re.compile(r"([ěřůĚŘŮ])(?=[^\W\d_])")
# ş or ţ before a small letter (Romanian "aşteptat", "şi"; cp1252's º and þ: never Spanish "nº 4821", "nºA1")
_ROMANIAN_SIGN = re.compile(r"[şţŞŢ](?=[a-zăâî])")


def _reads_as_central_european(data: bytes) -> bool:
    """True when `data` read as cp1250 is Czech, Slovenian, Croatian or Romanian text: every non-ASCII
    character one of its letters or Excel's typography, with a letter where cp1252's reading would put a
    Western one no Western word has there (_CZECH_C, _CZECH_INSIDE, _ROMANIAN_SIGN). cp1252 reads a Czech
    Excel's "Děkuji, vše vyřešeno" as "Dìkuji, vše vyøešeno" without an error (QA round 33b)."""
    try:
        text = data.decode("cp1250")
    except UnicodeDecodeError:
        return False
    wide = {char for char in text if char > "\x7f"}
    czech = bool(_CZECH_C.search(text)) or len({found.casefold() for found in _CZECH_INSIDE.findall(text)}) >= 2
    return (wide <= _CZECH_LETTERS | _TYPOGRAPHY and czech
            or wide <= _ROMANIAN_LETTERS | _TYPOGRAPHY and bool(_ROMANIAN_SIGN.search(text)))


# Lithuanian, Latvian and Estonian letters as cp1257 has them, and those only Lithuanian and Latvian write
_BALTIC_LETTERS = frozenset("ąčęėįšųūžĄČĘĖĮŠŲŪŽāēģīķļņōŗĀĒĢĪĶĻŅŌŖõäöüÕÄÖÜéÉ")
_BALTIC_SIGNS = frozenset("ėįųūĖĮŲŪāēīģķļņĀĒĪĢĶĻŅ")


def _reads_as_baltic(data: bytes) -> bool:
    """True when `data` read as cp1257 (a Lithuanian or Latvian Excel's CSV) is Baltic text: every non-ASCII
    character one of its letters or Excel's typography, one of them a letter only those languages write (ū, ė, ā,
    ģ...). charset-normalizer calls such a file cp1250 ("Ačiű", "Ţavu") or cp1258 as readily (QA round 65b);
    tried after cp1252, whose letters share these bytes."""
    try:
        text = data.decode("cp1257")
    except UnicodeDecodeError:
        return False
    wide = {char for char in text if char > "\x7f"}
    return wide <= _BALTIC_LETTERS | _TYPOGRAPHY and bool(wide & _BALTIC_SIGNS)


def _reads_as_japanese(data: bytes) -> bool:
    """True when `data` decodes as cp932 and at least a fifth of its non-ASCII characters are hiragana
    or katakana, as in any Japanese text (Korean or Chinese bytes read as cp932 give half-width
    katakana and kanji, or fail)."""
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if char > "\x7f"]
    return len(wide) >= 4 and 5 * sum(1 for char in wide if "\u3040" <= char <= "\u30ff") >= len(wide)


# A letter a legacy code page could not write, which Excel's "CSV (Comma delimited)" saves as "?": inside a word
# before a small letter ("Dzi?kuj?"; not "Reçu?Merci"), starting one ("?ucja"), or whole words of them
# ("????????? ????,": Cyrillic or Greek); not "What???" (QA rounds 40b, 42a, 42b)
_SMALL = r"(?![A-Z\u00c0-\u00de])[^\W\d_]"
_LOST_WORDS = r"(?<![^\s\"'(,;])\?{2,}[,.;:!]?\s+\?{2,}(?![^\s,.;:!\"')])"
# An emoji the code page lacks opening a short cell: Intercom's "🤩 Amazing" saved as "? Amazing" (QA round 76b);
# not a customer's "? no idea what happened" (QA round 77a)
_LOST_EMOJI = r"(?<![^,;\t\"])\? [^\W\d_]+(?: [^\W\d_]+)?(?=[,;\t\"]|\r?$)"
_LOST_LETTER = re.compile(rf"[^\W\d_]\?+{_SMALL}|(?<![^\s\"'(,;])\?{_SMALL}{{2,}}|{_LOST_WORDS}|{_LOST_EMOJI}")
_LOST_SCRIPT = re.compile(f"{_LOST_WORDS}|{_LOST_EMOJI}")  # in a pure-ASCII file, only whole words ("Fixed?yes" is
# English: QA 43b) and emoji
LOST_LINES = 2  # lines with such a "?" before a notice: one "ok?yes" is a typing slip
_WORD_EDGE = ' \t\r,;"'


def lost_letters(text: str) -> list[tuple[int, str]]:
    """(line number, word) of each line of `text` with a "?" where a letter or an emoji was (_LOST_LETTER; in a
    pure-ASCII text only whole words of them and emoji, _LOST_SCRIPT), but not in a link or a query ("page?id=5");
    none when fewer than LOST_LINES lines have one."""
    out, pattern = [], _LOST_SCRIPT if text.isascii() else _LOST_LETTER
    for number, line in enumerate(text.split("\n"), 1):
        for found in pattern.finditer(line) if "?" in line else ():
            start, end = found.start(), found.end()
            while start and line[start - 1] not in _WORD_EDGE:
                start -= 1
            while end < len(line) and line[end] not in _WORD_EDGE:
                end += 1
            if not any(mark in line[start:end] for mark in "/=&"):
                out.append((number, line[start:end]))
                break
    return out if len(out) >= LOST_LINES else []
