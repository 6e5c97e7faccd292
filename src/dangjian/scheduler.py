"""The embedded default's scheduler: a daemon thread running the daily jobs once a day.

Production uses Celery beat instead (dangjian.celery, the same jobs as tasks); this runs only
when ``DANGJIAN_INPROCESS_SCHEDULER`` is set, which ``make run`` does.
"""

import logging
import threading
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.db import close_old_connections

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60

# Each job is independent: one failing must not keep the others from running.
DAILY_JOBS = [
    "dangjian.access.tasks.run_daily",  # idle accounts, expired sessions
    "dangjian.oversight.services.escalation.run_daily",  # 督办升级 of rectification measures
    "dangjian.tasks.services.reminders.run_daily",  # 督办 reminders of tasks
    "dangjian.orglife.services.reminders.run_daily",  # 本月待办 of branches
    "dangjian.ops.orphans.run_daily",  # files left by uploads cut off mid-way
]


def _job(path: str) -> Callable[[], Any]:
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def run_daily_jobs() -> None:
    for path in DAILY_JOBS:
        try:
            logger.warning("每日任务 %s 完成：%s", path, _job(path)())
        except Exception:  # logged; tomorrow's run tries again
            logger.exception("每日任务 %s 失败", path)


def _loop(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            run_daily_jobs()
        finally:
            close_old_connections()  # a day's sleep outlives any database connection
        stop.wait(DAY_SECONDS)


def start() -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop,), name="daily-jobs", daemon=True).start()
    return stop
