from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.ops.backup import BackupRefused, backup

from ._cli import cli_user


class Command(BaseCommand):
    help = "备份：数据库（SQLite 在线备份 / PostgreSQL pg_dump）、佐证材料文件和 MANIFEST.sha256"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="新的空目录，备份写入其中")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup(directory=options["directory"], username=cli_user())
        except BackupRefused as exc:
            raise CommandError(f"备份失败：{exc}") from exc
        self.stdout.write(
            f"备份完成：{report.directory}（{report.engine}，{report.files} 个文件，"
            f"{report.bytes / 1e6:.1f} MB，{report.seconds:.1f} 秒）。"
            f"可用 sha256sum -c MANIFEST.sha256 在该目录中校验。"
        )
