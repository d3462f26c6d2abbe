"""`manage.py purge_old_uploads`: delete files and comments of uploads older than RETENTION_DAYS."""

from django.core.management.base import BaseCommand

from uploads import retention


class Command(BaseCommand):
    help = "Delete uploaded files and comments older than RETENTION_DAYS (counts and item ids stay)."

    def handle(self, *args, **options):
        count = retention.purge_old_uploads()
        self.stdout.write(f"Purged {count} upload(s).")
