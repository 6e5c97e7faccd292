from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.audit.services import verify_chain


class Command(BaseCommand):
    help = "审计日志工具：verify 校验 SM3 哈希链"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if report.first_bad is not None or report.reason:
            where = f"事件 #{report.first_bad.pk}" if report.first_bad else "链尾"
            raise CommandError(
                f"审计链校验失败：{where}，{report.reason}（此前 {report.checked} 条正常）"
            )
        self.stdout.write(f"审计链完整：共 {report.checked} 条事件，哈希全部相符。")
