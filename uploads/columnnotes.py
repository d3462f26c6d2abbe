"""What reading says about columns the mapping leaves out, so that no customer text or score is
left out unsaid: a column named like the score whose values are no scores, free-text answers when
no column is the comment, a second comment column; and cells an export defused with an apostrophe
(intake.read_file runs these on every file it reads).
"""

import re

from uploads import autodetect, mapping, parsing, reports


def note_unmapped(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Add to sheet.notices what the mapping `preset` leaves out of `sheet` that a user should know."""
    _note_comment(sheet, preset, _note_score(sheet, preset))


def _used_columns(sheet: parsing.Sheet, preset: mapping.Preset) -> set[int]:
    used = {sheet.columns.index(column) for column in preset.columns.values()
            if isinstance(column, str) and column in sheet.columns}
    used.update(sheet.columns.index(split.column) for split in preset.splits if split.column in sheet.columns)
    return used


def _note_score(sheet: parsing.Sheet, preset: mapping.Preset) -> set[int]:
    """When no column is the score, name the columns whose header is a score's ("CSAT", "Rating") but
    whose values were not read as scores (👍/👎, "80%"), with a few of them and the way out; returns
    their indexes (no comment, then)."""
    if preset.columns.get("score") or preset.splits_into("score"):
        return set()
    used = _used_columns(sheet, preset)
    named = [index for index, header in enumerate(sheet.columns)
             if index not in used and "score" in autodetect.named_fields([header])]
    for index in named:
        values = list(dict.fromkeys(autodetect.column_texts(sheet, index, 50)))[:3]
        shown = ", ".join(f"'{text}'" for text in values) or "blanks only"
        sheet.notices.append(
            f"No column was read as the score: '{sheet.columns[index]}' is named like one, but its values "
            f"({shown}) are not whole numbers or rating words. Choose it as score on the mapping page with a "
            "preset whose value map gives each of them a number, or type the scores in the file.")
    return set(named)


def _note_other_comments(sheet: parsing.Sheet, preset: mapping.Preset) -> None:
    """Name the columns besides the comment whose header is a comment's too ("Comment 2", "Notes")
    and that hold text: the API takes one comment, and their text is not sent unsaid."""
    used = _used_columns(sheet, preset)
    others = [header for index, header in enumerate(sheet.columns)
              if index not in used and "comment" in autodetect.named_fields([header])
              and autodetect.column_texts(sheet, index, 1)]
    if others:
        named = ", ".join(f"'{header}'" for header in others)
        sheet.notices.append(
            f"{named} hold{'s' if len(others) == 1 else ''} comments too, which are not sent: the API takes one "
            f"comment, here '{preset.columns['comment']}'. To send them, join them into that column in the file, "
            "or choose another comment column on the mapping page.")


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
    if found:
        named = ", ".join(f"'{header}'" for header in found)
        sheet.notices.append(
            f"No column was recognised as the customer's comment, and {named} "
            f"hold{'s' if len(found) == 1 else ''} text answers: if one is the comment, choose it as comment on "
            "the mapping page (until then no comment is sent).")


_DEFUSED = re.compile(r"(?:^|\x1f)'[=+\-@\t\r]")


def undo_defused_formulas(sheet: parsing.Sheet) -> None:
    """A text file whose cells start with an apostrophe before = + - @ (how our error reports, and
    other tools' exports, keep a spreadsheet from running a cell as a formula) gets them back without
    it, as a report of ours does (shared/cases B16: the API gets the original text), with a notice:
    such a file is our report with its row/status/reason columns deleted, or another tool's export."""
    if not _DEFUSED.search("\x1f".join("\x1f".join(row) for row in sheet.rows)):
        return
    count = 0
    for row in sheet.rows:
        for index, text in enumerate(row):
            if (plain := reports.unneutralise(text)) != text:
                row[index], count = plain, count + 1
    sheet.notices.append(
        f"{count:,} cell(s) began with an apostrophe before = + - or @, which exports add so that a spreadsheet "
        "does not run the cell as a formula: read without it (\u201c'=1+1\u201d as \u201c=1+1\u201d).")
