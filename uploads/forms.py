"""Forms of the upload pages: the file, the column mapping, one cell edit."""

import zoneinfo

from django import forms
from django.conf import settings

from uploads.mapping import FIELDS


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone, UTC first."""
    zones = sorted(zoneinfo.available_timezones() - {"UTC"})
    return [("UTC", "UTC")] + [(zone, zone) for zone in zones]


class UploadForm(forms.Form):
    """A spreadsheet and the time zone of its timestamps that carry none."""

    file = forms.FileField(
        label="Spreadsheet",
        help_text="CSV, TSV, XLSX, XLS or ODS, as exported from your survey tool or helpdesk.",
    )
    time_zone = forms.ChoiceField(
        label="Time zone of timestamps without one",
        choices=time_zone_choices,
        initial=settings.UPLOAD_DEFAULT_TIME_ZONE,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is {limit} MB. "
                "Split it into smaller files."
            )
        return upload


class MappingForm(forms.Form):
    """Which column feeds each API field, and the time zone for naive timestamps."""

    time_zone = forms.ChoiceField(label="Time zone of timestamps without one", choices=time_zone_choices)

    def __init__(self, *args, columns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "(not mapped)")] + [(name, name) for name in columns]
        for field in FIELDS:
            self.fields[f"field_{field}"] = forms.ChoiceField(label=field, choices=choices, required=False)


class CellEditForm(forms.Form):
    """One edited cell: the row's id, the column index, the new text."""

    row = forms.IntegerField(min_value=1)
    column = forms.IntegerField(min_value=0)
    text = forms.CharField(required=False, strip=False, max_length=20000)


class BulkFixForm(forms.Form):
    """One bulk fix: what to do, on which column, with which values, to which rows."""

    action = forms.ChoiceField(choices=[(a, a) for a in ("set", "replace", "map", "exclude", "include", "delete")])
    scope = forms.ChoiceField(choices=[("filtered", "Every row matching the filter"), ("selected", "Selected rows")])
    rows = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    column = forms.CharField(required=False, max_length=6)
    find = forms.CharField(required=False, strip=False, max_length=20000)
    value = forms.CharField(required=False, strip=False, max_length=20000)

    def clean_rows(self):
        values = self.cleaned_data.get("rows") or []
        try:
            return [int(value) for value in values][:5000]
        except ValueError:
            raise forms.ValidationError("Row ids are numbers.") from None
