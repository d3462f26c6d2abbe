"""The upload pages: thin views, one call into a module each."""

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from uploads import (
    access,
    approval,
    audit,
    control,
    delimiters,
    delivery,
    fixes,
    intake,
    mappingpage,
    reportlink,
    reports,
    saved_presets,
    submitplan,
    table,
    tablehistory,
)
from uploads.forms import (
    ApplyPresetForm,
    BulkFixForm,
    CellEditForm,
    MappingForm,
    ReadingForm,
    SavePresetForm,
    UploadForm,
    encoding_choice,
    encoding_label,
    errors_in_words,
    sent_filename,
)
from uploads.models import Row, Upload

# Uploads per page of "Your uploads", newest first.
HOME_PAGE_SIZE = 50


def _get_upload_for_user(request, pk: int) -> Upload:
    """The upload if this user may see it, else 404 (never 403: ids are not confirmed): see access.py."""
    return access.get_upload_for_user(request.user, pk)


def _home(request, form: UploadForm, status: int = 200):
    uploads = access.visible_uploads(request.user).select_related("owner", "reviewed_by").order_by("-created_at", "-id")
    page = Paginator(uploads, HOME_PAGE_SIZE).get_page(request.GET.get("page"))
    table.add_list_counts(page.object_list)
    admin = access.is_admin(request.user)
    waiting = approval.waiting_for_admin(uploads)[:HOME_PAGE_SIZE] if admin else []
    context = {"uploads": page, "form": form, "all_uploads": admin, "waiting": waiting,
               "team_uploads": not admin and request.user.teams.exists()}  # a colleague's too (QA round 67b W7)
    return render(request, "uploads/home.html", context, status=status)


@login_required
@never_cache  # pages of an upload's state: Back draws them anew, not with stale buttons (QA round 76c)
def home(request):
    return _home(request, UploadForm())


@login_required
def upload_new(request):
    """POST: a new upload. GET: the home page, which has the upload form; coming from the login page (which
    sends back a user whose session expired mid-upload), with a message that the file was lost."""
    if request.method != "POST":
        if urlsplit(request.META.get("HTTP_REFERER", "")).path == resolve_url(settings.LOGIN_URL):
            messages.warning(request, "The file was not uploaded: your session had expired when you sent it. "
                                      "Choose it again below.")  # QA round 38a: the file was lost without a word
        return redirect("uploads:home")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _home(request, form, status=400)
    received = form.cleaned_data["file"]
    name = sent_filename(received.name)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        with path.open("wb") as handle:
            for chunk in received.chunks():
                handle.write(chunk)
        options = intake.ReadOptions(time_zone=form.cleaned_data["time_zone"], sheet=form.cleaned_data["sheet"] or None,
                                     header_row=form.cleaned_data["header_row"],
                                     encoding=form.cleaned_data["encoding"] or None)
        try:
            upload = intake.create_upload(request.user, path, name, options)
        except intake.IntakeError as exc:
            form.add_error("file", f"{name}: {exc.text()}")
            return _home(request, form, status=400)
    audit.record(upload, request.user, "uploaded", filename=upload.filename, rows=upload.rows.count(),
                 preset=upload.preset_name)
    return redirect("uploads:mapping", upload.pk)


@login_required
@never_cache
def mapping_page(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = MappingForm(request.POST or None, columns=upload.columns, current_zone=upload.time_zone,
                       initial=mappingpage.mapping_initial(upload), locked=not upload.is_editable,
                       split_sources=mappingpage.split_sources(upload),
                       questions=mappingpage.column_questions(upload))
    if request.method == "POST" and form.is_valid():
        before = upload.preset
        try:
            flipped = fixes.remap_upload(upload, request.user, mappingpage.preset_from_form(upload, form.cleaned_data),
                                         form.cleaned_data["time_zone"])
        except intake.IntakeError as exc:
            messages.error(request, exc.text())
        else:
            audit.record(upload, request.user, "mapping_chosen", preset=upload.preset_name, time_zone=upload.time_zone,
                         **mappingpage.mapping_changes(before, upload.preset))
            if flipped:
                messages.warning(request, flipped)
        return redirect("uploads:table", upload.pk)
    context = {
        "upload": upload, "form": form, "explain": mappingpage.explain_mapping(upload),
        "row_count": upload.rows.count(),
        "decisions": mappingpage.mapping_decisions(upload), "delimiter": delimiters.delimiter_name(upload.delimiter),
        "encoding": encoding_label(upload.encoding), "table_steps": mappingpage.table_steps(upload),
        "declared_zone": mappingpage.declared_zone(upload),
        "reading_form": ReadingForm(
            sheet_names=upload.sheet_meta.get("sheet_names", []),
            initial={"header_row": upload.header_row, "sheet": upload.sheet_name,
                     "encoding": encoding_choice(upload.encoding)},
        ),
        "save_form": SavePresetForm(initial={"name": saved_presets.own_name(upload)}),  # Export names it so
        "apply_form": ApplyPresetForm(preset_names=saved_presets.preset_names()),
    }
    return render(request, "uploads/mapping.html", context)


@login_required
@access.post_or_back
def mapping_reread(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = ReadingForm(request.POST, sheet_names=upload.sheet_meta.get("sheet_names", []))
    if form.is_valid():
        data = form.cleaned_data
        options = intake.ReadOptions(
            encoding=data.get("encoding") or None, delimiter=data.get("delimiter") or None,
            header_row=data["header_row"], sheet=data.get("sheet") or None,
        )
        try:
            kept = fixes.reread_upload(upload, request.user, options)
            messages.success(request, f"The file was read again with your settings; edits made in the table were "
                                      f"dropped. {kept}".strip())
        except intake.IntakeError as exc:  # QA round 47c: the reason alone read as if the upload were lost
            messages.error(request, "Your settings under Read the file differently could not read the file, so "
                                    f"nothing changed: it is still read as shown below. {exc.text()}")
    else:
        messages.error(request, f"Nothing was read again: {errors_in_words(form)}")
    return redirect("uploads:mapping", upload.pk)


@login_required
@access.post_or_back
def mapping_apply_preset(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = ApplyPresetForm(request.POST, request.FILES, preset_names=saved_presets.preset_names())
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()))
        return redirect("uploads:mapping", upload.pk)
    try:
        chosen = form.cleaned_data["preset_file"]
        preset = (saved_presets.parse_imported(chosen.read()) if chosen
                  else saved_presets.find_preset(form.cleaned_data["preset"]))
        flipped = fixes.apply_preset(upload, request.user, preset)
        messages.success(request, f"Applied the preset '{preset.name}'." + (
            " It was imported, not saved: save it below so that later files with these columns use it."
            if chosen else ""))  # QA round 71c C7
        if flipped:
            messages.warning(request, flipped)
    except intake.IntakeError as exc:
        messages.error(request, exc.text())
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect("uploads:mapping", upload.pk)


@login_required
@access.post_or_back
def mapping_save_preset(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = SavePresetForm(request.POST)
    if form.is_valid():
        try:
            saved = saved_presets.save_mapping(upload, form.cleaned_data["name"], request.user,
                                               replace=form.cleaned_data["replace"])
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            audit.record(upload, request.user, "preset_saved", name=saved.name)
            messages.success(request, f"{'Replaced' if saved.replaced else 'Saved'} the preset "
                                      f"'{saved.name}'.")
    else:
        messages.error(request, f"Nothing was saved: {errors_in_words(form)}")
    return redirect("uploads:mapping", upload.pk)


@login_required
def mapping_export(request, pk: int):
    """The mapping as a preset JSON download, named as the user typed (?name= or the save form's name)."""
    upload = _get_upload_for_user(request, pk)
    name = (request.POST.get("name") or request.GET.get("name") or "")[:100]
    filename, text = saved_presets.export_json(upload, name, request.user)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = reports.attachment_header(filename)
    return response


@login_required
@never_cache
def table_page(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    page = table.page_of_rows(upload, request.GET)
    figures = {} if upload.is_editable else control.page_figures(upload)
    context = {
        "upload": upload,
        "page": page,
        "delivery": figures,
        "result_links": table.result_links(figures),
        "resend_needs_admin": control.resend_needs_admin(request.user),
        "filter": request.GET.get("status", ""),
        "declared_zone": mappingpage.declared_zone(upload),
        "sent_again": reportlink.sent_again(upload, request.user),
        "created_before": reportlink.created_before(upload, request.user),
        "same_answers": submitplan.same_answers(upload) if upload.is_editable else "",
        **table.page_context(upload, request.GET, page),
    }
    return render(request, "uploads/table.html", context)


@access.login_required_json
@require_POST
def edit_cell(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    form = CellEditForm(request.POST)
    if not form.is_valid():
        sentences = dict.fromkeys(message for errors in form.errors.values() for message in errors)
        return JsonResponse({"error": " ".join(sentences)}, status=400)
    data = form.cleaned_data
    row = get_object_or_404(Row, upload=upload, pk=data["row"])
    try:
        changed = fixes.edit_cell(upload, request.user, row, data["column"], data["text"], expected=data["old"])
    except intake.IntakeError as exc:
        return JsonResponse({"error": exc.text()}, status=409)
    audit.record(upload, request.user, "cell_edited", row=row.number, column=upload.columns[data["column"]])
    rows_html = {
        str(item.pk): render_to_string("uploads/snippets/row.html", {"row": display, "upload": upload}, request)
        for item, display in zip(changed, table.display_rows(upload, changed), strict=True)
    }
    return JsonResponse({"rows": rows_html, "counts": submitplan.status_counts(upload), "status": upload.status,
                         "status_display": upload.status_label})


@login_required
@access.post_or_back
def submit(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    try:
        fixes.check_seen(upload, request.POST.get("seen"), request.user)
        submitplan.check_rows_shown(upload, request.POST.get("rows"))
        approval.submit(upload, request.user)
    except (fixes.FixError, delivery.DeliveryError) as exc:
        messages.error(request, str(exc))
    return redirect("uploads:table", upload.pk)


@login_required
@access.post_or_back
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
@access.post_or_back
def bulk_fix(request, pk: int):
    """Apply (or with ?preview=1 count) one bulk fix; back to the same filtered table."""
    upload = _get_upload_for_user(request, pk)
    form = BulkFixForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": form.errors.as_text()}, status=400)
    data = form.cleaned_data
    rows = fixes.select_rows(upload, data["rows"] if data["scope"] == "selected" else None, request.POST)
    args = (upload, rows, data["action"], data["column"], data["value"], data["find"])
    try:
        fixes.check_seen(upload, request.POST.get("seen"), request.user)
        if request.GET.get("preview"):
            return JsonResponse({"count": fixes.preview(*args), "action": data["action"]})
        step = fixes.apply_fix(upload, request.user, data["action"], rows, data["column"], data["value"], data["find"],
                               confirmed=data["confirm"])
        messages.success(request, f"Done: {step.description}. Undo takes it back.")
    except fixes.FixError as exc:
        if request.GET.get("preview"):
            return JsonResponse({"error": str(exc)}, status=409)
        messages.error(request, str(exc))
    return redirect(f"{upload.get_absolute_url()}?{table.query_string(request.POST)}")


@login_required
@access.post_or_back
def undo(request, pk: int):
    upload = _get_upload_for_user(request, pk)
    try:
        fixes.check_seen(upload, request.POST.get("seen"), request.user)
        step = fixes.undo_last(upload, request.user)
        messages.success(request, f"Undone: {step.description.removeprefix('undid: ')}.")
    except fixes.FixError as exc:
        messages.error(request, str(exc))
    return redirect(f"{upload.get_absolute_url()}?{table.query_string(request.POST)}")


@login_required
def summary(request, pk: int):
    """The counts, problem summary, charts and history as an HTML fragment, for a refresh after an edit;
    after a delivery also its box (an edit of a failed row changes what can be resent)."""
    upload = _get_upload_for_user(request, pk)
    context = {"upload": upload, **table.summary_context(upload, request.GET), **tablehistory.history_context(upload),
               "matching": table.filter_rows(upload, request.GET).count()}  # "N rows match" (QA round 38a)
    if not upload.is_editable and upload.status != upload.Status.AWAITING_APPROVAL:
        context["delivery"] = control.page_figures(upload)
        context["result_links"] = table.result_links(context["delivery"])
        context["resend_needs_admin"] = control.resend_needs_admin(request.user)
    return render(request, "uploads/snippets/refresh.html", context)
