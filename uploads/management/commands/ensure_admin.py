"""`manage.py ensure_admin`: create a first admin login when there is no user yet, and say how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the first admin (user 'admin', random password saved under var/) if no admin exists."

    def add_arguments(self, parser):
        parser.add_argument(
            "address", nargs="?", default="",
            help="host:port the portal is served on (as given to runportal); default: PORTAL_URL",
        )

    def handle(self, *args, address: str, **options):
        users = get_user_model()
        password_file = settings.VAR_DIR / "admin-password.txt"
        login = f"http://{address}/login/" if address else f"{settings.PORTAL_URL}/login/"
        if users.objects.filter(is_superuser=True).exists():
            hint = f" (password in {password_file})" if password_file.exists() else ""
            self.stdout.write(f"Sign in at {login} with your admin account{hint}.")
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser("admin", "admin@localhost", password)
        password_file.write_text(password + "\n", encoding="utf-8")
        password_file.chmod(0o600)
        self.stdout.write(
            f"Created the first admin. Sign in at {login} as 'admin' "
            f"with password {password} (also saved in {password_file})."
        )
