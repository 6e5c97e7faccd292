"""The daily jobs, listed once: Celery beat (dangjian.celery) and the in-process scheduler of the
embedded default (dangjian.core.scheduler) both read this list.

Each job is idempotent (a unique row per step taken), so running it twice on a day, or once
late, sends nothing twice. A job's ``name`` is also its Celery task's name and its beat entry;
the task itself sits in the app's ``tasks.py`` and calls the same ``function``.
"""

from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo

# The wall clock the jobs' times are read on (the county's; beat's timezone too).
TIMEZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Job:
    name: str  # the Celery task's name and the beat entry's
    function: str  # dotted path of the function the in-process scheduler calls
    at: time  # wall-clock time of day, Asia/Shanghai
    label: str  # what it does, in Chinese (logs, the operator's reading)

    @property
    def app(self) -> str:
        """The package whose ``tasks.py`` holds the Celery task (``dangjian.oversight`` …)."""
        return ".".join(self.function.split(".")[:2])


# In the order of the day; each job is independent: one failing keeps no other from running.
JOBS: list[Job] = [
    Job("access.daily", "dangjian.access.tasks.run_daily", time(2, 0),
        "账户清理：停用长期未登录的账户，清除过期会话"),
    Job("ops.sweep_files", "dangjian.ops.orphans.run_daily", time(2, 30),
        "清理上传中断遗留的文件"),
    # before office hours, so the reminders are read in the morning
    Job("oversight.escalate_daily", "dangjian.oversight.services.escalation.run_daily",
        time(7, 30), "整改措施督办升级"),
    Job("oversight.recheck_daily", "dangjian.oversight.services.rechecks.run_daily",
        time(7, 35), "回头看到期提醒（已销号问题）"),
    Job("tasks.supervise_daily", "dangjian.tasks.services.reminders.run_daily", time(7, 40),
        "督查任务到期、逾期提醒"),
    Job("duties.year_end_daily", "dangjian.duties.services.accountability.run_daily",
        time(7, 45), "责任清单年终检查：上年度未完成的责任事项提出问责建议（每张清单一次）"),
    Job("dangjian.monthly_due", "dangjian.orglife.services.reminders.run_daily", time(7, 50),
        "本月待办：支部组织生活、发展党员、走访慰问（每月发送一次）"),
    # after the domain jobs, so the scores read the day's escalations and lights
    Job("assessment.score_daily", "dangjian.assessment.services.scoring.run_daily", time(8, 0),
        "党建考核：重新计算进行中周期的系统计算得分，锁定已结束周期"),
]
