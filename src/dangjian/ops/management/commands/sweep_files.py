from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dangjian.ops.orphans import GRACE_SECONDS, sweep_orphans

from ._cli import cli_user


class Command(BaseCommand):
    help = "删除没有任何记录引用的已存文件（上传中断留下的孤立文件），并写入审计日志"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只列出，不删除")
        parser.add_argument("--grace-minutes", type=int, default=GRACE_SECONDS // 60,
                            help="只处理早于这么多分钟的文件（默认 60，避开正在上传的文件）")

    def handle(self, *args: Any, **options: Any) -> None:
        orphans = sweep_orphans(username=cli_user(), dry_run=options["dry_run"],
                                grace_seconds=options["grace_minutes"] * 60)
        for path in orphans:
            self.stdout.write(str(path))
        verb = "发现" if options["dry_run"] else "已删除"
        self.stdout.write(f"{verb}孤立文件 {len(orphans)} 个")
