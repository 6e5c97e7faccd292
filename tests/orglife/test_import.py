"""Excel import of a meeting ledger: row-level errors, and nothing imported when any is bad."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from dangjian.access.scoping import restrict
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.orglife.models import Meeting, MeetingRollup
from dangjian.orglife.services.ledger_import import (
    LEDGER_HEADERS,
    ledger_template,
    meeting_ledger_import,
)
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .conftest import EDUCATION_BRANCH, FINANCE_BRANCH

pytestmark = pytest.mark.django_db


def _ledger(*rows: list[Any]) -> bytes:
    return render_xlsx(title="会议台账", headers=LEDGER_HEADERS, rows=rows)


def _row(branch: Organization, people: list[Person], **changes: Any) -> list[Any]:
    values = {"组织": branch.name, "类型": "主题党日", "日期": date(2026, 3, 5),
              "地点": "党员活动室", "主题": "台账导入专用主题", "主持人": people[0].name,
              "记录人": people[1].name, "参会人员": "、".join(p.name for p in people[:-1]),
              "缺席人员": f"{people[-1].name}（病假）", **changes}
    return [values[h] for h in LEDGER_HEADERS]


def _import(user: Callable[[str], Any], data: bytes, username: str = "finance_clerk"
            ) -> list[Meeting]:
    actor = user(username)
    return meeting_ledger_import(actor=actor, data=data,
                                 organizations=restrict(Organization.objects.all(), actor))


def _unique_names(people: list[Person]) -> list[Person]:
    """Import finds persons by name; keep those whose name is unique in the branch."""
    names = [p.name for p in people]
    return [p for p in people if names.count(p.name) == 1]


def test_a_good_ledger_is_imported_with_attendance(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
) -> None:
    people = _unique_names(members(branch))
    meetings = _import(user, _ledger(
        _row(branch, people),
        _row(branch, people, 类型="党课", 日期="2026年4月9日", 主题="书记讲党课"),
    ))
    assert [m.kind for m in meetings] == ["主题党日", "党课"]
    first = meetings[0]
    assert first.chair == people[0] and first.place == "党员活动室"
    absent = first.attendance.get(present=False)
    assert absent.person == people[-1] and absent.absence_reason == "病假"
    assert MeetingRollup.objects.get(organization=branch, kind="党课", year=2026).held_in(4)


def test_one_unknown_person_and_nothing_is_imported(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
) -> None:
    people = _unique_names(members(branch))
    before = (Meeting.objects.count(), MeetingRollup.objects.count())
    data = _ledger(_row(branch, people),
                   _row(branch, people, 参会人员=f"{people[0].name}、查无此人"))
    with pytest.raises(ValidationError) as refused:
        _import(user, data)
    assert refused.value.message_dict["rows"] == [
        f"第2条记录：“{FINANCE_BRANCH}”没有名为“查无此人”的人员"]
    assert (Meeting.objects.count(), MeetingRollup.objects.count()) == before


def test_every_bad_row_is_listed_at_once(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    org: Callable[[str], Organization],
) -> None:
    people = _unique_names(members(branch))
    data = _ledger(
        _row(branch, people, 日期="2099-01-01"),
        _row(branch, people, 类型="茶话会"),
        _row(branch, people, 日期="三月五日"),
        _row(org(EDUCATION_BRANCH), people),  # another unit's branch: not in the clerk's scope
        _row(branch, people, 缺席人员="赵六病假"),
        _row(branch, people),
    )
    with pytest.raises(ValidationError) as refused:
        _import(user, data)
    errors = refused.value.message_dict["rows"]
    assert errors[0].startswith("第1条记录：会议日期不能晚于今天")
    assert errors[1] == "第2条记录：没有“茶话会”这种会议类型"
    assert errors[2].startswith("第3条记录：日期“三月五日”应写作“年-月-日”")
    assert errors[3] == f"第4条记录：组织“{EDUCATION_BRANCH}”不在您的管理范围内"
    assert errors[4] == f"第5条记录：“{FINANCE_BRANCH}”没有名为“赵六病假”的人员"
    assert len(errors) == 5
    assert not Meeting.objects.filter(topic="台账导入专用主题", held_on=date(2026, 3, 5)).exists()


def test_a_file_that_is_not_a_ledger_is_refused(user: Callable[[str], Any]) -> None:
    with pytest.raises(ValidationError, match="不是 Excel"):
        _import(user, b"MZ\x90\x00 not a workbook")
    wrong_columns = render_xlsx(title="台账", headers=["组织", "日期"], rows=[["x", "y"]])
    with pytest.raises(ValidationError, match="缺少列"):
        _import(user, wrong_columns)


def test_the_template_has_the_ledger_columns() -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(ledger_template())).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == LEDGER_HEADERS
