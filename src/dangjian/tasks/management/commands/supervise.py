from typing import Any

from django.core.management.base import BaseCommand

from dangjian.tasks.services.reminders import run_daily


class Command(BaseCommand):
    help = "督查督办：逾期任务标为逾期并督办责任领导，临期和报送提醒（每天运行一次，可重复运行）"

    def handle(self, *args: Any, **options: Any) -> None:
        report = run_daily()
        taken = "，".join(f"{kind} {count}" for kind, count in report.taken.items())
        self.stdout.write(f"扫描未完成任务 {report.scanned} 项，新标逾期 {report.overdue} 项；"
                          f"新发提醒：{taken}")
