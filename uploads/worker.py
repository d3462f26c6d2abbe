"""The RQ worker class every portal worker runs (settings.RQ["WORKER_CLASS"]).

An rq Worker whose periodic maintenance also runs the delivery watchdog
(`control.check_deliveries`) every DELIVERY_WATCHDOG_SECONDS while idle, and at
start, and re-does readings and checks of uploads that stopped half-way
(`control.check_uploads`). So a delivery whose worker died is resumed by any other worker within
DELIVERY_STALE_SECONDS + DELIVERY_WATCHDOG_SECONDS (65 s by default), without
depending on RQ's scheduler, whose lock a killed worker keeps for a minute.
"""

from django.conf import settings
from rq import Worker

from uploads import control


class DeliveryWorker(Worker):
    """rq.Worker plus the delivery watchdog; takes the same arguments."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("maintenance_interval", settings.DELIVERY_WATCHDOG_SECONDS)
        super().__init__(*args, **kwargs)

    @property
    def dequeue_timeout(self) -> int:
        """Wake up at least once per watchdog period even with an empty queue."""
        return max(1, min(super().dequeue_timeout, settings.DELIVERY_WATCHDOG_SECONDS))

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()
        control.check_deliveries()
        control.check_uploads()
