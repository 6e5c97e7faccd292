from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.access.otp import DEMO_TOTP_SECRET, ensure_demo_devices
from dangjian.demo.generator import DEMO_ACCOUNTS, build_demo
from dangjian.orgs.models import Organization


class Command(BaseCommand):
    help = "生成演示数据：虚构的示范县（--scale N 生成 N 个县，用于性能测试）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="县的个数（市≈10，省≈100）")
        parser.add_argument("--persons-factor", type=float, default=1.0,
                            help="每个支部人数的倍数（测试用小值）")
        parser.add_argument("--if-empty", action="store_true", help="数据库已有组织时跳过")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DANGJIAN_ALLOW_DEMO:
            raise CommandError("生产环境不允许加载演示数据")
        password = settings.DANGJIAN_DEMO_PASSWORD
        if options["if_empty"] and Organization.objects.exists():
            self.stdout.write("数据库已有数据，跳过演示数据生成。")
        else:
            summary = build_demo(scale=options["scale"], persons_factor=options["persons_factor"],
                                 password=password)
            self.stdout.write(f"已生成演示数据：{summary.organizations} 个组织，"
                              f"{summary.persons} 名人员。")
        ensure_demo_devices()  # the 三员 share the published TOTP secret (docs/security.md)
        self.stdout.write(f"\n演示账号（密码均为 {password}）：")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.username:<18} {account.role:<6} {account.description}")
        self.stdout.write(
            "\n管理员（admin、secadmin、auditor）登录还须输入动态口令：在验证器中添加密钥 "
            f"{DEMO_TOTP_SECRET}（TOTP，6位，30秒），"
            "或运行 dangjian accounts demo-otp 查看当前口令")
