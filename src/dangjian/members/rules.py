"""发展党员: the five stages and 25 steps of 《中国共产党发展党员工作细则》 (2014), its time limits
and preconditions, kept as data with their citations (shared/domain/rules.md §2).

Checks live in ``services``; this module only says what the rules are, so that an error
message, a reminder and a reviewer all read the same text and article.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError

from dangjian.core.citations import Rule, Status
from dangjian.people.models import PartyStatus

DETAILED_RULES = "《中国共产党发展党员工作细则》（2014）"


class Stage(StrEnum):
    """The five stages (阶段) of the flow chart."""

    APPLICATION = "一、申请入党"
    ACTIVIST = "二、入党积极分子的确定和培养教育"
    CANDIDATE = "三、发展对象的确定和考察"
    ADMISSION = "四、预备党员的接收"
    PROBATION = "五、预备党员的教育考察和转正"


@dataclass(frozen=True)
class StepDefinition:
    number: int
    stage: Stage
    name: str


_STEP_NAMES: dict[Stage, tuple[str, ...]] = {
    Stage.APPLICATION: ("递交入党申请书", "党组织派人谈话"),
    Stage.ACTIVIST: ("推荐和确定入党积极分子", "报上级党委备案", "指定培养联系人", "培养教育考察"),
    Stage.CANDIDATE: ("确定发展对象", "报上级党委备案", "确定入党介绍人", "政治审查",
                      "短期集中培训"),
    Stage.ADMISSION: ("支部委员会审查", "上级党委预审", "填写入党志愿书", "支部大会讨论",
                      "上级党委派人谈话", "上级党委审批", "再上一级党委组织部门备案"),
    Stage.PROBATION: ("编入党支部和党小组", "入党宣誓", "继续教育考察", "提出转正申请",
                      "支部大会讨论", "上级党委审批", "材料归档"),
}
STEPS: dict[int, StepDefinition] = {
    number: StepDefinition(number, stage, name)
    for number, (stage, name) in enumerate(
        ((stage, name) for stage, names in _STEP_NAMES.items() for name in names), start=1)
}
FIRST_STEP, LAST_STEP = 1, len(STEPS)

# Step numbers the rules below refer to.
APPLICATION, TALK, ACTIVIST_CHOSEN, CONTACTS_NAMED, ACTIVIST_REVIEW = 1, 2, 3, 5, 6
CANDIDATE_CHOSEN, INTRODUCERS_NAMED, POLITICAL_REVIEW, TRAINING = 7, 9, 10, 11
PRE_REVIEW, ADMISSION_MEETING, ADMISSION_APPROVAL = 13, 15, 17
PROBATION_REVIEW, FULL_MEMBERSHIP_MEETING, FULL_MEMBERSHIP_APPROVAL = 21, 23, 24
# 培养教育考察 and 继续教育考察 go on for months: each review is one more record of the step.
REPEATABLE_STEPS = frozenset({ACTIVIST_REVIEW, PROBATION_REVIEW})
# The five statuses (入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员): the step that
# makes a candidate each one. Person.party_status follows these steps.
STATUS_FROM_STEP: dict[int, str] = {
    APPLICATION: PartyStatus.APPLICANT,
    ACTIVIST_CHOSEN: PartyStatus.ACTIVIST,
    CANDIDATE_CHOSEN: PartyStatus.CANDIDATE,
    ADMISSION_APPROVAL: PartyStatus.PROBATIONARY,
    FULL_MEMBERSHIP_APPROVAL: PartyStatus.FULL_MEMBER,
}
STATUSES = tuple(STATUS_FROM_STEP.values())
CLOSED = "已终止"  # a record ended before full membership; the person is 群众 again


def allowed_next_steps(current: int) -> frozenset[int]:
    """The transition map: the following step, or one more review while reviews go on."""
    following = {current + 1} if current < LAST_STEP else set()
    return frozenset(following | ({current} if current in REPEATABLE_STEPS else set()))


def status_after(step: int) -> str:
    """The status a candidate holds once ``step`` is the last one recorded."""
    return STATUS_FROM_STEP[max(n for n in STATUS_FROM_STEP if n <= step)]


def steps_with_status(status: str) -> list[int]:
    return [n for n in STEPS if status_after(n) == status]


def steps_in_stage(stage: str) -> list[int]:
    return [n for n, step in STEPS.items() if step.stage == stage]


# Rules ------------------------------------------------------------------------------------
STEP_ORDER = Rule(
    text="发展党员按规定的25个步骤依次进行，不得跨越或颠倒",
    citation=f"{DETAILED_RULES}；共产党员网发展党员工作流程图",
    status=Status.CONFIRMED_2ND,
)
MIN_AGE_YEARS = 18
MIN_AGE = Rule(
    text=f"年满{MIN_AGE_YEARS}岁方可申请入党", citation=f"{DETAILED_RULES}第五条",
    status=Status.CONFIRMED,
)
WHERE_TO_APPLY = Rule(
    text="入党申请人向工作、学习所在单位党组织提出申请；没有党组织的，向居住地党组织提出",
    citation=f"{DETAILED_RULES}第六条", status=Status.CONFIRMED_2ND,
)
TALK_MONTHS = 1
TALK_WITHIN_A_MONTH = Rule(
    text=f"党组织收到入党申请书后，应当在{TALK_MONTHS}个月内派人同入党申请人谈话",
    citation=f"{DETAILED_RULES}第七条", status=Status.CONFIRMED,
)
CHOOSING_ACTIVISTS = Rule(
    text="经党员推荐、群团组织推优，由支部委员会（不设支部委员会的由支部大会）研究确定入党积极分子，"
         "并报上级党委备案",
    citation=f"{DETAILED_RULES}第八条", status=Status.CONFIRMED_2ND,
)
CONTACTS = Rule(
    text="党组织应当指定1至2名正式党员作入党积极分子的培养联系人",
    citation=f"{DETAILED_RULES}第九条", status=Status.CONFIRMED_2ND,
)
REVIEW_MONTHS = 6
HALF_YEARLY_REVIEW = Rule(
    text=f"党支部每{REVIEW_MONTHS}个月对入党积极分子进行一次考察",
    citation=f"{DETAILED_RULES}第十一条", status=Status.CONFIRMED_2ND,
)
ACTIVIST_YEARS_MONTHS = 12
ONE_YEAR_AS_ACTIVIST = Rule(
    text="入党积极分子经过一年以上培养教育和考察，方可列为发展对象",
    citation=f"{DETAILED_RULES}第十三条", status=Status.CONFIRMED,
)
INTRODUCER_COUNT = 2
TWO_INTRODUCERS = Rule(
    text=f"发展对象应当有{INTRODUCER_COUNT}名正式党员作入党介绍人",
    citation=f"{DETAILED_RULES}第十四条", status=Status.CONFIRMED_2ND,
)
POLITICAL_REVIEW_PASSED = Rule(
    text="未经政治审查或者政治审查不合格的，不能发展入党",
    citation=f"{DETAILED_RULES}第十六条、第十七条", status=Status.CONFIRMED_2ND,
)
TRAINING_DAYS, TRAINING_HOURS = 3, 24
# The numbers are confirmed; the article number is not: one source calls it 第十七条.
SHORT_TRAINING = Rule(
    text=f"发展对象须经过集中培训，时间一般不少于{TRAINING_DAYS}天（或不少于{TRAINING_HOURS}个学时）",
    citation=f"{DETAILED_RULES}第十八条",
    status=Status.CONFIRMED, note="条号待核实，另有来源作第十七条",
)
PRE_REVIEW_PASSED = Rule(
    text="基层党委预审合格的，方可发放《中国共产党入党志愿书》",
    citation=f"{DETAILED_RULES}第十九条", status=Status.CONFIRMED_2ND,
)
BRANCH_MEETING_VOTE = Rule(
    text="支部大会须有半数以上有表决权的正式党员到会方可召开；赞成人数超过应到会有表决权的正式党员"
         "的半数，才能通过（会前提交的书面意见计入）",
    citation=f"{DETAILED_RULES}第二十一条、第二十二条", status=Status.CONFIRMED,
)
APPROVAL_MONTHS, APPROVAL_MAX_MONTHS = 3, 6
ADMISSION_APPROVAL_LIMIT = Rule(
    text=f"上级党委应当在{APPROVAL_MONTHS}个月内审批；遇特殊情况可以适当延长，但不得超过"
         f"{APPROVAL_MAX_MONTHS}个月",
    citation=f"{DETAILED_RULES}第二十六条", status=Status.CONFIRMED_2ND,
)
PROBATION_MONTHS = 12
PROBATION_YEAR = Rule(
    text="预备期为一年，从支部大会通过其为预备党员之日算起",
    citation=f"{DETAILED_RULES}第三十条；《中国共产党章程》", status=Status.CONFIRMED,
)
EXTENSION_MIN_MONTHS, EXTENSION_MAX_MONTHS = 6, 12
PROBATION_EXTENSION = Rule(
    text=f"延长预备期不能少于{EXTENSION_MIN_MONTHS}个月，最长不超过一年，且只能延长一次",
    citation=f"{DETAILED_RULES}第三十四条；《中国共产党章程》", status=Status.CONFIRMED_2ND,
)
FULL_MEMBERSHIP_APPROVAL_LIMIT = Rule(
    text=f"预备党员转正，上级党委应当在{APPROVAL_MONTHS}个月内审批",
    citation=f"{DETAILED_RULES}第三十四条至第三十六条", status=Status.CONFIRMED_2ND,
)


def publicity(days: int) -> Rule:
    return Rule(
        text=f"确定入党积极分子、发展对象、接收预备党员和预备党员转正前应当公示，时间不少于{days}个工作日",
        citation="地方规定（本县可配置）",
        status=Status.UNCERTAIN, note="2014年细则未见明文，待核实",
    )


def applied_before_activist(months: int) -> Rule:
    return Rule(
        text=f"递交入党申请书满{months}个月后，方可确定为入党积极分子",
        citation="地方规定（本县可配置）",
        status=Status.UNCERTAIN, note="非全国性规定，待核实",
    )


def member_study_hours(hours: int) -> Rule:
    return Rule(
        text=f"党员每年集中学习培训不少于{hours}学时",
        citation="全国党员教育培训工作规划（本县可配置）",
        status=Status.UNCERTAIN, note="凭记忆，待核实",
    )


def group_study_sessions(sessions: int) -> Rule:
    return Rule(
        text=f"党委（党组）理论学习中心组每年集体学习研讨不少于{sessions}次",
        citation="《中国共产党党委（党组）理论学习中心组学习规则》（本县可配置）",
        status=Status.UNCERTAIN, note="凭记忆，待核实",
    )


def veteran_member(years: int) -> Rule:
    """老党员: no national definition; counties commonly take the 光荣在党50年 threshold."""
    return Rule(
        text=f"党龄满{years}年的党员列为老党员，七一、春节应走访慰问（党龄自转正之日起算）",
        citation="《中国共产党章程》第七条（党龄起算）；《中共中央关于颁发“光荣在党50年”纪念章的决定》"
                 "（2021）；本县口径（本县可配置）",
        status=Status.UNCERTAIN, note="老党员的年限为地方口径，待核实",
    )


NEEDY_VISITS = Rule(
    text="七一、春节期间走访慰问老党员、生活困难党员",
    citation="党内关怀帮扶工作惯例（本县可配置）",
    status=Status.UNCERTAIN, note="无全国统一条文，待核实",
)

# Age bands of the yearly 中国共产党党内统计公报 (30岁及以下 … 61岁及以上): each band's upper age.
AGE_BANDS: tuple[tuple[str, int | None], ...] = (
    ("30岁及以下", 30), ("31至35岁", 35), ("36至40岁", 40), ("41至45岁", 45),
    ("46至50岁", 50), ("51至55岁", 55), ("56至60岁", 60), ("61岁及以上", None))
AGE_BANDS_RULE = Rule(
    text="年龄结构按党内统计公报的年龄段统计", citation="中国共产党党内统计公报",
    status=Status.UNCERTAIN, note="年龄段凭记忆，待核实",
)


def refusal(rule: Rule, detail: str, field: str = "date") -> ValidationError:
    """The error a refused step raises: the rule, its article and what was wrong, in Chinese."""
    return ValidationError({field: f"{rule.text}（{rule.citation}）：{detail}"})


@dataclass(frozen=True)
class LocalSettings:
    """Local practice, not national rules (UNCERTAIN): ``DANGJIAN_MEMBERS`` overrides them."""

    publicity_working_days: int = 5  # 0 turns publicity checks off
    # Publicity precedes each change of status: 积极分子, 发展对象, 预备党员, 正式党员.
    publicity_steps: tuple[int, ...] = (
        ACTIVIST_CHOSEN, CANDIDATE_CHOSEN, ADMISSION_APPROVAL, FULL_MEMBERSHIP_APPROVAL)
    months_applied_before_activist: int = 0  # some counties require 6; 0: no such rule
    member_study_hours_per_year: int = 32
    group_study_sessions_per_year: int = 12
    veteran_party_years: int = 50  # 老党员: 党龄满 N 年 (光荣在党50年 as the common threshold)


def local_settings() -> LocalSettings:
    return LocalSettings(**getattr(settings, "DANGJIAN_MEMBERS", {}))
