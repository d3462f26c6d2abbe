"""Pages for review and reports: approval, send back, withdraw, report downloads, find a ticket.

Kept apart from views.py so the fix-it table's views stay small; same rules:
thin function views, an ownership check first (access.py), one call into a module.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from uploads import access, approval, audit, delivery, mappingpage, reports, search


@login_required
@access.require_admin
@never_cache  # Back after Approve shows the state now, not an Approve button (QA round 76c)
def review_page(request, pk: int):
    upload = access.get_upload_for_user(request.user, pk)
    context = {"upload": upload, "summary": approval.review_summary(upload), "events": audit.events_for(upload),
               "comment_chars": approval.REVIEW_COMMENT_CHARS,
               "reviewed": approval.submission_mark(upload),
               "declared_zone": mappingpage.declared_zone(upload)}  # as the rows table says it (QA round 78b)
    return render(request, "uploads/review.html", context)


@login_required
@access.require_admin
@access.post_or_back
def approve(request, pk: int):
    upload = access.get_upload_for_user(request.user, pk)
    try:
        reviewed = request.POST.get("reviewed", "")
        approval.approve(upload, request.user, int(reviewed) if reviewed.isdigit() else None)
    except delivery.DeliveryError as exc:
        messages.error(request, str(exc))
        upload.refresh_from_db()
        if upload.status == upload.Status.AWAITING_APPROVAL:
            return redirect("uploads:review", upload.pk)
    return redirect("uploads:table", upload.pk)


@login_required
@access.require_admin
@access.post_or_back
def send_back(request, pk: int):
    upload = access.get_upload_for_user(request.user, pk)
    try:
        approval.send_back(upload, request.user, request.POST.get("comment", ""))
    except delivery.DeliveryError as exc:
        messages.error(request, str(exc))
        return redirect("uploads:review", upload.pk)
    return redirect("uploads:table", upload.pk)


@login_required
@access.post_or_back
def withdraw(request, pk: int):
    upload = access.get_upload_for_user(request.user, pk)
    try:
        approval.withdraw(upload, request.user)
    except delivery.DeliveryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Withdrawn: the upload can be changed again; submit it again when it is ready.")
    return redirect("uploads:table", upload.pk)


@login_required
def report(request, pk: int, kind: str, fmt: str):
    upload = access.get_upload_for_user(request.user, pk)
    response = HttpResponse(content_type=reports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = reports.attachment_header(reports.report_filename(upload, kind, fmt))
    reports.write_report(upload, kind, fmt, response)
    audit.record(upload, request.user, "report_downloaded", kind=kind, format=fmt)
    return response


@login_required
@access.require_admin
def find_ticket(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "hits": search.find_sends(query) if query else []}
    return render(request, "uploads/find.html", context)
