from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from csatportal import health

# Pages that name no icon (the admin's) make the browser ask for /favicon.ico, a 404 in its console.
# The static URL is looked up per request: a hashed name needs collectstatic's manifest.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("uploads/img/favicon.svg"))),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("django-rq/", include("django_rq.urls")),
    path("", include("uploads.urls")),
]

if settings.MAESTROQA_SANDBOX:
    urlpatterns.append(path("sandbox/api/v1/", include("sandbox.urls")))
