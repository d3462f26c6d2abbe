"""RQ entry points: take ids, call the module that does the work, nothing else."""

from uploads import sending


def deliver_submission(submission_id: int) -> None:
    """Deliver one submission (see sending.deliver_submission)."""
    sending.deliver_submission(submission_id)


def recover_upload(upload_id: int) -> None:
    """Finish a reading or check whose run died (see intake.recover_upload)."""
    from uploads import intake

    intake.recover_upload(upload_id)


def purge_old_uploads() -> None:
    """Daily retention run (see retention.purge_old_uploads); scheduled by uploads/cron.py."""
    from uploads import retention

    retention.purge_old_uploads()
