"""The embedded default's scheduler: a daemon thread running the daily jobs (account hygiene,
escalation) once a day.

Production uses Celery beat instead (dangjian.celery); this runs only when
``DANGJIAN_INPROCESS_SCHEDULER`` is set, which ``make run`` does.
"""

import logging
import threading

from django.db import close_old_connections

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


def _loop(stop: threading.Event) -> None:
    from dangjian.access.tasks import run_daily as access_daily
    from dangjian.oversight.services.escalation import run_daily

    while not stop.is_set():
        try:
            access_daily()
            report = run_daily()
            logger.warning("督办升级完成：扫描 %s 条，执行 %s", report.scanned, report.taken)
        except Exception:  # the thread must survive a bad day; the error is logged
            logger.exception("督办升级失败")
        finally:
            close_old_connections()
        stop.wait(DAY_SECONDS)


def start() -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop,), name="escalation", daemon=True).start()
    return stop
