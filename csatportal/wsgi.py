"""WSGI entry point (gunicorn csatportal.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csatportal.settings")
application = get_wsgi_application()
