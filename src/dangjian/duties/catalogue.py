"""The template of responsibility items, as data: who holds each duty, what it is, the rule
behind it, how often it is due and what proves it.

``times`` is a number, or the name of a ``LocalSettings`` count the county sets. ``provider``
names an evidence provider (duties.evidence) that finds the proof already in the platform;
an item whose provider is not (yet) installed is recorded by hand.
"""

from dataclasses import dataclass

from dangjian.core.citations import Rule

from . import rules as r
from .kinds import Holder, Period


@dataclass(frozen=True)
class TemplateItem:
    key: str
    holder: str
    category: str
    text: str
    rule: Rule
    period: str
    times: int | str
    evidence: str
    provider: str = ""

    def count(self) -> int:
        if isinstance(self.times, int):
            return self.times
        return int(getattr(r.local_settings(), self.times))


H, P = Holder, Period
CATALOGUE: tuple[TemplateItem, ...] = (
    # 党委（党组）: the body itself (第六条, 第二条 参照执行)
    TemplateItem("org.deploy", H.ORGANIZATION, "统筹部署",
                 "把全面从严治党纳入全局工作，制定年度党建工作要点或实施方案，与业务工作同部署",
                 r.FOUR_TOGETHER, P.YEAR, 1, "年度工作要点、实施方案（平台“工作部署”）",
                 "tasks.plans"),
    TemplateItem("org.study", H.ORGANIZATION, "统筹部署",
                 "党委（党组）会议专题研究全面从严治党工作", r.STUDY_REGULARLY, P.YEAR,
                 "study_per_year", "党组（党委）会议记录：议题标注“全面从严治党”",
                 "orglife.party_group.discipline"),
    TemplateItem("org.ideology", H.ORGANIZATION, "统筹部署",
                 "党委（党组）会议专题研究意识形态工作", r.IDEOLOGY_STUDY, P.YEAR,
                 "ideology_per_year", "党组（党委）会议记录：议题标注“意识形态”",
                 "orglife.party_group.ideology"),
    TemplateItem("org.tasks", H.ORGANIZATION, "推进落实",
                 "承担的党建督办任务按期办结", r.LOCAL_SUPERVISION, P.ONGOING, 0,
                 "督办任务办结记录（平台“督查督办”）", "tasks.tasks"),
    TemplateItem("org.rectify", H.ORGANIZATION, "推进落实",
                 "对巡察反馈、监督工作提示单指出的问题按期整改销号", r.RECTIFICATION, P.ONGOING,
                 0, "整改措施销号记录（平台“监督整改”）", "oversight.measures"),
    TemplateItem("org.orglife", H.ORGANIZATION, "推进落实",
                 "落实“三会一课”等组织生活制度", r.ORGANISATIONAL_LIFE, P.QUARTER, 1,
                 "本单位党支部、党小组的三会一课记录（平台“组织生活”）", "orglife.meetings"),
    TemplateItem("org.report", H.ORGANIZATION, "报告考核",
                 "向上级党委书面报告履行全面从严治党主体责任情况", r.WRITTEN_REPORT, P.YEAR, 1,
                 "书面报告（可由本清单生成初稿）"),
    # 书记: 第一责任人, "四个亲自" (第八条)
    TemplateItem("sec.deploy", H.SECRETARY, "四个亲自",
                 "重要工作亲自部署：主持研究部署本单位全面从严治党工作", r.FIRST_RESPONSIBLE,
                 P.YEAR, 1, "工作要点、实施方案或部署会议记录", "tasks.plans"),
    TemplateItem("sec.ask", H.SECRETARY, "四个亲自",
                 "重大问题亲自过问：定期听取党建工作汇报，研究解决重大问题", r.FIRST_RESPONSIBLE,
                 P.YEAR, "hear_reports_per_year",
                 "党组（党委）会议记录：议题标注“党建工作汇报”、本人到会",
                 "orglife.party_group.reports"),
    TemplateItem("sec.coordinate", H.SECRETARY, "四个亲自",
                 "重点环节亲自协调：协调解决党建工作中的重点难点", r.FIRST_RESPONSIBLE, P.YEAR, 1,
                 "协调会议记录、批示"),
    TemplateItem("sec.supervise", H.SECRETARY, "四个亲自",
                 "重要案件亲自督办：督办本单位承担的督办任务和整改事项", r.FIRST_RESPONSIBLE,
                 P.ONGOING, 0, "督办任务办结记录（平台“督查督办”）", "tasks.tasks"),
    TemplateItem("sec.lecture", H.SECRETARY, "示范带头", "每年至少讲1次党课", r.LECTURE_YEARLY,
                 P.YEAR, 1, "党课记录（本人为授课人，平台“组织生活”）", "orglife.lectures"),
    TemplateItem("sec.account", H.SECRETARY, "报告考核", "述责述廉，接受评议", r.ACCOUNT_YEARLY,
                 P.YEAR, 1, "述责述廉报告（可由本清单生成初稿）"),
    # 班子成员: 一岗双责, 重要领导责任
    TemplateItem("mem.deploy", H.MEMBER, "一岗双责",
                 "分管领域业务工作与党建工作一同部署、一同检查", r.ONE_POST_TWO_DUTIES, P.YEAR, 1,
                 "部署、检查记录"),
    TemplateItem("mem.guide", H.MEMBER, "一岗双责",
                 "督促指导分管单位落实主体责任，听取分管单位党建工作汇报", r.ONE_POST_TWO_DUTIES,
                 P.YEAR, "guide_per_year",
                 "党组（党委）会议记录：议题标注“党建工作汇报”、本人到会",
                 "orglife.party_group.reports"),
    TemplateItem("mem.notices", H.MEMBER, "一岗双责",
                 "对分管领域的监督工作提示单及时签收、回复，督促整改", r.RECTIFICATION,
                 P.ONGOING, 0, "提示单回复（平台“监督整改”）", "oversight.notices"),
    TemplateItem("mem.tasks", H.MEMBER, "一岗双责", "负责的督办任务按期推进、办结",
                 r.LOCAL_SUPERVISION, P.ONGOING, 0, "督办任务办结记录（平台“督查督办”）",
                 "tasks.tasks"),
    TemplateItem("mem.dual", H.MEMBER, "示范带头", "以普通党员身份参加所在支部组织生活",
                 r.DUAL_LIFE, P.QUARTER, 1, "所在支部的参会记录（平台“组织生活”）",
                 "orglife.attendance"),
    TemplateItem("mem.account", H.MEMBER, "报告考核", "述责述廉，接受评议", r.ACCOUNT_YEARLY,
                 P.YEAR, 1, "述责述廉报告（可由本清单生成初稿）"),
)


def items_for(holder: str) -> list[TemplateItem]:
    return [item for item in CATALOGUE if item.holder == holder]
