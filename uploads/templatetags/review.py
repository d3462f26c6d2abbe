"""Snippets for the upload page: the review box (comment, approval links), reports, the activity log."""

from django import template

from uploads import access, audit

register = template.Library()


@register.inclusion_tag("uploads/snippets/review_box.html", takes_context=True)
def review_box(context, upload) -> dict:
    """The reviewer's comment (for everyone who sees the upload), report links, and for admins the
    review link and the activity log."""
    admin = access.is_admin(context["request"].user)
    return {"upload": upload, "admin": admin, "events": audit.events_for(upload) if admin else []}
