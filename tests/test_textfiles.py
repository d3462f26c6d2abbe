"""uploads.textfiles: pandas' C tokenizer gives exactly csv.reader's records, or steps aside.

`c_records` is the fast reader and `csv_records` the reference: on every text
file we have (shared samples, cases, csv-spectrum, our vendor fixtures) and on a
seeded set of generated snippets full of quotes, delimiters and line breaks,
either `c_records` declines (None) or both give the same numbers and cells (a
short record padded with "" by the C reader, as parse_file pads every row).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from uploads import delimiters, parsing, textfiles

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXT_FILES = sorted(
    [*SHARED.glob("samples/*.csv"), *SHARED.glob("cases/*.csv"), *SHARED.glob("peer/csv-spectrum/csvs/*.csv"),
     *(Path(__file__).parent / "files").glob("*.csv"), *(Path(__file__).parent / "files").glob("*.tsv")]
)
LIMITS = parsing.Limits()


def both(text: str, delimiter: str):
    """(c_records, csv_records with each record padded to the C reader's width), or (None, None)."""
    fast = textfiles.c_records(text, delimiter)
    if fast is None:
        return None, None
    numbers, rows = textfiles.csv_records(text, delimiter, 10**9, LIMITS)
    width = max(map(len, fast[1]), default=0)
    return fast, (numbers, [row + [""] * (width - len(row)) for row in rows])


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda path: path.name)
def test_it_reads_every_text_file_as_csv_reader_does(path):
    try:
        text, _ = textfiles._decode(path.read_bytes(), None)
    except parsing.ParseError:
        pytest.skip("the reader refuses this file's encoding")
    text, declared = delimiters.split_sep_line(text)
    delimiter = declared or delimiters.detect(text)

    fast, reference = both(text, delimiter)

    assert fast == reference


def test_it_reads_generated_quoting_puzzles_as_csv_reader_does():
    pieces = ["a", "b7", ",", ";", '"', '""', "\n", "\r", "\r\n", " ", "é", "\t"]
    generator = random.Random(20261130)
    compared = 0
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 30)))
        fast, reference = both(text, generator.choice(",;"))
        compared += fast is not None
        assert fast == reference, repr(text)
    assert compared > 5_000


@pytest.mark.parametrize(("text", "why"), [
    ("a,b\n1,2,3\n", "a record longer than the first"),
    ('a,b\n"open,2\n3,4\n', "a quote never closed"),
    ("a,b\n1,\x002\n", "a NUL"),
    ("\ufeffa,b\n1,2\n", "a second byte-order mark (csv keeps it in the first cell)"),
    ("", "no text"),
])
def test_it_leaves_to_csv_reader_what_the_c_tokenizer_reads_otherwise(text, why):
    assert textfiles.c_records(text, ",") is None, why


def test_it_numbers_records_not_lines_and_drops_blank_ones():
    text = 'ticket_id,comment\n\nT-1,"two\nlines"\n  ,  \nT-2,ok\n'

    assert textfiles.c_records(text, ",") == (
        [1, 3, 5], [["ticket_id", "comment"], ["T-1", "two\nlines"], ["T-2", "ok"]])


def test_it_reads_spanish_ordinals_inside_words_as_western_text() -> None:
    data = "ticket_id,comment\n1,Pedido nºA123 llegó tarde, señor\n".encode("cp1252")
    assert textfiles._decode(data, None) == (data.decode("cp1252"), "cp1252")


SPACED = ('submitted_at, ticket_id, agent_email, score, comment\r\n'
          '2026-10-14T13:00:00Z, "00013951", ana@acme.com, 5, "Great, thanks"\r\n'
          '2026-10-14T13:10:00Z, "00013952", bo@acme.com, 2, "Slow, and ""meh""\r\nsecond line"\r\n')


def test_it_reads_quoted_fields_after_a_delimiter_and_a_space_as_quoted():
    """QA round 62c: ', "00013951"' was the ticket id '"00013951"' with its quotes, and a quoted comment after
    ', ' was cut at its line break into rows of its own."""
    assert textfiles.spaced_quotes(SPACED, ",") and not textfiles.spaced_quotes('a,b\r\n1,"x, y"\r\n', ",")
    expected = ([1, 2, 3], [["submitted_at", "ticket_id", "agent_email", "score", "comment"],
                            ["2026-10-14T13:00:00Z", "00013951", "ana@acme.com", "5", "Great, thanks"],
                            ["2026-10-14T13:10:00Z", "00013952", "bo@acme.com", "2", 'Slow, and "meh"\r\nsecond line']])
    assert textfiles.c_records(SPACED, ",", spaced=True) == expected
    assert textfiles.csv_records(SPACED, ",", 10**9, LIMITS, spaced=True) == expected
    assert parsing.parse_file(SPACED.encode(), "spaced.csv").rows == expected[1][1:]
