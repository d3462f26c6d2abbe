"""`manage.py import_csat PATH`: the portal's pipeline from the command line.

Exit status: 0 when every row was valid (and, with --submit, created); 1
otherwise; 2 when the file cannot be read (the reason goes to stderr).
"""

import json
import os
import sys
import zoneinfo
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection

from uploads import approval, delivery, intake, saved_presets, submitplan, validation
from uploads.models import Row

CLI_USERNAME = "import_csat"


class Command(BaseCommand):
    help = "Read, check and optionally deliver a CSAT spreadsheet, exactly as the web pages do."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--time-zone", default="", help="Zone of timestamps without one (default: the setting).")
        parser.add_argument("--mapping", default="", help="A built-in preset's name, or a preset JSON file.")
        parser.add_argument("--sheet", default=None, help="The workbook sheet to read (default: the first with data).")
        parser.add_argument("--header-row", type=int, default=None, help="The header's row number (default: found).")
        parser.add_argument("--encoding", default=None,
                            help="A text file's encoding, such as cp1250 or koi8_r (default: detected).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check the file alone: store and send nothing, and look at no earlier upload "
                                 "(rows already created in MaestroQA are held only by a real import).")
        parser.add_argument("--items-out", default="", help="Write the API items, one JSON object per line.")
        parser.add_argument("--submit", action="store_true",
                            help="Submit the valid rows, as the Submit button does "
                                 "(with REQUIRE_APPROVAL: for approval).")
        parser.add_argument("--wait", action="store_true", help="With --submit: wait until the delivery ends.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object with the outcome.")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            self._fail(f"{path}: no such file")
        if options["time_zone"] and options["time_zone"] not in zoneinfo.available_timezones():
            self._fail(f"--time-zone {options['time_zone']}: unknown time zone; use an IANA name such as Europe/Berlin")
        items_out = Path(options["items_out"]) if options["items_out"] else None
        if items_out and not (items_out.parent.is_dir() and os.access(items_out.parent, os.W_OK)
                              and (not items_out.exists() or os.access(items_out, os.W_OK))):
            # checked before anything is stored or submitted (review 36: --submit had queued the upload)
            self._fail(f"--items-out {items_out}: cannot write there. Give a path in a folder that exists and "
                       "that you may write to.")
        try:
            read = intake.ReadOptions(
                time_zone=options["time_zone"], sheet=options["sheet"], header_row=options["header_row"],
                encoding=options["encoding"], preset=self._preset(options["mapping"]),
            )
            if not options["dry_run"] and "uploads_upload" not in connection.introspection.table_names():
                self._fail("The database has no tables yet: run `make run` once (or `.venv/bin/python manage.py "
                           "migrate`), then run this again. --dry-run needs no database.")
            summary = self._dry_run(path, read) if options["dry_run"] else self._import(path, read, options)
        except intake.IntakeError as exc:
            self._fail(f"{path.name}: " + exc.text())
        if options["items_out"]:
            try:
                with open(options["items_out"], "w", encoding="utf-8") as out:
                    for item in summary.pop("items"):
                        out.write(json.dumps(item, ensure_ascii=False) + "\n")
            except OSError as exc:  # the disk filled up since the check above
                self.stderr.write(f"--items-out {options['items_out']}: {exc.strerror}; the summary follows.")
        summary.pop("items", None)
        self.stdout.write(json.dumps(summary) if options["json"] else self._text(summary))
        all_valid = summary["invalid"] == 0 and summary["valid"] == summary["rows"] - summary["skipped"]
        delivered = not options["submit"] or summary.get("created", 0) == summary["valid"]
        if not (all_valid and delivered):
            sys.exit(1)

    def _preset(self, name: str):
        if not name:
            return None
        if Path(name).is_file():
            try:
                return saved_presets.parse_json(Path(name).read_bytes())
            except (OSError, ValueError) as exc:
                self._fail(f"--mapping {name}: {exc}")
        try:
            return saved_presets.find_preset(name)
        except KeyError:
            names = ", ".join(saved_presets.preset_names())
            self._fail(f"--mapping {name}: no such file or preset (presets: {names})")

    def _dry_run(self, path: Path, read: intake.ReadOptions) -> dict:
        sheet, preset, reason = intake.read_file(path, path.name, read)
        sheet.notices.extend(intake.mapping_notices(sheet, preset))
        read.time_zone = intake.choose_zone(read.time_zone, preset)
        checked = validation.check_sheet(sheet, preset, time_zone=read.time_zone)
        validation.mark_duplicates(checked.rows)
        if same := submitplan.same_answers_in([(row.row_number, row.item) for row in checked.rows
                                               if row.status == "valid"]):
            sheet.notices.append(same)  # as the rows table says it (QA round 77b)
        statuses = [row.status for row in checked.rows]
        summary = {"upload_id": None, **{s: statuses.count(s) for s in ("valid", "invalid", "skipped")}}
        used_zone = (checked.context.get("dates") or {}).get("zone") or read.time_zone  # a zone the file declares
        summary.update(self._detected(sheet, preset, reason, used_zone, checked.decisions))
        summary.update(rows=len(statuses), duplicates=statuses.count("duplicate"), status="dry_run",
                       warnings=sum(1 for row in checked.rows if row.warnings), notices=list(sheet.notices))
        summary["items"] = [row.item for row in checked.rows if row.status == "valid"]
        summary["row_results"] = [_row_result(row.row_number, row.status, [p.message for p in row.errors],
                                              [p.message for p in row.warnings], row.skip_reason)
                                  for row in checked.rows if row.status != "valid" or row.warnings]
        return summary

    def _detected(self, sheet, preset, reason, time_zone, decisions) -> dict:
        return {"detected": {
            "format": sheet.format, "encoding": sheet.encoding, "delimiter": sheet.delimiter,
            "header_row": sheet.header_row, "sheet": sheet.sheet_name, "preset": preset.name,
            "preset_reason": reason, "time_zone": time_zone, "decisions": decisions,
            "columns": _columns(preset),
        }}

    def _import(self, path: Path, read: intake.ReadOptions, options) -> dict:
        user, _ = get_user_model().objects.get_or_create(username=CLI_USERNAME)
        upload = intake.create_upload(user, path, path.name, read)
        if options["submit"]:
            try:
                queued = approval.submit(upload, user)
            except delivery.DeliveryError as exc:
                self.stderr.write(str(exc))
            else:
                if queued is None:
                    self.stderr.write(f"Upload {upload.pk} awaits an admin's approval (REQUIRE_APPROVAL is on); "
                                      "it is sent once approved on its review page.")
                elif options["wait"]:
                    delivery.wait_until_done(upload)
        upload.refresh_from_db()
        return self._upload_summary(upload)

    def _upload_summary(self, upload) -> dict:
        counts = dict.fromkeys(Row.Status.values, 0)
        for status in upload.rows.values_list("status", flat=True):
            counts[status] += 1
        results = delivery.delivery_counts(upload)
        return {
            "upload_id": upload.pk, "rows": sum(counts.values()), "valid": counts["valid"],
            "invalid": counts["invalid"], "skipped": counts["skipped"], "duplicates": counts["duplicate"],
            "created": results["created"], "failed": results["failed"], "unconfirmed": results["unconfirmed"],
            "batches": delivery.batch_count(upload),
            "status": upload.status, "warnings": upload.rows.filter(has_warning=True).count(),
            "notices": list(upload.notices) + [same for same in [submitplan.same_answers(upload)] if same],
            "items": list(upload.rows.filter(status="valid").order_by("number").values_list("item", flat=True)),
            "row_results": [_row_result(number, status, [error["message"] for error in errors],
                                        [warning["message"] for warning in warnings], note or None)
                            for number, status, errors, warnings, note in upload.rows.exclude(
                                status="valid", has_warning=False).order_by("number").values_list(
                                "number", "status", "errors", "warnings", "note")],
        }

    def _text(self, summary: dict) -> str:
        """`key: value` lines; each notice (what reading the file decided or ignored) on a line of its own,
        then each row that is not valid or has a warning, with its messages."""
        lines = [f"{key}: {value}" for key, value in summary.items()
                 if key not in ("detected", "notices", "row_results")]
        rows = [f"row {result['row']} {result['status']}: " + " | ".join(
            result["errors"] + result["warnings"] + ([result["reason"]] if result.get("reason") else []))
            for result in summary.get("row_results", [])]
        return "\n".join(lines + [f"notice: {notice}" for notice in summary.get("notices", [])] + rows)

    def _fail(self, message: str):
        self.stderr.write(message)
        sys.exit(2)


def _columns(preset) -> dict:
    """The JSON's detected "columns": each field read, {"column": header, "reason": why}; a field split out of
    another column (Qualtrics' ExternalReference "ticket|agent") names that column and the separator."""
    out = {name: {"column": column, "reason": preset.reasons.get(name, "")}
           for name, column in preset.columns.items() if isinstance(column, str)}
    for split in preset.splits:
        for name in split.fields:
            out.setdefault(name, {"column": split.column,
                                  "reason": f"split out of '{split.column}' at '{split.separator}'"})
    return out


def _row_result(number: int, status: str, errors: list[str], warnings: list[str], reason: str | None) -> dict:
    """One row of the JSON's "row_results" (every row not valid or with a warning): its number as the
    spreadsheet shows it, status, the error and warning sentences, and why it is skipped or a duplicate."""
    out = {"row": number, "status": status, "errors": errors, "warnings": warnings}
    if reason:
        out["reason"] = reason
    return out
