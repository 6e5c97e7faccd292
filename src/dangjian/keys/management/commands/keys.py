import getpass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.core.crypto import UnknownKeyVersion, keyring
from dangjian.keys.services import DEFAULT_BATCH_SIZE, key_status, rotate_personal_data


class Command(BaseCommand):
    help = (
        "字段密钥：status 查看各密钥版本的人数；"
        "rotate 将人员个人信息重新加密到当前密钥（可中断后重跑）"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["status", "rotate"])
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                            help="每批（每个事务）处理的人数")
        parser.add_argument("--max-batches", type=int, default=None,
                            help="最多处理的批数，之后停止（再次运行从剩余处继续）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "status":
                self._status()
            else:
                self._rotate(options["batch_size"], options["max_batches"])
        except (ImproperlyConfigured, UnknownKeyVersion, ValueError) as exc:
            raise CommandError(f"密钥操作被拒绝：{exc}") from exc

    def _status(self) -> None:
        self.stdout.write(f"当前密钥版本：{keyring().current}")
        for version, count in key_status().items():
            self.stdout.write(f"  {version}：{count} 人")

    def _rotate(self, batch_size: int, max_batches: int | None) -> None:
        report = rotate_personal_data(
            username=f"命令行:{getpass.getuser()}"[:150],
            batch_size=batch_size, max_batches=max_batches,
        )
        rate = report.rotated / report.seconds if report.seconds else 0.0
        self.stdout.write(
            f"已将 {report.rotated} 人的个人信息重新加密到密钥 {report.target}"
            f"（{report.batches} 批，{report.seconds:.1f} 秒，约 {rate:.0f} 人/秒）。"
        )
        if report.remaining:
            self.stdout.write(f"尚有 {report.remaining} 人未轮换，再次运行本命令即可继续。")
        else:
            self.stdout.write(
                "全部人员已使用当前密钥；确认后可从 DANGJIAN_FIELD_KEYS 中移除旧密钥。"
            )
