import getpass
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.audit.archive import PruneRefused, archive_events, prune_archived
from dangjian.audit.segments import ArchiveError
from dangjian.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "审计日志工具：verify 校验归档段与实时 SM3 哈希链；archive 将尚未归档的事件（至昨日）"
        "导出为签名归档文件（--prune 随后清理超过保留期且已归档的事件）；prune 只做清理"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "archive", "prune"])
        parser.add_argument("--dir", type=Path, default=None,
                            help="归档目录（默认 DANGJIAN_AUDIT_ARCHIVE_DIR 或 var/audit-archive）")
        parser.add_argument("--prune", action="store_true", help="归档后清理（仅 archive）")

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["dir"]
        try:
            if options["action"] == "verify":
                self._verify(directory)
                return
            if options["action"] == "archive":
                self._archive(directory)
            if options["action"] == "prune" or options["prune"]:
                self._prune(directory)
        except (ArchiveError, PruneRefused, ImproperlyConfigured) as exc:
            raise CommandError(str(exc)) from exc

    def _verify(self, directory: Path | None) -> None:
        report = verify_chain(archive_dir=directory)
        if not report.ok:
            where = (f"事件 #{report.first_bad.pk}" if report.first_bad
                     else report.where or "链尾")
            raise CommandError(
                f"审计链校验失败：{where}，{report.reason}"
                f"（此前归档 {report.archived} 条、实时 {report.checked} 条正常）"
            )
        if not report.archived:
            self.stdout.write(f"审计链完整：共 {report.checked} 条事件，哈希全部相符。")
            return
        self.stdout.write(
            f"审计链完整：归档段中 {report.archived} 条、实时库中 {report.checked} 条事件，"
            "签名、摘要与哈希全部相符。"
        )

    def _archive(self, directory: Path | None) -> None:
        archive = archive_events(directory=directory, username=_cli_user())
        if archive is None:
            self.stdout.write("没有需要归档的事件。")
            return
        self.stdout.write(
            f"已归档事件 #{archive.first_event_id}–#{archive.last_event_id}"
            f"（{archive.event_count} 条）到 {archive.path}，签名文件 {archive.path}.sig"
        )

    def _prune(self, directory: Path | None) -> None:
        report = prune_archived(archive_dir=directory, username=_cli_user())
        if report.deleted:
            self.stdout.write(
                f"已清理 {report.deleted} 条早于 {report.cutoff:%Y-%m-%d} 且已归档的事件"
                f"（至事件 #{report.up_to_event_id}）。"
            )
        else:
            self.stdout.write(f"没有早于 {report.cutoff:%Y-%m-%d} 且已归档的事件，无需清理。")


def _cli_user() -> str:
    return f"命令行:{getpass.getuser()}"[:150]
