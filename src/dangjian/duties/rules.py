"""The regulations responsibility lists encode (shared/domain/rules.md §3), with citations and
how sure we are of each, and the counts a county sets for itself.

Only what the 2020 规定 and the rules it leans on say is cited as national; the counts
("at least N times a year") are local practice and come from ``LocalSettings``.
"""

from dataclasses import dataclass

from dangjian.core.citations import Rule, Status

MAIN_RULE = "《党委（党组）落实全面从严治党主体责任规定》"
BRANCH_RULE = "《中国共产党支部工作条例（试行）》"
SUPERVISION_RULE = "《中国共产党党内监督条例》"

YEAR_END_ACCOUNTABILITY = Rule(
    text="责任清单事项年终未完成的，向纪检监察提出问责建议；落实主体责任不力的依规问责",
    citation=f"{MAIN_RULE}（2020）第四章；《中国共产党问责条例》（2019）",
    status=Status.UNCERTAIN,
    note="主体责任规定第四章“监督追责”未读原文（rules.md §3：UNCERTAIN）；"
         "“年终未完成即提出问责建议”为本平台的做法，由纪检监察决定是否问责",
)
SCOPE = Rule(
    text="党的基层组织参照执行主体责任规定",
    citation=f"{MAIN_RULE}（2020）第二条",
    status=Status.CONFIRMED,
)
FOUR_TOGETHER = Rule(
    text="党建工作与经济社会发展同谋划、同部署、同推进、同考核",
    citation=f"{MAIN_RULE}（2020）第六条",
    status=Status.CONFIRMED,
)
FIRST_RESPONSIBLE = Rule(
    text="书记履行全面从严治党第一责任人职责：重要工作亲自部署、重大问题亲自过问、"
         "重点环节亲自协调、重要案件亲自督办",
    citation=f"{MAIN_RULE}（2020）第八条",
    status=Status.CONFIRMED_2ND,
    note="“四个亲自”表述见中国纪检监察报2020-03-19解读",
)
ONE_POST_TWO_DUTIES = Rule(
    text="领导班子其他成员对职责范围内的全面从严治党负重要领导责任，落实“一岗双责”",
    citation=f"{MAIN_RULE}（2020）",
    status=Status.CONFIRMED_2ND,
    note="据求是网引述",
)
STUDY_REGULARLY = Rule(
    text="党委（党组）定期专题研究全面从严治党工作（地方一般每年不少于2次）",
    citation=f"{MAIN_RULE}（2020）及地方实施办法；次数本县可配置",
    status=Status.UNCERTAIN,
    note="次数待核实",
)
WRITTEN_REPORT = Rule(
    text="党委（党组）每年向上级党委书面报告履行全面从严治党主体责任情况",
    citation=f"{MAIN_RULE}（2020）第三、四章",
    status=Status.UNCERTAIN,
    note="具体时限待核实",
)
ACCOUNT_YEARLY = Rule(
    text="党的领导干部每年在党委（党组）扩大会议上述责述廉",
    citation=f"{SUPERVISION_RULE}（2016）",
    status=Status.CONFIRMED_2ND,
)
LECTURE_YEARLY = Rule(
    text="党委（党组）书记每年至少讲1次党课",
    citation=f"{BRANCH_RULE}（2018）“三会一课”条款",
    status=Status.CONFIRMED_2ND,
)
ORGANISATIONAL_LIFE = Rule(
    text="落实“三会一课”：支部党员大会一般每季度1次，支部委员会、党小组会一般每月1次",
    citation=f"{BRANCH_RULE}（2018）第十一至十三条",
    status=Status.CONFIRMED,
)
DUAL_LIFE = Rule(
    text="党员领导干部以普通党员身份参加所在支部或党小组的组织生活（双重组织生活）",
    citation=f"{BRANCH_RULE}（2018）",
    status=Status.CONFIRMED_2ND,
    note="按季度参加为地方做法，待核实",
)
RECTIFICATION = Rule(
    text="对巡察反馈、监督工作提示单等指出的问题，党委（党组）承担整改主体责任",
    citation=f"{MAIN_RULE}（2020）第四章；《巡视工作条例》整改条款",
    status=Status.UNCERTAIN,
)
LOCAL_SUPERVISION = Rule(
    text="县委、县政府部署的党建重点任务按期办结，逾期督办",
    citation="本县督查督办制度（本县可配置）",
    status=Status.UNCERTAIN,
)


IDEOLOGY_RULE = "《党委（党组）意识形态工作责任制实施办法》"
IDEOLOGY_STUDY = Rule(
    text="党委（党组）定期专题研究意识形态工作（地方一般每年不少于2次）",
    citation=f"{IDEOLOGY_RULE}（中办，2015）及地方实施方案；次数本县可配置",
    status=Status.CONFIRMED_2ND,
    note="全文未公开，据地方实施方案转引；次数待核实",
)


@dataclass(frozen=True)
class LocalSettings:
    """A county's counts (each UNCERTAIN as a national rule): ``DANGJIAN_DUTIES`` overrides."""

    study_per_year: int = 2  # 党委（党组）专题研究全面从严治党
    hear_reports_per_year: int = 2  # 书记听取党建工作汇报
    guide_per_year: int = 2  # 班子成员听取分管单位党建工作汇报
    ideology_per_year: int = 2  # 党委（党组）专题研究意识形态工作
    report_prefix: str = "述责"  # 年度报告发文字号的代字，如 述责〔2026〕3号


def local_settings() -> LocalSettings:
    from django.conf import settings

    return LocalSettings(**getattr(settings, "DANGJIAN_DUTIES", {}))


# The rules above by key: an imported template's 依据 column names one of these keys (its
# citation is then the rule's own), or holds the county's own citation as free text.
RULES: dict[str, Rule] = {name: value for name, value in dict(globals()).items()
                          if isinstance(value, Rule) and name.isupper()}
