"""The 支部工作条例's obligations as data (shared/domain/rules.md §1), with citations and how
sure we are of each, and the local settings a county may change.

A meeting rule says which kind of organisation must hold which meeting how often; a structure
rule says what a branch must look like. The compliance report names the rule a gap breaks.
"""

from dataclasses import dataclass, field
from enum import Enum

from django.core.exceptions import ImproperlyConfigured

from dangjian.core.citations import Rule, Status
from dangjian.orgs.models import OrgKind

from .models import MeetingKind

BRANCH_REGULATION = "《中国共产党支部工作条例（试行）》"
K = MeetingKind


class Period(Enum):
    """How often an obligation falls due; the value is (label, months of each period)."""

    MONTH = ("每月", tuple((m,) for m in range(1, 13)))
    QUARTER = ("每季度", tuple(tuple(range(q, q + 3)) for q in (1, 4, 7, 10)))
    YEAR = ("每年", (tuple(range(1, 13)),))
    # 组织生活会: "每年至少1次，一般安排在第四季度". A meeting earlier in the year still fulfils
    # the yearly minimum, so it counts like YEAR; the label tells clerks when it is expected.
    Q4 = ("每年（一般在第四季度）", (tuple(range(1, 13)),))

    @property
    def label(self) -> str:
        return self.value[0]

    @property
    def periods(self) -> tuple[tuple[int, ...], ...]:
        return self.value[1]

    def name_of(self, months: tuple[int, ...]) -> str:
        """How a gap names the period it falls in: 3月, 第二季度, 全年."""
        if self is Period.MONTH:
            return f"{months[0]}月"
        if self is Period.QUARTER:
            return f"第{'一二三四'[(months[0] - 1) // 3]}季度"
        return "全年"


class AppliesWhen(Enum):
    """Conditions beyond the organisation's kind."""

    ALWAYS = "always"
    # 支委会 only where a 支部委员会 exists; a branch with fewer than 7 full members has a
    # secretary and no committee (条例 第六章). One with 7+ and none is a structure gap instead.
    HAS_COMMITTEE = "has committee"


@dataclass(frozen=True)
class MeetingRule:
    key: str
    kind: str  # a MeetingKind
    applies_to: frozenset[str]  # OrgKind values
    period: Period
    min_count: int  # per period
    rule: Rule
    configurable: bool = False  # a county may change or switch off the rule in settings
    applies_when: AppliesWhen = AppliesWhen.ALWAYS

    @property
    def citation(self) -> str:
        return self.rule.citation


@dataclass(frozen=True)
class StructureRule:
    key: str
    rule: Rule


BRANCH = frozenset({OrgKind.BRANCH.value})
LEADING_GROUPS = frozenset({OrgKind.PARTY_GROUP.value, OrgKind.PARTY_COMMITTEE.value,
                            OrgKind.WORKING_COMMITTEE.value, OrgKind.COUNTY_COMMITTEE.value})

COMMITTEE_MONTHLY = MeetingRule(
    key="committee", kind=K.COMMITTEE, applies_to=BRANCH, period=Period.MONTH, min_count=1,
    rule=Rule("支部委员会会议一般每月召开1次", f"{BRANCH_REGULATION}第十二条", Status.CONFIRMED),
    applies_when=AppliesWhen.HAS_COMMITTEE,
)
ASSEMBLY_QUARTERLY = MeetingRule(
    key="assembly", kind=K.BRANCH_ASSEMBLY, applies_to=BRANCH, period=Period.QUARTER,
    min_count=1,
    rule=Rule("支部党员大会一般每季度召开1次", f"{BRANCH_REGULATION}第十一条", Status.CONFIRMED),
)
CELL_MONTHLY = MeetingRule(
    key="cell", kind=K.CELL, applies_to=frozenset({OrgKind.PARTY_CELL.value}),
    period=Period.MONTH, min_count=1,
    rule=Rule("党小组会一般每月召开1次", f"{BRANCH_REGULATION}第十三条", Status.CONFIRMED),
)
THEME_DAY_MONTHLY = MeetingRule(
    key="theme_day", kind=K.THEME_DAY, applies_to=BRANCH, period=Period.MONTH, min_count=1,
    rule=Rule("每月相对固定1天开展主题党日",
              f"{BRANCH_REGULATION}“三会一课”及主题党日条款",
              Status.CONFIRMED_2ND, note="条号待核实"),
)
ORG_LIFE_YEARLY = MeetingRule(
    key="org_life", kind=K.ORG_LIFE, applies_to=BRANCH, period=Period.Q4, min_count=1,
    rule=Rule("组织生活会每年至少召开1次，一般安排在第四季度",
              f"{BRANCH_REGULATION}第十七条", Status.CONFIRMED_2ND, note="条号待核实"),
)
EVALUATION_YEARLY = MeetingRule(
    key="evaluation", kind=K.EVALUATION, applies_to=BRANCH, period=Period.YEAR, min_count=1,
    rule=Rule("民主评议党员一般每年开展1次，可结合组织生活会进行",
              f"{BRANCH_REGULATION}民主评议党员条款", Status.CONFIRMED_2ND,
              note="条号待核实"),
)
# Outside rules.md §1: the 民主生活会 of leading groups. On by default (issue 13), still
# UNCERTAIN: a county that has not confirmed it switches it off (LocalSettings.democratic_life).
DEMOCRATIC_LIFE_YEARLY = MeetingRule(
    key="democratic_life", kind=K.DEMOCRATIC_LIFE, applies_to=LEADING_GROUPS,
    period=Period.YEAR, min_count=1,
    rule=Rule("党组（党委）领导班子每年召开1次民主生活会",
              "《县以上党和国家机关党员领导干部民主生活会若干规定》（本县可配置）",
              Status.UNCERTAIN, note="未收入 rules.md，待核实"),
    configurable=True,
)


def _lecture_rule(period: Period, min_count: int) -> MeetingRule:
    """党课: the 条例 names no branch frequency; "每季度至少1次" is local practice (rules.md §1,
    open item 4), so the period and count come from the county's settings."""
    return MeetingRule(
        key="lecture", kind=K.LECTURE, applies_to=BRANCH, period=period, min_count=min_count,
        rule=Rule(f"党课{period.label}至少{min_count}次（本地规定）",
                  f"{BRANCH_REGULATION}未规定支部党课频次；本地规定（本县可配置）",
                  Status.UNCERTAIN, note="待核实"),
        configurable=True,
    )


# 谈心谈话 (rules.md §1.1, from a secondary summary of the 条例: CONFIRMED-2nd). The coverage
# report (services.talks.coverage) expects, in a branch and a year: every pair of 支部委员,
# each other member with at least one 委员 (the secretary where no committee sits) and each
# member with at least one other ordinary member.
HEART_TALK_RULE = Rule(
    "支部委员之间、支部委员和党员之间、党员和党员之间每年谈心谈话一般不少于1次",
    f"{BRANCH_REGULATION}组织生活条款", Status.CONFIRMED_2ND,
    note="据 rules.md §1.1（seu.edu.cn 摘要）；条号待核实")
# 民主生活会前 talks: the 若干规定's pattern (the secretary with each member of the team, the
# members with each other) is recalled, not read: UNCERTAIN (sketches.md B-8).
LIFE_MEETING_TALKS_RULE = Rule(
    "召开民主生活会前，班子成员之间、班子成员与分管单位主要负责人之间应开展谈心谈话",
    "《县以上党和国家机关党员领导干部民主生活会若干规定》", Status.UNCERTAIN,
    note="未收入 rules.md，待核实")

QUORUM_RULE = Rule(
    "支部党员大会须有半数以上有表决权的党员到会方可召开（预备党员没有表决权）",
    f"{BRANCH_REGULATION}第十一条", Status.CONFIRMED)
COMMITTEE_QUORUM_RULE = Rule(
    "支部委员会会议须有半数以上委员到会方可召开", f"{BRANCH_REGULATION}第十二条",
    Status.CONFIRMED)

COMMITTEE_FROM_FULL_MEMBERS = 7
MIN_FULL_MEMBERS = 3
VILLAGE_TERM_YEARS = 5
OTHER_TERM_YEARS = 3

NO_COMMITTEE = StructureRule("no_committee", Rule(
    f"正式党员{COMMITTEE_FROM_FULL_MEMBERS}人以上的党支部应当设立支部委员会",
    f"{BRANCH_REGULATION}第六章", Status.CONFIRMED_2ND))
TERM_EXPIRED = StructureRule("term_expired", Rule(
    f"村、社区党支部委员会每届任期{VILLAGE_TERM_YEARS}年，其他基层党支部委员会一般"
    f"{OTHER_TERM_YEARS}年，届满应按期换届",
    f"{BRANCH_REGULATION}第六章；《中国共产党章程》第三十一条", Status.CONFIRMED_2ND))
TOO_FEW_MEMBERS = StructureRule("too_few_members", Rule(
    f"正式党员{MIN_FULL_MEMBERS}人以上的单位成立党支部；不足{MIN_FULL_MEMBERS}人的应成立联合党支部",
    f"{BRANCH_REGULATION}第二章", Status.CONFIRMED_2ND))
STRUCTURE_RULES = (NO_COMMITTEE, TERM_EXPIRED, TOO_FEW_MEMBERS)

# Which organisations may hold which meetings: a 党小组会 is a 党小组's, a 民主生活会 a
# leading group's. Anything else is refused when a meeting is recorded.
PARTY_ORGS = frozenset({OrgKind.BRANCH.value, OrgKind.GENERAL_BRANCH.value,
                        OrgKind.PARTY_CELL.value}) | LEADING_GROUPS
HELD_BY: dict[str, frozenset[str]] = {
    K.BRANCH_ASSEMBLY: BRANCH, K.COMMITTEE: BRANCH, K.THEME_DAY: BRANCH, K.ORG_LIFE: BRANCH,
    K.EVALUATION: BRANCH, K.CELL: frozenset({OrgKind.PARTY_CELL.value}),
    K.LECTURE: BRANCH | {OrgKind.GENERAL_BRANCH.value} | LEADING_GROUPS,
    K.DEMOCRATIC_LIFE: LEADING_GROUPS, K.HEART_TALK: PARTY_ORGS,
    K.PARTY_GROUP: LEADING_GROUPS,
}

# 党组（党委）会议: a leading group's own meeting, where it studies 全面从严治党, hears the
# 党建工作汇报 and decides 三重一大; its 议题 are tagged so that these duties are proven from the
# minutes (duties' org.study, sec.ask, org.ideology).
PARTY_GROUP_REGULATION = "《中国共产党党组工作条例》"
PARTY_GROUP_MEETING = Rule(
    "党组（党委）会议由书记召集并主持，讨论和决定本单位重大问题，须有半数以上成员到会",
    f"{PARTY_GROUP_REGULATION}（2019）议事决策条款", Status.CONFIRMED_2ND, note="条号待核实")
AGENDA_MAX_ITEMS = 20
# The tags a county starts with (key, name); ``AgendaTag`` rows, renamed or extended there.
DEFAULT_AGENDA_TAGS = (
    ("discipline", "全面从严治党"),
    ("party_report", "党建工作汇报"),
    ("ideology", "意识形态"),
    ("major_decision", "三重一大"),
    ("integrity", "党风廉政建设"),
)
# The keys the duty proofs read (orglife.evidence).
TAG_DISCIPLINE, TAG_PARTY_REPORT, TAG_IDEOLOGY = "discipline", "party_report", "ideology"
# 三会一课: the meetings and lectures a branch's organisational life is proven by.
THREE_MEETINGS_ONE_LECTURE = (K.BRANCH_ASSEMBLY, K.COMMITTEE, K.CELL, K.LECTURE)
# 双重组织生活: a leader's attendance, as an ordinary member, at a branch's or cell's meetings.
BRANCH_LIFE = (K.BRANCH_ASSEMBLY, K.COMMITTEE, K.CELL, K.LECTURE, K.THEME_DAY, K.ORG_LIFE,
               K.EVALUATION)


@dataclass(frozen=True)
class LocalSettings:
    """A county's choices (``settings.DANGJIAN_ORGLIFE``); each default is noted above."""

    lecture_period: str = "QUARTER"  # MONTH, QUARTER or YEAR
    lecture_min_count: int = 1
    disabled_rules: tuple[str, ...] = ()  # keys of configurable rules
    # The yearly 民主生活会 of leading groups (DEMOCRATIC_LIFE_YEARLY, UNCERTAIN): on unless the
    # county switches it off here (or lists "democratic_life" in disabled_rules).
    democratic_life: bool = True
    attachment_max_bytes: int = 20 * 1024 * 1024
    attachment_types: tuple[str, ...] = ("pdf", "jpg", "png")
    meeting_rules: tuple[MeetingRule, ...] = field(init=False)

    def __post_init__(self) -> None:
        if self.lecture_period not in ("MONTH", "QUARTER", "YEAR"):
            raise ImproperlyConfigured("DANGJIAN_ORGLIFE lecture_period 只能是 MONTH/QUARTER/YEAR")
        period = Period[self.lecture_period]
        # The rollup keeps months with a meeting, not counts per month: below a year, a period
        # is met by one meeting, so a higher minimum can only be counted over the year.
        if self.lecture_min_count < 1 or (self.lecture_min_count > 1 and period != Period.YEAR):
            raise ImproperlyConfigured("DANGJIAN_ORGLIFE 党课每月或每季度只能要求1次；"
                                       "多于1次请按年设置（lecture_period=YEAR）")
        every = (COMMITTEE_MONTHLY, ASSEMBLY_QUARTERLY, CELL_MONTHLY, THEME_DAY_MONTHLY,
                 _lecture_rule(period, self.lecture_min_count), ORG_LIFE_YEARLY,
                 EVALUATION_YEARLY, DEMOCRATIC_LIFE_YEARLY)
        fixed = [r.key for r in every if r.key in self.disabled_rules and not r.configurable]
        if fixed:
            raise ImproperlyConfigured(f"DANGJIAN_ORGLIFE 不能停用条例规定的规则：{fixed}")
        off = set(self.disabled_rules) | (set() if self.democratic_life else {"democratic_life"})
        rules = tuple(r for r in every if r.key not in off)
        object.__setattr__(self, "meeting_rules", rules)

    def rules_for(self, org_kind: str) -> tuple[MeetingRule, ...]:
        return tuple(r for r in self.meeting_rules if org_kind in r.applies_to)


def local_settings() -> LocalSettings:
    """The county's settings: ``DANGJIAN_ORGLIFE`` (a dict) overrides the defaults."""
    from django.conf import settings

    overrides = dict(getattr(settings, "DANGJIAN_ORGLIFE", {}))
    for name in ("disabled_rules", "attachment_types"):
        if name in overrides:
            overrides[name] = tuple(overrides[name])
    return LocalSettings(**overrides)
