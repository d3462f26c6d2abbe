"""Forms of the upload pages: the file, the column mapping, one cell edit."""

import codecs
import zoneinfo

from django import forms
from django.conf import settings

from uploads.mapping import FIELDS, shared_columns
from uploads.preset_format import SCALE_LIMIT

# The areas of the IANA database's geographic zones (Area/Location); left out: "Factory",
# "localtime", "posixrules", Etc/*, and old aliases such as "EST" or "US/Eastern".
ZONE_AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian",
              "Pacific")


def time_zone_choices() -> list[tuple[str, str]]:
    """UTC, then every geographic IANA zone (ZONE_AREAS), sorted."""
    zones = sorted(zone for zone in zoneinfo.available_timezones() if zone.split("/")[0] in ZONE_AREAS)
    return [("UTC", "UTC")] + [(zone, zone) for zone in zones]


# The encodings a user may choose when detection reads a file wrongly: Unicode, then the Windows code pages
# Excel's "CSV" save writes (textfiles._LEGACY_CODECS) and Mac Roman.
ENCODINGS = [("", "Detect"), ("utf-8", "UTF-8"), ("utf-16", "UTF-16 (Excel Unicode Text)"),
             ("cp1252", "Windows-1252 (Excel ANSI, Western)"), ("latin-1", "Latin-1 (ISO-8859-1)"),
             ("cp1250", "Windows-1250 (Central European)"), ("cp1251", "Windows-1251 (Cyrillic)"),
             ("cp1253", "Windows-1253 (Greek)"), ("cp1254", "Windows-1254 (Turkish)"),
             ("cp1255", "Windows-1255 (Hebrew)"), ("cp1256", "Windows-1256 (Arabic)"),
             ("cp1257", "Windows-1257 (Baltic)"), ("cp1258", "Windows-1258 (Vietnamese)"),
             ("cp874", "Windows-874 (Thai)"), ("cp932", "Shift JIS (Japanese)"), ("gbk", "GBK (Chinese Simplified)"),
             ("cp949", "Windows-949 (Korean)"), ("cp950", "Big5 (Chinese Traditional)"), ("mac_roman", "Mac Roman"),
             ("cp850", "DOS Latin 1 (Excel's CSV (MS-DOS))"), ("koi8_r", "KOI8-R (Russian)"),
             ("koi8_u", "KOI8-U (Ukrainian)")]


def encoding_choice(name: str) -> str:
    """The ENCODINGS choice for a codec name as reading stored it ("cp1253", "utf-8-sig" -> "utf-8"; "utf-16-le"
    -> "utf-16", which reads either byte order: QA round 76c), so that "Read the file differently" starts from the
    encoding the file was read in; "" (Detect) for one not listed."""
    try:
        wanted = codecs.lookup(name.removesuffix("-sig")).name if name else ""
    except LookupError:
        return ""
    wanted = "utf-16" if wanted.startswith("utf-16") else wanted
    return next((value for value, _ in ENCODINGS if value and codecs.lookup(value).name == wanted), "")


def encoding_label(name: str) -> str:
    """A codec name as reading stored it, in the words of ENCODINGS ("utf-8-sig" -> "UTF-8, with a byte order
    mark"; "cp1252" -> "Windows-1252 (Excel ANSI, Western)"), else the name (QA round 71c: "utf-8-sig" beside a
    Text encoding box showing "UTF-8")."""
    label = dict(ENCODINGS).get(encoding_choice(name), name) if encoding_choice(name) else name
    return f"{label}, with a byte order mark" if name.endswith("-sig") else label


def sent_filename(name: str) -> str:
    """A file's name as its owner sees it: browsers send a '"' in a multipart file name as %22 (the HTML
    standard's form-data encoding), which every page and report then showed (QA round 76c)."""
    return name.replace("%22", '"')


class UploadForm(forms.Form):
    """A spreadsheet, the time zone of its timestamps that carry none, and optionally its sheet and header row."""

    file = forms.FileField(
        label="Spreadsheet",
        help_text="CSV, TSV, XLSX, XLS or ODS, as exported from your survey tool or helpdesk.",
        error_messages={"empty": "This file is empty (0 bytes): export it again from the survey tool or helpdesk, "
                                 "or save it again from the spreadsheet, and upload that file."},  # QA round 53c
    )
    time_zone = forms.ChoiceField(
        label="Time zone of timestamps without one",
        choices=lambda: [("", f"Automatic: a saved mapping's zone, else {settings.UPLOAD_DEFAULT_TIME_ZONE}"),
                         *time_zone_choices()],
        required=False,
        help_text="A zone you choose here wins over the zone a saved mapping carries.",
    )
    sheet = forms.CharField(label="Sheet", required=False, max_length=200,
                            help_text="Sheet: for workbooks, the sheet to read (empty picks the first with a header).")
    header_row = forms.IntegerField(label="Header row", min_value=1, max_value=1000, required=False,
                                    help_text="Header row: empty finds it automatically.")
    encoding = forms.ChoiceField(label="Text encoding", choices=ENCODINGS, required=False,
                                 help_text="Text encoding: for CSV and TSV files whose letters come out wrong.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is {limit} MB. "
                "Split it into smaller files."
            )
        return upload


DATE_ORDERS = [("", "Automatic"),
               ("DMY", "Day-month-year (31/12/2026)"), ("MDY", "Month-day-year (12/31/2026)")]


class MappingForm(forms.Form):
    """Which column feeds each API field, the time zone for naive timestamps, the day/month order of
    dates like 05/10/2026 (the preset's `date_order`: '' automatic, 'DMY' or 'MDY'), and the survey's
    scale (the preset's min_score/max_score constants; blank: the file's and preset's, else 1..5)."""

    time_zone = forms.ChoiceField(label="Time zone of timestamps without one", choices=time_zone_choices)
    date_order = forms.ChoiceField(label="Date order", choices=DATE_ORDERS, required=False,
                                   widget=forms.Select(attrs={"aria-describedby": "date-order-help"}))
    min_score = forms.IntegerField(label="Lowest score (min_score)", required=False, min_value=-SCALE_LIMIT,
                                   max_value=SCALE_LIMIT,
                                   widget=forms.NumberInput(attrs={"aria-describedby": "scale-help"}))
    max_score = forms.IntegerField(label="Highest score (max_score)", required=False, min_value=-SCALE_LIMIT,
                                   max_value=SCALE_LIMIT,
                                   widget=forms.NumberInput(attrs={"aria-describedby": "scale-help"}))

    def __init__(self, *args, columns: list[str], current_zone: str = "", locked: bool = False,
                 split_sources: dict[str, str] | None = None, questions: dict[str, str] | None = None, **kwargs):
        """columns: the upload's headers; current_zone: the upload's zone, offered even when it is not
        in time_zone_choices (a preset's or the setting's alias such as US/Eastern); locked: every
        field shown disabled (an upload that can no longer be changed); split_sources: the empty
        choice's text for a field a split rule fills (mappingpage.split_sources); questions: the question
        a header's column answers, shown beside it (mappingpage.column_questions)."""
        super().__init__(*args, **kwargs)
        self.split_sources = split_sources or {}
        zones = time_zone_choices()
        if current_zone and current_zone not in dict(zones):
            zones.insert(1, (current_zone, current_zone))
        self.fields["time_zone"].choices = zones
        shown = {name: f"{name} — {questions[name]}" if name in (questions or {}) else name for name in columns}
        named = [(name, text if len(text) <= 80 else text[:79] + "…") for name, text in shown.items()]  # QA 53c
        for field in FIELDS:
            empty = (split_sources or {}).get(field, "(not mapped)")
            self.fields[f"field_{field}"] = forms.ChoiceField(label=field, choices=[("", empty)] + named,
                                                              required=False)
        for field in self.fields.values():
            field.disabled = locked

    def clean(self):
        """Every required API field has a column (or a split rule fills it): without one every row would
        be invalid (QA round 28b); preset_format.EXACT_FIELDS read different columns; the survey's scale is both
        ends or neither (blank: what the file and preset say, else 1..5), lowest below highest."""
        data = super().clean()
        given = {field for field in FIELDS if data.get(f"field_{field}") or field in self.split_sources}
        for field in ("submitted_at", "ticket_id", "score"):
            if field not in given:
                self.add_error(f"field_{field}", f"Choose the column that holds {field}: without one every row is "
                                                 "invalid (MaestroQA requires it).")
        if not given & {"agent_id", "agent_email"}:
            self.add_error(None, "Choose the column of agent_id or agent_email (or both): without one every row is "
                                 "invalid, as MaestroQA needs an agent to credit.")
        for field, sentence in shared_columns({name: data.get(f"field_{name}") for name in FIELDS}).items():
            self.add_error(f"field_{field}", f"{sentence}. Choose the column that holds {field}.")
        if "min_score" in self.errors or "max_score" in self.errors:
            return data
        low, high = data.get("min_score"), data.get("max_score")
        if (low is None) != (high is None):
            raise forms.ValidationError("Enter both the lowest and the highest score, or leave both blank.")
        if low is not None and low >= high:
            self.add_error("max_score", "The highest score must be above the lowest.")
        return data


# The longest text a cell edited in the table may hold (longer cells are shown cut and not editable there).
MAX_CELL_TEXT = 50_000
_TOO_LONG = {"max_length": f"A cell edited here can hold at most {MAX_CELL_TEXT:,} characters (this text has "
                           "%(show_value)s). Edit this cell in the spreadsheet and upload it again."}


class CellEditForm(forms.Form):
    """One edited cell: the row's id, the column index, the new text, and the text the page showed
    before the edit (`old`: the edit is refused when the stored text differs, fixes.edit_cell)."""

    row = forms.IntegerField(min_value=1)
    column = forms.IntegerField(min_value=0)
    text = forms.CharField(required=False, strip=False, max_length=MAX_CELL_TEXT, error_messages=_TOO_LONG)
    old = forms.CharField(required=False, strip=False, max_length=MAX_CELL_TEXT, error_messages=_TOO_LONG)


DELIMITERS = [("", "Detect"), (",", "Comma ,"), (";", "Semicolon ;"), ("\t", "Tab"), ("|", "Pipe |")]


class ReadingForm(forms.Form):
    """Overrides for how the file is read; empty means detect."""

    encoding = forms.ChoiceField(label="Text encoding", choices=ENCODINGS, required=False)
    delimiter = forms.ChoiceField(choices=DELIMITERS, required=False)
    header_row = forms.IntegerField(min_value=1, max_value=1000, required=False, label="Header row")
    sheet = forms.ChoiceField(choices=[], required=False, label="Sheet")

    def __init__(self, *args, sheet_names: list[str], **kwargs):
        """`sheet_names`: a workbook's sheets, whose file has no text encoding or delimiter to choose; a text file
        (none) has no sheet (QA round 72c: choices that did nothing were offered)."""
        super().__init__(*args, **kwargs)
        self.fields["sheet"].choices = [("", "Detect (first with answers)")] + [(name, name) for name in sheet_names]
        for name in ("encoding", "delimiter") if sheet_names else ("sheet",):
            del self.fields[name]


def errors_in_words(form: forms.Form) -> str:
    """A bound, invalid form's errors as one sentence per field, each naming the field's label ("Header row: Ensure
    this value is less than or equal to 1000."), for a message after a redirect (QA round 76c: dropped silently)."""
    return " ".join(f"{form.fields[name].label or name.capitalize()}: {error}" if name in form.fields else error
                    for name, errors in form.errors.items() for error in errors)


class SavePresetForm(forms.Form):
    """A name for the current mapping, saved as a preset."""

    name = forms.CharField(max_length=100, label="Save this mapping as", error_messages={
        "required": "Enter a name for the preset.",
        "max_length": "A preset's name has at most %(limit_value)d characters (it has %(show_value)d)."})
    replace = forms.BooleanField(required=False, label="Replace my preset of that name")


class ApplyPresetForm(forms.Form):
    """A saved or built-in preset by name, or a preset JSON file."""

    preset = forms.ChoiceField(choices=[], required=False, label="Apply a preset")
    preset_file = forms.FileField(required=False, label="or import a preset JSON file")

    def __init__(self, *args, preset_names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [("", "(choose)")] + [(name, name) for name in preset_names]

    def clean(self):
        data = super().clean()
        if not data.get("preset") and not data.get("preset_file"):
            raise forms.ValidationError("Choose a preset or a preset JSON file.")
        return data
class BulkFixForm(forms.Form):
    """One bulk fix: what to do, on which column, with which values, to which rows."""

    action = forms.ChoiceField(choices=[(a, a) for a in ("set", "replace", "map", "exclude", "include", "delete")])
    scope = forms.ChoiceField(choices=[("filtered", "Every row matching the filter"), ("selected", "Selected rows")])
    rows = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    column = forms.CharField(required=False, max_length=6)
    find = forms.CharField(required=False, strip=False, max_length=20000)
    value = forms.CharField(required=False, strip=False, max_length=20000)
    confirm = forms.BooleanField(required=False)  # including rows an earlier delivery did not confirm

    def clean_rows(self):
        values = self.cleaned_data.get("rows") or []
        try:
            return [int(value) for value in values][:5000]
        except ValueError:
            raise forms.ValidationError("Row ids are numbers.") from None
