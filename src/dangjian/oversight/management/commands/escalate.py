from typing import Any

from django.core.management.base import BaseCommand

from dangjian.oversight.services.escalation import run_daily


class Command(BaseCommand):
    help = "督办升级：临期提醒、逾期报告分管领导、超期提出问责建议（每天运行一次，可重复运行）"

    def handle(self, *args: Any, **options: Any) -> None:
        report = run_daily()
        taken = "，".join(f"{step} {count}" for step, count in report.taken.items())
        self.stdout.write(f"扫描临期及逾期整改措施 {report.scanned} 条；新执行：{taken}")
