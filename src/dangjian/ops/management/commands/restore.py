from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.ops.restore import RestoreRefused, restore

from ._cli import cli_user


class Command(BaseCommand):
    help = "恢复：把备份目录恢复到 DATABASE_URL 指定的空数据库，并恢复佐证材料文件"
    requires_system_checks: list[str] = []  # the target is empty: nothing to check yet
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="dangjian backup 写出的备份目录")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(directory=options["directory"], username=cli_user())
        except RestoreRefused as exc:
            raise CommandError(f"恢复被拒绝：{exc}") from exc
        self.stdout.write(
            f"恢复完成（{report.engine}，{report.media_files} 个文件，{report.seconds:.1f} 秒）。"
            "如程序版本比备份新，请再运行 dangjian migrate。"
        )
