"""Which legacy code page a text file is in (uploads/codepages.py): each language its Excel writes, and the
Western files that must stay cp1252."""

import pytest

from uploads import codepages, parsing, textfiles


@pytest.mark.parametrize(("text", "codec"), [
    ("It´s fixed now, thanks", "cp1252"),  # ´ typed as an apostrophe: Western, not Cyrillic
    ("Dziękuję, świetna obsługa", "cp1250"),  # cp1252 would put ³ inside "obs³uga"
    ("Çok teşekkürler, sorun çözüldü", "cp1254"),  # charset-normalizer alone: "teţekkürler" (cp1250)
    ("Ayşe Yılmaz çok yardımcı oldu", "cp1254"),  # charset-normalizer alone: "Y˝lmaz" (Mac Roman)
    ("Hızlı ve güler yüzlü", "cp1254"),
    ("Šťastný zákazník, děkuji", "cp1250"),
    ("Nagyon köszönöm, gyors és segítőkész.", "cp1250"),  # cp1252: "segítõkész"
    ("C'est sûr, merci beaucoup", "cp1252"),  # û alone, no ö or ü: not Hungarian
    ("Jürgen Müller: resolveu minhas questões rápido", "cp1252"),  # Portuguese õe, not Hungarian ő
    ("Réponse sûre de Jürgen, merci", "cp1252"),  # French û beside a German ü: not Hungarian ű
    ("Köszönöm, Szűcs Anna gyorsan segített", "cp1250"),  # ű without ő (review 31)
    ("Köszönöm, nem működött a link", "cp1250"),  # "mű" is no French "mûr" (QA round 32a)
    ("Teşekkürler René, çok hızlı çözüldü", "cp1254"),  # a Turkish sheet with one Western name
    ("Köszönöm, „nagyon segítőkész” volt", "cp1250"),  # Hungarian quotation marks
    ("Děkuji, vše vyřešeno rychle.", "cp1250"),  # cp1252: "Dìkuji, vše vyøešeno" (QA round 33b)
    ("Čakal sem predolgo, zelo počasen odziv", "cp1250"),  # Slovenian; cp1252: "Èakal", "poèasen"
    ("Am aşteptat prea mult, mulţumesc", "cp1250"),  # Romanian; cp1252: "aºteptat", "mulþumesc"
    ("Così così, però gentili", "cp1252"),  # Italian ì and ò end words: no Czech ě, ň
    ("Très bien, problème résolu à temps", "cp1252"),  # French è before a consonant: no Slovenian č
    ("Søren hjalp på kort tid, tak", "cp1252"),  # Danish ø beside å: no Czech ř
    ("Veldig fornøyd, særdeles hyggelig", "cp1252"),  # Norwegian ø without å (QA round 34a)
    ("Sören and Bjørn fixed it", "cp1252"),
    ("Une nouvelle ère, très bien, problème réglé", "cp1252"),  # French è starting a word
    ("Foarte bună, rapid şi eficient", "cp1250"),  # Romanian "şi" alone
    ("Pedido nº 4821 resuelto", "cp1252"),  # Spanish º after a letter: no Romanian ş (QA round 35a)
    ("Não resolveram, pedido nº 4821", "cp1252"),
    ("Veldig fornøyd, takk til Loïc!", "cp1252"),  # Norwegian ø and a French name's ï: no Czech ř and ď
    ("Muito obrigado, não demorou nada", "cp1252"),  # Portuguese ã: no Romanian ă
    # Excel's "CSV (MS-DOS)" (QA round 40b): Nordic and Spanish letters, French "à", a "?" for a letter cp850 lacks
    ("Søren Müller: très rapide, à bientôt", "cp850"), ("Åse Weiß, Ji?í Dvo?ák, señora Pérez", "cp850"),
    ("Atención rápida, señor Pérez", "cp850"),  # QA round 42a
    ("Todo llegó rápido, está bien", "cp850"), ("¿Cuándo llega? ¡Gracias! Nº 12", "cp850"),  # QA round 43b
    ("Merci à MacÉire, très bien", "cp1252"), ("Gracias a MiguelÁngel, señora", "cp1252"),  # names (QA round 43b)
    ("Café", "cp850"), ("Merci, très bien", "cp850"), ("Un vrai maître", "cp850"),  # cp1252: "Caf‚", "trŠs" (57b)
    ("N° 12, très rapide", "cp850"),  # a French header's N° (QA round 59b: read as Mac Roman)
    ("Czech Šárka and Škoda", "cp1252"), ("„Gut“, sagte er, ‚ganz gut‘", "cp1252"),
    ("Ačiū, puikus aptarnavimas. Labai ačiū! Žavu.", "cp1257"),  # Lithuanian; alone: cp1250 "Ačiű" (QA round 65b)
    ("Paldies, ļoti laba apkalpošana; Ģimenei patika", "cp1257"),  # Latvian; alone: cp1258
])
def test_it_reads_a_short_legacy_file_in_its_own_code_page(text: str, codec: str) -> None:
    data = f"ticket_id,comment\n1,{text}\n".encode(codec)
    assert codepages.guess(data) == codec
    assert textfiles._decode(data, None) == (f"ticket_id,comment\n1,{text}\n", codec)


@pytest.mark.parametrize(("text", "codec", "zone"), [
    ("תודה", "cp1255", "Asia/Jerusalem"),  # charset-normalizer alone: "ъегд" (cp1251)
    ("Ευχαριστώ", "cp1253", "Europe/Athens"),
    ("شكرا", "cp1256", "Asia/Riyadh"),  # alone: Mac Roman
    ("Dziękuję, szybka obsługa", "cp1250", "Europe/Warsaw"),  # alone: cp1252 "obs³uga"
    ("謝謝，很滿意", "cp950", "Asia/Taipei"),  # alone: cp932
    ("谢谢\n48215,很好", "gb18030", "Asia/Shanghai"),  # 谢谢's bytes pass as UTF-8: refused as mixed
])
def test_a_short_file_is_read_in_the_code_page_of_the_chosen_zone(text, codec, zone) -> None:
    """QA round 37b: a few words are too few for charset-normalizer; the upload's time zone tells the country."""
    data = f"ticket_id,comment\n48213,{text}\n48214,ok\n".encode(codec)
    assert textfiles._decode(data, None, zone) == (data.decode(codec), codec)


@pytest.mark.parametrize(("text", "zone"), [
    ("Très rapide, problème résolu. À recommander", "Europe/Prague"), ("Atención rápida, señor Pérez", "Europe/Sofia"),
    ("Café order fixed – thanks, naïve question", "Asia/Jerusalem"), ("Très bien", "Europe/Paris")])
def test_a_western_file_stays_cp1252_in_any_zone(text, zone) -> None:
    """QA round 38b: a Western colleague's short file sent to a Prague, Sofia or Tel Aviv hub was garbled."""
    data = f"ticket_id,comment\n48213,{text}\n".encode("cp1252")
    assert textfiles._decode(data, None, zone) == (data.decode("cp1252"), "cp1252")


def test_a_zone_names_no_code_page_for_a_long_file() -> None:
    assert codepages.zone_page(("é" * 120).encode("cp1252"), "Europe/Warsaw") is None


def test_a_code_page_only_statistics_chose_is_said_and_one_a_rule_chose_is_not() -> None:
    """QA round 62b: a short KOI8-R file was read as cp932 and its mojibake sent without a word."""
    koi8 = "ticket_id,comment\n1,Спасибо, всё отлично\n2,Быстро\n".encode("koi8_r")
    guessed = textfiles.read_text(koi8, "ru.csv", None, None, 1000, parsing.Limits())
    assert guessed.guessed and codepages.by_rules(koi8) is None
    western = "ticket_id,comment\n1,Très bien\n".encode("cp1252")
    assert not textfiles.read_text(western, "fr.csv", None, None, 1000, parsing.Limits()).guessed
    notices = parsing.parse_file(koi8, "ru.csv").notices
    assert notices[-1].startswith(f"The file's letters were read as {guessed.encoding}, a guess from the text itself")
