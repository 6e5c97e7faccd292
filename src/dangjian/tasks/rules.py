"""The rules task supervision follows, with their sources, and the county's local settings.

Supervision (督查督办) is mostly local practice: the national rule is only that the party
committee plans, deploys, advances and assesses party building with the rest of the work
(shared/domain/rules.md §3). Everything else here is a county's choice and configurable.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from dangjian.core.citations import Rule, Status

DEPLOY_AND_ADVANCE = Rule(
    text="党建工作与经济社会发展同谋划、同部署、同推进、同考核",
    citation="《党委（党组）落实全面从严治党主体责任规定》第六条",
    status=Status.CONFIRMED,
)
MONTHLY_REPORT = Rule(
    text="牵头单位按月报送任务进展，每月25日前报送，附佐证材料",
    citation="本县督查督办制度（本县可配置）",
    status=Status.UNCERTAIN,
)
COMPLETION_APPROVAL = Rule(
    text="任务办结须附佐证材料，由交办方（责任领导或县委督查室，本县可配置）确认；"
         "牵头单位不能自行确认办结，任何人不得审核本人提出的申请",
    citation="本县督查督办制度（本县可配置）",
    status=Status.UNCERTAIN,
)
OVERDUE_SUPERVISION = Rule(
    text="任务逾期未完成的，向责任领导发督办提醒，并在督查通报中列明",
    citation="本县督查督办制度（本县可配置）",
    status=Status.UNCERTAIN,
)

OVERDUE_ACCOUNTABILITY = Rule(
    text="督查任务逾期超过N个工作日仍未完成的，向纪检监察提出问责建议（N本县可配置，默认10，"
         "与整改措施逾期问责建议一致）",
    citation="《中国共产党问责条例》（2019）；本县督查督办制度（本县可配置）",
    status=Status.UNCERTAIN,
    note="问责情形（贯彻落实决策部署不力）据记忆在第七条，条款号未核对原文；"
         "逾期工作日数N无全国性规定，默认10取自整改措施逾期问责建议的本县设置",
)


@dataclass(frozen=True)
class LocalSettings:
    """A county's own choices (UNCERTAIN as national rules): ``DANGJIAN_TASKS`` overrides."""

    yellow_working_days: int = 5  # 临期预警：截止前N个工作日亮黄灯
    report_day: int = 25  # 每月（季）N日前报送进展
    report_reminder_working_days: int = 3  # 报送截止前N个工作日提醒
    # 逾期N个工作日仍未完成的提出问责建议 (OVERDUE_ACCOUNTABILITY, 待核实); 0 turns it off
    accountability_after_working_days: int = 10
    document_max_bytes: int = 5 * 1024 * 1024  # 讲话、方案文件（.docx/.txt）大小上限
    evidence_max_bytes: int = 20 * 1024 * 1024
    evidence_types: tuple[str, ...] = ("pdf", "jpg", "png", "docx", "xlsx", "ofd")
    import_max_rows: int = 5000
    import_rows_per_step: int = 200  # 导入时每步校验的行数（进度条的一格）
    bulletin_prefix: str = "示督通"  # 督查通报发文字号的机关代字
    # Who confirms 办结 (COMPLETION_APPROVAL): "leader", the task's 责任领导, or "office", the
    # 党务干事 (督查室) of the organisation that deployed the plan. Never the lead unit itself.
    completion_confirmed_by: str = "leader"

    def __post_init__(self) -> None:
        if self.completion_confirmed_by not in COMPLETION_CONFIRMERS:
            raise ImproperlyConfigured(
                "DANGJIAN_TASKS completion_confirmed_by 只能是 leader（责任领导）"
                "或 office（督查室）")


COMPLETION_CONFIRMERS = {"leader": "责任领导", "office": "督查室"}


def local_settings() -> LocalSettings:
    from django.conf import settings

    return LocalSettings(**getattr(settings, "DANGJIAN_TASKS", {}))
