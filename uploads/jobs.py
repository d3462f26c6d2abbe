"""RQ entry points: take ids, call `delivery`, nothing else."""

from uploads import delivery


def deliver_submission(submission_id: int) -> None:
    """Deliver one submission (see delivery.deliver_submission)."""
    delivery.deliver_submission(submission_id)
