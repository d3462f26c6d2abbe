"""Recurring jobs for `manage.py rqcron uploads.cron` (RQ's cron scheduler, started by runportal).

Run one `rqcron` process per deployment (it only enqueues; any worker runs the
jobs). The purge is idempotent, so a second scheduler would only repeat a no-op.
"""

from rq import cron

from uploads import jobs

cron.register(jobs.purge_old_uploads, "default", interval=24 * 60 * 60, name="purge_old_uploads")
