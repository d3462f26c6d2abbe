"""Who sees what: admins see every upload, support managers their own team's.

An admin is a staff user or a member of the group named ADMIN_GROUP. A
manager sees the uploads of every team they belong to, and their own uploads
(an upload made before they had a team has none). Everything else is a 404,
never a 403, so that guessing ids confirms nothing.
"""

import functools
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect

from uploads.models import Team, Upload

ADMIN_GROUP = "Admins"


def is_admin(user) -> bool:
    """True for a signed-in staff user or a member of the "Admins" group."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name=ADMIN_GROUP).exists()


def visible_uploads(user) -> QuerySet[Upload]:
    """The uploads `user` may see and act on."""
    if is_admin(user):
        return Upload.objects.all()
    return Upload.objects.filter(Q(owner=user) | Q(team__in=user.teams.all()))


def get_upload_for_user(user, pk: int) -> Upload:
    """The upload if `user` may see it; raises Http404 otherwise."""
    return get_object_or_404(visible_uploads(user), pk=pk)


def team_for(user) -> Team | None:
    """The team a new upload by `user` belongs to: their first team by name, or None."""
    return user.teams.order_by("name").first() if user.is_authenticated else None


SESSION_EXPIRED = "Your session has expired: sign in again, then save the cell again."


def login_required_json(view):
    """Like login_required, for the pages' fetch() calls: a signed-out request gets JSON
    {"error": SESSION_EXPIRED, "session_expired": true} with 401, not a redirect to the login
    page (which fetch would follow, reading the login form as the answer)."""

    @functools.wraps(view)
    def check(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": SESSION_EXPIRED, "session_expired": True}, status=401)
        return view(request, *args, **kwargs)

    return check


PRESS_AGAIN = ("Nothing was done: your session had expired when the button was pressed, and signing in "
               "cannot press it again for you. Check this page, then press the button again.")


def post_or_back(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like require_POST for a button of an upload's pages (url kwarg `pk`): a GET, which is what
    the login page sends back after a session expired on the button's POST, goes to the upload's
    page with PRESS_AGAIN instead of an empty 405."""

    @functools.wraps(view)
    def check(request, *args, **kwargs):
        if request.method == "POST":
            return view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["POST"])
        upload = get_upload_for_user(request.user, kwargs["pk"])  # a 404 for an upload they cannot see
        messages.warning(request, PRESS_AGAIN)
        return redirect("uploads:table", upload.pk)

    return check


def require_admin(view):
    """Decorator: the view exists only for admins (others get 404, signed-out users the login page)."""

    def check(user) -> bool:
        if user.is_authenticated and not is_admin(user):
            raise Http404("No such page.")
        return user.is_authenticated

    return user_passes_test(check)(view)


class AdminRoleBackend:
    """Gives every admin (see is_admin) the permissions of the portal's models and of users and groups,
    so the Django admin lets them review uploads and manage teams, presets and users.

    Authenticates nobody itself: listed after ModelBackend in AUTHENTICATION_BACKENDS.
    """

    APPS = ("uploads", "auth")

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        return user.is_active and perm.split(".", 1)[0] in self.APPS and is_admin(user)

    def has_module_perms(self, user, app_label: str) -> bool:
        return user.is_active and app_label in self.APPS and is_admin(user)
