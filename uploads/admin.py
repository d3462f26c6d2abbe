"""Admin for review: uploads, rows and their results, batches and attempts; read-only history."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from uploads.models import Attempt, Batch, Row, Submission, Upload


class ReadOnlyAdmin(admin.ModelAdmin):
    """History is recorded by the portal, never typed in: no add, change or delete here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Upload)
class UploadAdmin(ReadOnlyAdmin):
    list_display = ("id", "filename", "owner", "created_at", "status", "preset_name", "time_zone")
    list_filter = ("status", "created_at", "owner")
    search_fields = ("filename", "owner__username")
    list_select_related = ("owner",)
    readonly_fields = [field.name for field in Upload._meta.fields] + ["page_link", "batches"]

    @admin.display(description="Page")
    def page_link(self, obj):
        return format_html('<a href="{}">Open the upload</a>', reverse("uploads:table", args=[obj.pk]))

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
    list_display = ("number", "upload_link", "status", "result", "maestro_id", "result_message")
    list_filter = ("status", "result")
    search_fields = ("maestro_id", "item__ticket_id", "upload__filename")
    list_select_related = ("upload",)
    readonly_fields = [field.name for field in Row._meta.fields]

    @admin.display(description="Upload")
    def upload_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:uploads_upload_change", args=[obj.upload_id]), obj.upload)


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
