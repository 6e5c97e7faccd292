"""Templates a clerk starts a meeting from: the usual topic and place for each kind, in the
order a branch most often needs them, so recording takes a minute."""

from dataclasses import dataclass

from .models import MeetingKind
from .rules import HELD_BY

K = MeetingKind


@dataclass(frozen=True)
class Preset:
    kind: str
    topic: str
    place: str = "党员活动室"


PRESETS = (
    Preset(K.THEME_DAY, "主题党日：集中学习、重温入党誓词"),
    Preset(K.COMMITTEE, "研究本月党建工作安排", "会议室"),
    Preset(K.BRANCH_ASSEMBLY, "听取和审议支部委员会工作报告"),
    Preset(K.LECTURE, "书记讲党课"),
    Preset(K.CELL, "党小组学习讨论"),
    Preset(K.ORG_LIFE, "年度组织生活会：对照检查、批评和自我批评"),
    Preset(K.EVALUATION, "年度民主评议党员：个人自评、党员互评、民主测评"),
    Preset(K.DEMOCRATIC_LIFE, "领导班子年度民主生活会", "会议室"),
    Preset(K.PARTY_GROUP, "党组会议", "会议室"),
    Preset(K.HEART_TALK, "谈心谈话", "办公室"),
)


def presets_for(org_kind: str) -> list[Preset]:
    return [p for p in PRESETS if org_kind in HELD_BY[p.kind]]
