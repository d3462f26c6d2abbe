"""Uploads, their rows, and the submissions, batches and attempts that deliver them.

Models hold data and small facts about one object; work that spans models lives
in `delivery.py` (submitting, resending, cancelling) and `sending.py` (sending a
batch, recording results).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

# The start of the note on a row whose answer an earlier upload sent without confirmation (rowstore.prior_notes).
UNCONFIRMED_PRIOR_NOTE = "not confirmed by an earlier delivery"
CREATED_PRIOR_NOTE = "already created in MaestroQA"


class Team(models.Model):
    """A support team: managers see and act on their own team's uploads only."""

    name = models.CharField(max_length=100, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SavedPreset(models.Model):
    """A named column mapping saved by a user; its `data` is mapping.Preset's JSON format."""

    name = models.CharField(max_length=100, unique=True)
    data = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # Presets are found by name in any case (saved_presets.check_name); this holds it for two
            # saves at the same instant too.
            models.UniqueConstraint(Lower("name"), name="uploads_savedpreset_name_any_case"),
        ]

    def __str__(self) -> str:
        return self.name


class Upload(models.Model):
    """One uploaded file, from parsing to delivery; the original file is never changed."""

    class Status(models.TextChoices):
        READING = "reading", "Reading the file"  # rows being stored (intake), not yet all there
        CHECKING = "checking", "Checking rows"  # rows being re-checked (intake), results partly new
        NEEDS_FIXES = "needs_fixes", "Needs fixes"
        READY = "ready", "Ready to submit"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        RATE_LIMITED = "rate_limited", "Rate limited"
        PAUSED = "paused", "Paused"
        DONE = "done", "Done"
        DONE_WITH_ERRORS = "done_with_errors", "Done with errors"
        CANCELLED = "cancelled", "Cancelled"
        FAILED = "failed", "Stopped: needs attention"

    BUSY = (Status.READING, Status.CHECKING)  # intake is storing or re-checking the rows

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="uploads")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="uploads")
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to="uploads/%Y/%m/")
    filename = models.CharField(max_length=255)
    file_format = models.CharField(max_length=10)
    encoding = models.CharField(max_length=40, blank=True)
    delimiter = models.CharField(max_length=4, blank=True)
    header_row = models.PositiveIntegerField(default=1)
    sheet_name = models.CharField(max_length=255, blank=True)
    columns = models.JSONField(default=list, help_text="Header texts, in file order.")
    sheet_meta = models.JSONField(
        default=dict, help_text="Extra header rows, declared time zones and cell notes, as read."
    )
    notices = models.JSONField(default=list, help_text="What reading the file decided, for the user.")
    preset_name = models.CharField(max_length=100, blank=True)
    preset = models.JSONField(default=dict, help_text="A copy of the column mapping used.")
    preset_reason = models.CharField(max_length=500, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    check_context = models.JSONField(default=dict)
    decisions = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEEDS_FIXES)
    status_message = models.CharField(max_length=500, blank=True)
    resume_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Last sign of life of the delivery job, or of the reading or checking."
    )
    lease = models.CharField(max_length=32, blank=True, help_text=(
        "Which run owns the upload: a delivery job, or a reading or check; a takeover changes it."))
    job_id = models.CharField(max_length=64, blank=True, help_text="The RQ job queued for this delivery.")
    resumed_at = models.DateTimeField(null=True, blank=True, help_text="Retries are counted from here.")
    finished_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purged_at = models.DateTimeField(null=True, blank=True, help_text="When retention removed file and comments.")
    resend_requested_at = models.DateTimeField(
        null=True, blank=True, help_text="When its uploader asked an admin to resend fixed failed rows (approval).")
    resend_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} (#{self.pk})"

    def get_absolute_url(self) -> str:
        return reverse("uploads:table", args=[self.pk])

    @property
    def mapping_why(self) -> str:
        """preset_reason without the preset's name, which the pages show beside it ("applied by you: Team sheet" ->
        "applied by you"; "matched Team sheet: columns …" -> "matched columns …": QA round 71c)."""
        reason, name = self.preset_reason, self.preset_name
        for start in ("applied by you", "chosen by you"):
            if reason == f"{start}: {name}":
                return start
        return reason.replace(f"matched {name}: ", "matched ", 1) if name else reason

    @property
    def mapping_why_by_owner(self) -> str:
        """mapping_why as a reviewer reads it: "changed by maria", not "changed by you" (QA round 72c)."""
        return self.mapping_why.replace(" by you", f" by {self.owner.get_username()}" if self.owner_id else
                                        " by the uploader")

    @property
    def status_label(self) -> str:
        """The status as pages show it: "Nothing to send" for a ready upload none of whose rows would be sent (all
        duplicates, skipped or left out: QA round 67b W2, where "Ready to submit" offered to send again answers
        already created), "Done, 5 invalid rows not sent" for a delivery that left invalid rows, else the status's
        name."""
        # a list page's counts (table.add_list_counts) spare a query per upload
        if self.status == self.Status.READY and not getattr(self, "n_valid", 0) and not self.rows.filter(
                SENDABLE).exists():
            return "Nothing to send"
        if self.status != self.Status.DONE:
            return self.get_status_display()
        invalid = getattr(self, "n_invalid", None)
        if invalid is None:
            invalid = self.rows.filter(status=Row.Status.INVALID).count()
        if invalid:
            return f"Done, {invalid:,} invalid row{'s' if invalid > 1 else ''} not sent"  # not all in (QA 67b W4)
        return self.get_status_display()

    @property
    def is_editable(self) -> bool:
        """Rows and mapping can change only before anything was submitted."""
        return self.status in (self.Status.NEEDS_FIXES, self.Status.READY)

    @property
    def is_busy(self) -> bool:
        """Its rows are being stored or checked again (intake); edits wait until that ends."""
        return self.status in self.BUSY

    @property
    def fixes_failed_rows(self) -> bool:
        """After a delivery, rows that failed at MaestroQA can be fixed, then resent."""
        return self.status in (self.Status.DONE_WITH_ERRORS, self.Status.FAILED, self.Status.CANCELLED)

    @property
    def is_active(self) -> bool:
        """A delivery is queued or under way (a paused one is not: it waits for a person)."""
        return self.status in (self.Status.QUEUED, self.Status.SENDING, self.Status.RATE_LIMITED)


class Row(models.Model):
    """One data row of an upload: its cells as read, its edits, its item and its result."""

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        INVALID = "invalid", "Invalid"
        SKIPPED = "skipped", "Skipped"
        DUPLICATE = "duplicate", "Duplicate"
        EXCLUDED = "excluded", "Excluded"

    class Result(models.TextChoices):
        NONE = "", "Not sent"
        SENDING = "sending", "Sending"
        CREATED = "created", "Created"
        FAILED = "failed", "Failed"
        UNCONFIRMED = "unconfirmed", "Not confirmed"

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField(help_text="Spreadsheet row number, as Excel shows it.")
    cells = models.JSONField(help_text="The cells as read from the file.")
    edits = models.JSONField(default=dict, help_text="Column index -> edited text.")
    status = models.CharField(max_length=10, choices=Status.choices)
    item = models.JSONField(null=True, blank=True)
    item_key = models.CharField(max_length=40, blank=True, help_text="Hash of the item, to find duplicates.")
    errors = models.JSONField(default=list)
    warnings = models.JSONField(default=list)
    note = models.CharField(max_length=500, blank=True, help_text="Why skipped or duplicate.")
    include_anyway = models.BooleanField(default=False, help_text="A duplicate the user chose to send.")
    excluded = models.BooleanField(default=False, help_text="Left out by the user; stays out after re-checks.")
    # Denormalised from errors/warnings/cells so the table filters in the database (uploads/table.py).
    error_kinds = models.TextField(blank=True, default="", help_text="' field:code field:code ' of the errors.")
    has_warning = models.BooleanField(default=False)
    warning_kinds = models.TextField(blank=True, default="", help_text="' field:code ' of the warnings.")
    search_text = models.TextField(blank=True, default="", help_text="Current cells, lower-cased, for search.")
    item_score = models.SmallIntegerField(null=True, blank=True, help_text="The item's score, for the chart.")
    item_day = models.CharField(max_length=10, blank=True, help_text="The item's submitted_at day (UTC).")
    match_key = models.CharField(
        max_length=40, blank=True, help_text="Hash of ticket_id, submitted_at, score, agent: finds earlier sends."
    )
    shift_key = models.CharField(
        max_length=40, blank=True, help_text="Hash of ticket_id, score, agent and submitted_at's minutes and seconds: "
        "finds an earlier send of the answer read in another time zone."
    )
    result = models.CharField(max_length=12, choices=Result.choices, default=Result.NONE, blank=True)
    maestro_id = models.CharField(max_length=64, blank=True)
    result_message = models.TextField(blank=True)
    batch = models.ForeignKey("Batch", null=True, blank=True, on_delete=models.SET_NULL, related_name="rows")
    fixed_at = models.DateTimeField(
        null=True, blank=True, help_text="Last cell edit while the row's result was failed (fixes.edit_cell)."
    )

    class Meta:
        ordering = ["upload", "number"]
        constraints = [models.UniqueConstraint(fields=["upload", "number"], name="row_number_unique")]
        indexes = [
            models.Index(fields=["upload", "status", "number"]),
            models.Index(fields=["upload", "item_key"]),
            models.Index(fields=["match_key", "result"]),
            models.Index(fields=["shift_key", "result"], name="row_shift_idx"),
            # Covers status_counts: one grouped scan gives statuses, warnings and included duplicates.
            models.Index(fields=["upload", "status", "has_warning", "include_anyway"], name="row_counts_idx"),
            # Cover the table's kind and field filters and the summaries by kind (uploads/table.py):
            # errors live on invalid and excluded rows, warnings on rows with has_warning.
            models.Index(fields=["upload", "status", "error_kinds"], name="row_errors_idx"),
            models.Index(fields=["upload", "has_warning", "warning_kinds"], name="row_warnings_idx"),
            # Covers the charts: valid rows by score and day.
            models.Index(fields=["upload", "status", "item_score", "item_day"], name="row_charts_idx"),
            # Covers the table's delivery result filters (table.filter_rows ?result=).
            models.Index(fields=["upload", "result", "number"], name="row_results_idx"),
        ]
        # search_text has an index per database too (uploads/textsearch.py, migration 0004).

    def __str__(self) -> str:
        return f"row {self.number} of upload {self.upload_id}"

    @property
    def sent_before(self) -> bool:
        """An earlier upload got this answer created, or sent it without confirmation: including it
        needs a confirmation (fixes.apply_fix)."""
        return self.status == self.Status.DUPLICATE and self.note.startswith((CREATED_PRIOR_NOTE,
                                                                               UNCONFIRMED_PRIOR_NOTE))

    @property
    def current_cells(self) -> list[str]:
        """The cells with the user's edits applied."""
        cells = list(self.cells)
        for index, text in self.edits.items():
            cells[int(index)] = text
        return cells


# The rows a submission sends: the valid ones and the duplicates the user chose to include anyway
SENDABLE = models.Q(status=Row.Status.VALID) | models.Q(status=Row.Status.DUPLICATE, include_anyway=True)


class Submission(models.Model):
    """One delivery of a set of rows: the first, or a resend of failed or unconfirmed rows."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"
        FAILED = "failed", "Stopped"

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="submissions")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"submission {self.pk} of upload {self.upload_id}"

    @property
    def rows_count(self) -> int:
        """How many rows this submission sends (the sum of its batches' sizes)."""
        return sum(self.batches.values_list("item_count", flat=True))


class Batch(models.Model):
    """Up to MAESTROQA_BATCH_SIZE rows sent in one request (shared/api/CONTRACT.md)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Not sent yet"
        DONE = "done", "Answered"
        UNCONFIRMED = "unconfirmed", "Not confirmed"
        REJECTED = "rejected", "Rejected"
        CANCELLED = "cancelled", "Cancelled"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="batches")
    sequence = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    item_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["submission", "sequence"]
        verbose_name_plural = "batches"
        constraints = [
            models.UniqueConstraint(fields=["submission", "sequence"], name="batch_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"batch {self.sequence} of submission {self.submission_id}"


class Attempt(models.Model):
    """One HTTP request of a batch and what came back."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="attempts")
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    http_status = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=20)
    message = models.CharField(max_length=500, blank=True)
    response_body = models.TextField(blank=True)

    class Meta:
        ordering = ["batch", "started_at"]

    def __str__(self) -> str:
        return f"{self.outcome} at {self.started_at:%H:%M:%S}"


class Change(models.Model):
    """One step of the fix-it table's history: a cell edit or a bulk fix, and what undo needs."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=40, help_text="edit, set, replace, map, exclude, include, delete, undo")
    description = models.CharField(max_length=500)
    cells_changed = models.PositiveIntegerField(default=0)
    before = models.JSONField(default=list, help_text="[row id, column or field, old value] for undo.")
    undone = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.description


class AuditEvent(models.Model):
    """Who did what, when, on which upload: the activity log admins review."""

    upload = models.ForeignKey(Upload, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=40)
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"
