"""Regulations the openness app encodes (shared/domain/rules.md §6, sketches B-4), with their
citations, and the local settings a county may change."""

from dataclasses import dataclass

from dangjian.core.citations import Rule, Status

PARTY_RULES = "《中国共产党党务公开条例（试行）》"
GOVERNMENT_RULES = "《中华人民共和国政府信息公开条例》（2019）"
VILLAGE_RULES = "《中华人民共和国村民委员会组织法》"

PROCEDURE_RULE = Rule(
    text="党务公开按照提出、审核（保密审查）、审批、实施的程序进行",
    citation=f"{PARTY_RULES}第十五条",
    status=Status.CONFIRMED,
)
INSIDE_FIRST_RULE = Rule(
    text="党务公开一般先党内后党外",
    citation=f"{PARTY_RULES}第四条",
    status=Status.CONFIRMED,
    note="seen only in part: the wording of the principle is confirmed, its paragraph is not",
)
FOUR_SCOPES_RULE = Rule(
    text="公开范围：向社会公开；在党内公开；在本地区本部门本单位公开；对特定组织、党员和群众公开",
    citation=PARTY_RULES,
    status=Status.CONFIRMED_2ND,
    note="article number unconfirmed",
)
BASIC_ORG_RULE = Rule(
    text="基层党组织应当公开换届选举、发展党员、民主评议、召开组织生活会、党费收缴使用管理等情况",
    citation=PARTY_RULES,
    status=Status.UNCERTAIN,
    note="content CONFIRMED-2nd (rmzxw.com summary); the article number is not verified",
)
GOVERNMENT_PROACTIVE_RULE = Rule(
    text="属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以公开",
    citation=f"{GOVERNMENT_RULES}第二十六条",
    status=Status.CONFIRMED_2ND,
)
GOVERNMENT_REQUEST_RULE = Rule(
    text="依申请公开：自收到申请之日起20个工作日内予以答复；需要延长的，延长的期限最长不得超过20个工作日",
    citation=f"{GOVERNMENT_RULES}第三十三条",
    status=Status.UNCERTAIN,
    note="article recalled from memory; the figures match a county page",
)
VILLAGE_CADENCE_RULE = Rule(
    text="村务一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；"
         "涉及村民利益的重大事项应当随时公布",
    citation=f"{VILLAGE_RULES}第三十条",
    status=Status.CONFIRMED_2ND,
)
AT_ONCE_RULE = Rule(
    text="随时公开的事项（村务重大事项“随时公布”），在事项形成后N个工作日内公开（N本县可配置，默认5）",
    citation=f"{VILLAGE_RULES}第三十条；N为本县做法",
    status=Status.UNCERTAIN,
    note="“随时公布” is confirmed (CONFIRMED-2nd); the number of working days is local practice",
)
AFTER_PERIOD_RULE = Rule(
    text="定期公开的事项（每月、每季、每年），在所属期间结束后N个工作日内公开（N本县可配置，默认10）",
    citation="党务政务公开工作制度（本县制度，本县可配置）",
    status=Status.UNCERTAIN,
    note="no national text fixes the days after a period; local practice",
)
INSIDE_FIRST_WAIVER_RULE = Rule(
    text="目录事项标明须先党内公开的，向社会公开前应已在党内公开；确需同时或先行向社会公开的，"
         "由审批人写明理由",
    citation=f"{PARTY_RULES}第四条（“一般”先党内后党外）",
    status=Status.UNCERTAIN,
    note="the principle is confirmed; recording the approver's reason is this county's reading of"
         " “一般”",
)
ACCOUNTABILITY_PUBLIC_RULE = Rule(
    text="纪检机关应当公开问责等情况；本县对以所设方式（默认“通报”）作出的问责决定生成公开草稿",
    citation=f"{PARTY_RULES}关于纪检机关公开内容的规定；问责方式见《中国共产党问责条例》第八条",
    status=Status.CONFIRMED_2ND,
    note="content CONFIRMED-2nd (rmzxw.com summary), article number not verified; which forms"
         " are drafted is the county's setting (accountability_public_forms, 待核实)",
)
RECTIFICATION_PUBLIC_RULE = Rule(
    text="巡视巡察进驻、反馈、整改等情况，以适当方式公开，接受党员和群众监督",
    citation="《中国共产党巡视工作条例》（2017）第三十二条",
    status=Status.CONFIRMED_2ND,
    note="cited by a county 巡察整改公开 opinion; re-check the number against the 2024 revision."
         " Which finding sources count as 巡察 is the county's setting (rectification_sources)",
)
FEEDBACK_RULE = Rule(
    text="群众对公开内容的意见建议，责任单位在规定的工作日内答复（本县可配置）",
    citation="党务政务公开工作制度（本县制度，本县可配置）",
    status=Status.UNCERTAIN,
)

RULES = (PROCEDURE_RULE, INSIDE_FIRST_RULE, INSIDE_FIRST_WAIVER_RULE, FOUR_SCOPES_RULE,
         BASIC_ORG_RULE, GOVERNMENT_PROACTIVE_RULE, GOVERNMENT_REQUEST_RULE, VILLAGE_CADENCE_RULE,
         AT_ONCE_RULE, AFTER_PERIOD_RULE, ACCOUNTABILITY_PUBLIC_RULE, RECTIFICATION_PUBLIC_RULE,
         FEEDBACK_RULE)


@dataclass(frozen=True)
class LocalSettings:
    """Local practice: each value is the county's own choice (UNCERTAIN unless cited above)."""

    feedback_answer_working_days: int = 10  # 群众留言N个工作日内答复
    feedback_yellow_working_days: int = 2  # 答复期限前N个工作日内亮黄灯
    feedback_per_address: int = 5  # 同一地址每小时最多留言N条
    feedback_max_chars: int = 1000
    request_working_days: int = 20  # 依申请公开：20个工作日（政府信息公开条例）
    request_extension_max: int = 20  # 延长最长20个工作日，只能延长一次
    matter_working_days: int = 20  # 事项形成后公开：默认20个工作日（第二十六条）
    at_once_working_days: int = 5  # 随时公开：N个工作日内（AT_ONCE_RULE，待核实）
    after_period_working_days: int = 10  # 定期公开：期末后N个工作日（AFTER_PERIOD_RULE，待核实）
    # 问责决定 of these forms are drafted for disclosure (ACCOUNTABILITY_PUBLIC_RULE，待核实).
    accountability_public_forms: tuple[str, ...] = ("通报",)
    # 巡察整改 drafts come from findings of these sources (RECTIFICATION_PUBLIC_RULE，待核实).
    rectification_sources: tuple[str, ...] = ("巡察反馈",)
    prepare_look_back_days: int = 90  # 从已有数据生成草稿：回看N天
    attachment_max_bytes: int = 20 * 1024 * 1024
    attachment_types: tuple[str, ...] = ("pdf", "jpg", "png", "docx", "xlsx", "ofd")


def local_settings() -> LocalSettings:
    """The county's settings: ``DANGJIAN_OPENNESS`` (a dict) overrides the defaults."""
    from django.conf import settings

    return LocalSettings(**getattr(settings, "DANGJIAN_OPENNESS", {}))
