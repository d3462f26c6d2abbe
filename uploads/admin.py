"""Admin for review: uploads, rows and their results, batches and attempts; read-only history.

Teams, saved presets and users are managed here by admins. Actions on uploads
call the same functions the pages call (approval.approve, delivery.cancel_upload,
delivery.resend_rows).
"""

import json

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from uploads import approval, delivery, saved_presets
from uploads.models import Attempt, AuditEvent, Batch, Change, Row, SavedPreset, Submission, Team, Upload


class ReadOnlyAdmin(admin.ModelAdmin):
    """History is recorded by the portal, never typed in: no add, change or delete here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditEventInline(admin.TabularInline):
    model = AuditEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("at", "user", "action", "details")

    def has_add_permission(self, request, obj=None):
        return False


def _resend_unconfirmed(upload: Upload, user) -> None:
    delivery.resend_rows(upload, user, Row.Result.UNCONFIRMED)


def _run_action(modeladmin, request, queryset, function, done: str) -> None:
    """Call `function(upload, user)` for each selected upload; report successes and refusals."""
    ok = 0
    for upload in queryset:
        try:
            function(upload, request.user)
            ok += 1
        except delivery.DeliveryError as exc:
            modeladmin.message_user(request, f"{upload}: {exc}", messages.WARNING)
    if ok:
        modeladmin.message_user(request, f"{ok} upload(s) {done}.", messages.SUCCESS)


@admin.register(Upload)
class UploadAdmin(ReadOnlyAdmin):
    list_display = ("id", "filename", "owner", "team", "created_at", "status", "preset_name", "zone_read")
    list_filter = ("status", "team", "owner", "created_at")
    search_fields = ("filename", "owner__username", "team__name")
    list_select_related = ("owner", "team")

    class Media:
        css = {"all": ["uploads/css/admin.css"]}  # no inline style: the Content-Security-Policy refuses it

    readonly_fields = [field.name for field in Upload._meta.fields] + [
        "page_link", "batches", "column_mapping", "what_was_decided", "zone_read"]
    fieldsets = [
        (None, {"fields": ("filename", "page_link", "owner", "team", "created_at", "status", "status_message",
                           "review_comment", "reviewed_by")}),
        ("How the file was read", {"fields": (
            "file", "file_format", "encoding", "delimiter", "sheet_name", "header_row", "zone_read", "preset_name",
            "preset_reason", "column_mapping", "what_was_decided")}),
        ("Delivery", {"fields": ("batches", "job_id", "heartbeat_at", "lease", "resume_at", "resumed_at", "finished_at",
                                 "resend_requested_at", "resend_requested_by", "purged_at")}),
        ("As stored (JSON)", {"classes": ("collapse",), "fields": (
            "columns", "preset", "decisions", "notices", "sheet_meta", "check_context")}),
    ]
    inlines = [AuditEventInline]
    actions = ["approve_uploads", "cancel_uploads", "resend_unconfirmed"]

    @admin.display(description="Page")
    def page_link(self, obj):
        return format_html('<a href="{}">Open the upload</a>', reverse("uploads:table", args=[obj.pk]))

    @admin.display(description="Time zone")
    def zone_read(self, obj):
        """The zone the times were read in: one the file declares (Qualtrics' third header row) over the upload's
        (QA round 64c: a Qualtrics upload read in America/Denver was listed as UTC)."""
        declared = ((obj.check_context or {}).get("dates") or {}).get("zone")
        return f"{declared} (given by the file)" if declared and declared != obj.time_zone else obj.time_zone

    @admin.action(description="Approve and send")
    def approve_uploads(self, request, queryset):
        _run_action(self, request, queryset, approval.approve, "approved")

    @admin.action(description="Cancel delivery")
    def cancel_uploads(self, request, queryset):
        _run_action(self, request, queryset, delivery.cancel_upload, "cancelled")

    @admin.action(description="Resend unconfirmed rows")
    def resend_unconfirmed(self, request, queryset):
        _run_action(self, request, queryset, _resend_unconfirmed, "queued again")

    @admin.display(description="Column mapping")
    def column_mapping(self, obj):
        """Each API field and the column, constant or value map the upload's preset gives it."""
        preset = obj.preset or {}
        lines = [(field, f"column '{column}'") for field, column in (preset.get("columns") or {}).items()]
        lines += [(field, f"always {value}") for field, value in (preset.get("constants") or {}).items()]
        lines += [(field, "words read as " + ", ".join(f"{word} = {score}" for word, score in list(table.items())[:8])
                   + (" ..." if len(table) > 8 else "")) for field, table in (preset.get("value_maps") or {}).items()]
        return format_html_join("", "<div><b>{}</b>: {}</div>", lines) or "-"

    @admin.display(description="What was decided")
    def what_was_decided(self, obj):
        """The reading's decisions and notices, as the mapping page lists them."""
        texts = [str(text) for text in [*(obj.decisions or []), *(obj.notices or [])]]
        items = format_html_join("", "<li>{}</li>", ((text,) for text in texts))
        return format_html('<ul class="decisions">{}</ul>', items) if texts else "-"

    @admin.display(description="Batches")
    def batches(self, obj):
        """Every batch of every submission, with its attempts (HTTP status and outcome, in order)."""
        batches = Batch.objects.filter(submission__upload=obj).prefetch_related("attempts").order_by("id")
        rows = format_html_join(
            "", '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (reverse("admin:uploads_batch_change", args=[batch.pk]), batch, batch.get_status_display(),
                 batch.item_count,
                 ", ".join(f"{a.http_status or '-'} {a.outcome}" for a in batch.attempts.all()) or "none")
                for batch in batches
            ),
        )
        return format_html(
            "<table><tr><th>Batch</th><th>Status</th><th>Items</th><th>Attempts</th></tr>{}</table>", rows
        )


@admin.register(Row)
class RowAdmin(ReadOnlyAdmin):
    list_display = ("number", "upload_link", "ticket", "status", "result", "maestro_id", "result_message")
    list_filter = ("status", "result", "upload__team")
    search_fields = ("maestro_id", "item__ticket_id", "item__agent_id", "item__agent_email", "upload__filename")
    list_select_related = ("upload",)
    readonly_fields = [field.name for field in Row._meta.fields]

    @admin.display(description="Ticket")
    def ticket(self, obj):
        return (obj.item or {}).get("ticket_id", "")

    @admin.display(description="Upload")
    def upload_link(self, obj):
        url = reverse("admin:uploads_upload_change", args=[obj.upload_id])
        return format_html('<a href="{}">{}</a>', url, obj.upload)


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    readonly_fields = ("started_at", "duration_ms", "http_status", "outcome", "message", "response_body")

    def has_add_permission(self, request, obj=None):
        return False


class RowResultInline(admin.TabularInline):
    """The batch's items and each one's result, in request order."""

    model = Row
    extra = 0
    can_delete = False
    fields = ("number", "item", "result", "maestro_id", "result_message")
    readonly_fields = fields
    ordering = ("number",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = ("id", "submission", "sequence", "status", "item_count")
    list_filter = ("status",)
    list_select_related = ("submission",)
    inlines = [AttemptInline, RowResultInline]
    readonly_fields = ("submission", "sequence", "status", "item_count")


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("id", "upload", "created_by", "created_at", "status")
    list_filter = ("status",)
    readonly_fields = ("upload", "created_by", "created_at", "parent", "status")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "user", "action", "upload")
    list_filter = ("action", "at")
    search_fields = ("upload__filename", "user__username", "action")
    list_select_related = ("user", "upload")
    readonly_fields = ("upload", "user", "at", "action", "details")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "member_names")
    search_fields = ("name", "members__username")
    filter_horizontal = ("members",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members")

    @admin.display(description="Members")
    def member_names(self, team: Team) -> str:
        """Usernames, sorted, so an admin sees who is in a team without opening it."""
        return ", ".join(sorted(member.username for member in team.members.all())) or "(none yet)"


class SavedPresetForm(forms.ModelForm):
    """A saved preset's JSON, checked as an imported preset file is (saved_presets.parse_json): an admin's
    edit cannot store a pattern that does not compile or a zone that does not exist (QA round 28b: a 500
    on the next upload)."""

    class Meta:
        model = SavedPreset
        fields = ("name", "data")

    def clean(self):
        cleaned = super().clean()
        name, data = cleaned.get("name"), cleaned.get("data")
        if not name or "data" not in cleaned:
            return cleaned
        try:
            saved_presets.check_name(name, self.instance.pk)
        except ValueError as exc:
            raise forms.ValidationError({"name": str(exc)}) from None
        data = {**data, "name": name} if isinstance(data, dict) else data
        try:
            saved_presets.parse_json(json.dumps(data).encode())
        except ValueError as exc:
            raise forms.ValidationError({"data": str(exc)}) from None
        cleaned["data"] = data
        return cleaned


@admin.register(SavedPreset)
class SavedPresetAdmin(admin.ModelAdmin):
    form = SavedPresetForm
    list_display = ("name", "created_by", "created_at")
    search_fields = ("name",)
    readonly_fields = ("created_by", "created_at")


@admin.register(Change)
class ChangeAdmin(ReadOnlyAdmin):
    """The fix-it table's history: each edit or bulk fix, who made it, and whether it was undone."""

    list_display = ("at", "upload_link", "user", "action", "description", "cells_changed", "undone")
    list_filter = ("action", "undone", "at")
    search_fields = ("description", "user__username", "upload__filename")
    list_select_related = ("upload", "user")
    readonly_fields = ("upload", "user", "at", "action", "description", "cells_changed", "before", "undone")

    @admin.display(description="Upload")
    def upload_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("uploads:table", args=[obj.upload_id]), obj.upload)
