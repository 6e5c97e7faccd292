"""``dangjian accounts …``: account chores for operators at the server's console."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangjian.access import otp, services
from dangjian.access.models import User
from dangjian.access.roles import ADMIN_ROLES
from dangjian.orgs.models import Organization


class Command(BaseCommand):
    help = "账号维护：停用长期未登录账号、解除登录锁定、绑定动态口令、授予角色"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        idle = sub.add_parser("disable-idle", help="停用超过规定天数未登录的账号（每日任务）")
        idle.add_argument("--dry-run", action="store_true", help="只列出，不停用")
        unlock = sub.add_parser("unlock", help="解除某用户名（或某来源地址）的登录锁定")
        unlock.add_argument("username", help="用户名；为空字符串时解除 --ip 整个地址的锁定")
        unlock.add_argument("--ip", default="", help="只解除来自该地址的锁定")
        enrol = sub.add_parser("otp-enrol", help="为账号生成新的动态口令密钥（旧密钥作废）")
        enrol.add_argument("username")
        sub.add_parser("demo-otp", help="显示演示管理员当前的动态口令（仅演示环境）")
        grant = sub.add_parser(
            "grant", help="在服务器上为账号授予角色（恢复用：例如已无安全管理员时），记入审计日志")
        grant.add_argument("username")
        grant.add_argument("role", help="角色名称，例如：安全管理员")
        grant.add_argument("--organization", default="", help="范围组织的名称（业务角色需要）")

    def handle(self, *args: Any, **options: Any) -> None:
        handler = getattr(self, "_" + options["action"].replace("-", "_"))
        handler(**options)

    def _disable_idle(self, *, dry_run: bool, **options: Any) -> None:
        days = settings.DANGJIAN_ACCOUNT_IDLE_DAYS
        if dry_run:
            users = list(services.idle_accounts())
        else:
            users = services.disable_idle_accounts(actor=None)
        verb = "将停用" if dry_run else "已停用"
        self.stdout.write(f"{verb} {len(users)} 个超过 {days} 天未登录的账号")
        for user in users:
            self.stdout.write(f"  {user.username}（最后登录：{user.last_login or '从未登录'}）")

    def _unlock(self, *, username: str, ip: str, **options: Any) -> None:
        try:
            cleared = services.unlock(actor=None, username=username, ip=ip or None)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        where = f"“{username}”" if username else f"地址 {ip} "
        self.stdout.write(f"已解除{where}的登录锁定（清除 {cleared} 次失败记录）")

    def _otp_enrol(self, *, username: str, **options: Any) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户“{username}”不存在")
        device = otp.enrol(actor=None, user=user)
        self.stdout.write(f"已为“{username}”生成动态口令密钥，请当面交给本人录入验证器：")
        self.stdout.write(f"  密钥（base32）：{otp.base32_secret(device)}")
        self.stdout.write(f"  二维码内容：{device.config_url}")

    def _grant(self, *, username: str, role: str, organization: str, **options: Any) -> None:
        user = User.objects.filter(username__iexact=username.strip()).first()
        if user is None:
            raise CommandError(f"用户“{username}”不存在")
        org = None
        if organization:
            org = Organization.objects.filter(name=organization.strip()).first()
            if org is None:
                raise CommandError(f"组织“{organization}”不存在")
        try:
            services.grant_role(actor=None, user=user, role=role.strip(), organization=org)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        self.stdout.write(f"已为“{user.username}”授予{role.strip()}（已记入审计日志）")
        if role.strip() in ADMIN_ROLES and otp.usable_device(user) is None:
            self.stdout.write(f"该账号须使用动态口令登录：请运行 dangjian accounts otp-enrol "
                              f"{user.username}")

    def _demo_otp(self, **options: Any) -> None:
        if not settings.DANGJIAN_ALLOW_DEMO:
            raise CommandError("生产环境不允许使用演示动态口令")
        device = otp.TOTPDevice(key=otp.DEMO_TOTP_KEY)
        self.stdout.write(f"演示管理员当前动态口令：{otp.current_code(device)}"
                          f"（密钥 {otp.DEMO_TOTP_SECRET}，每30秒变化）")
