"""The upload pages: thin views, one call into a module each."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from uploads import control, delivery, intake, reports, table
from uploads.forms import CellEditForm, MappingForm, UploadForm
from uploads.models import Row, Upload


def _get_upload_for_user(request, pk: int) -> Upload:
    """The upload if this user may see it, else 404 (never 403: ids are not confirmed)."""
    uploads = Upload.objects.all() if request.user.is_staff else Upload.objects.filter(owner=request.user)
    return get_object_or_404(uploads, pk=pk)


@login_required
def home(request):
    uploads = Upload.objects.all() if request.user.is_staff else Upload.objects.filter(owner=request.user)
    uploads = uploads.select_related("owner").annotate(
        n_rows=Count("rows"),
        n_invalid=Count("rows", filter=Q(rows__status=Row.Status.INVALID)),
        n_created=Count("rows", filter=Q(rows__result=Row.Result.CREATED)),
    )[:200]
    return render(request, "uploads/home.html", {"uploads": uploads, "form": UploadForm()})


@login_required
@require_POST
def upload_new(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "uploads/home.html", {"form": form, "uploads": []}, status=400)
    received = form.cleaned_data["file"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        with path.open("wb") as handle:
            for chunk in received.chunks():
                handle.write(chunk)
        options = intake.ReadOptions(time_zone=form.cleaned_data["time_zone"])
        try:
            upload = intake.create_upload(request.user, path, received.name, options)
        except intake.IntakeError as exc:
            form.add_error("file", [f"{received.name}: {message}" for message in exc.messages])
            return render(request, "uploads/home.html", {"form": form, "uploads": []}, status=400)
    return redirect("uploads:mapping", upload.pk)


@login_required
def mapping_page(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = MappingForm(request.POST or None, columns=upload.columns, initial=table.mapping_initial(upload))
    if request.method == "POST" and form.is_valid():
        try:
            intake.remap_upload(upload, table.preset_from_form(upload, form.cleaned_data), form.cleaned_data["time_zone"])
        except intake.IntakeError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("uploads:table", upload.pk)
    context = {"upload": upload, "form": form, "explain": table.explain_mapping(upload)}
    return render(request, "uploads/mapping.html", context)


@login_required
def table_page(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    rows = table.filter_rows(upload, request.GET)
    page = Paginator(rows, table.page_size(request.GET)).get_page(request.GET.get("page"))
    context = {
        "upload": upload,
        "page": page,
        "rows": table.display_rows(upload, page.object_list),
        "counts": table.status_counts(upload),
        "delivery": control.progress(upload),
        "filter": request.GET.get("status", ""),
        "plan": table.submit_plan(upload),
    }
    return render(request, "uploads/table.html", context)


@login_required
@require_POST
def edit_cell(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = CellEditForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": form.errors.as_text()}, status=400)
    row = get_object_or_404(Row, upload=upload, pk=form.cleaned_data["row"])
    try:
        changed = intake.edit_cell(row, form.cleaned_data["column"], form.cleaned_data["text"])
    except intake.IntakeError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=409)
    rows_html = {
        str(item.pk): render_to_string("uploads/snippets/row.html", {"row": display, "upload": upload}, request)
        for item, display in zip(changed, table.display_rows(upload, changed))
    }
    return JsonResponse({"rows": rows_html, "counts": table.status_counts(upload), "status": upload.status})


@login_required
@require_POST
def submit(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    try:
        delivery.submit_upload(upload, request.user)
    except delivery.DeliveryError as exc:
        messages.error(request, str(exc))
    return redirect("uploads:table", upload.pk)


@login_required
@require_POST
def delivery_control(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    try:
        action, confirmed = request.POST.get("action", ""), request.POST.get("confirm") == "yes"
        messages.success(request, control.apply_action(upload, request.user, action, confirmed))
    except delivery.DeliveryError as exc:
        messages.error(request, str(exc))
    return redirect("uploads:table", upload.pk)


@login_required
def progress(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    return JsonResponse(control.progress(upload))


@login_required
def error_report(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{reports.report_filename(upload)}"'
    reports.write_error_report(upload, response)
    return response
