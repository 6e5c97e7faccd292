"""The rules task supervision follows, with their sources, and the county's local settings.

Supervision (督查督办) is mostly local practice: the national rule is only that the party
committee plans, deploys, advances and assesses party building with the rest of the work
(shared/domain/rules.md §3). Everything else here is a county's choice and configurable.
"""

from dataclasses import dataclass

from dangjian.citations import Rule, Status

DEPLOY_AND_ADVANCE = Rule(
    text="党建工作与经济社会发展同谋划、同部署、同推进、同考核",
    citation="《党委（党组）落实全面从严治党主体责任规定》第六条",
    status=Status.CONFIRMED,
)
MONTHLY_REPORT = Rule(
    text="牵头单位按月报送任务进展，每月25日前报送，附佐证材料",
    citation="本县督查督办制度（地方做法，可配置）",
    status=Status.UNCERTAIN,
)
COMPLETION_APPROVAL = Rule(
    text="任务办结须经牵头单位党组织书记审核同意，并附佐证材料",
    citation="本县督查督办制度（地方做法，可配置）",
    status=Status.UNCERTAIN,
)
OVERDUE_SUPERVISION = Rule(
    text="任务逾期未完成的，向责任领导发督办提醒，并在督查通报中列明",
    citation="本县督查督办制度（地方做法，可配置）",
    status=Status.UNCERTAIN,
)


@dataclass(frozen=True)
class LocalSettings:
    """A county's own choices (UNCERTAIN as national rules): ``DANGJIAN_TASKS`` overrides."""

    yellow_working_days: int = 5  # 临期预警：截止前N个工作日亮黄灯
    report_day: int = 25  # 每月（季）N日前报送进展
    report_reminder_working_days: int = 3  # 报送截止前N个工作日提醒
    document_max_bytes: int = 5 * 1024 * 1024  # 讲话、方案文件（.docx/.txt）大小上限
    evidence_max_bytes: int = 20 * 1024 * 1024
    evidence_types: tuple[str, ...] = ("pdf", "jpg", "png", "docx", "xlsx", "ofd")
    import_max_rows: int = 5000
    import_rows_per_step: int = 200  # 导入时每步校验的行数（进度条的一格）
    bulletin_prefix: str = "示督通"  # 督查通报发文字号的机关代字


def local_settings() -> LocalSettings:
    from django.conf import settings

    return LocalSettings(**getattr(settings, "DANGJIAN_TASKS", {}))
