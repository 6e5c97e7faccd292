"""Excel import of a meeting ledger (会议台账): every row is checked, and nothing is imported
when any row is bad, so a clerk fixes the file and uploads it again instead of hunting for
the half that went in."""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.files.checks import upload_bytes
from dangjian.core.imports import cell_date, cell_text, organization_named
from dangjian.documents.spreadsheets import MiB, SpreadsheetError, read_xlsx, render_xlsx
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import Meeting, MeetingKind
from .meetings import Absentee, meeting_record

LEDGER_MAX_BYTES = 10 * MiB
LEDGER_HEADERS = ["组织", "类型", "日期", "地点", "主题", "主持人", "记录人", "参会人员",
                  "缺席人员"]
NAME_SEPARATORS = re.compile(r"[、,，;；\s]+")
ABSENTEE = re.compile(r"^(?P<name>[^（(]+)(?:[（(](?P<reason>[^）)]*)[）)])?$")  # 张三（病假）


Row = dict[str, object]


def ledger_template() -> bytes:
    """The ledger as a clerk fills it in, with one example row."""
    example = ["县财政局机关第一党支部", MeetingKind.THEME_DAY.value, date(2026, 3, 5),
               "党员活动室", "学习贯彻党的二十届三中全会精神", "张三", "李四", "张三、李四、王五",
               "赵六（病假）"]
    return render_xlsx(title="组织生活会议台账", headers=LEDGER_HEADERS, rows=[example],
                       sheet_name="会议台账")


def ledger_bytes(upload: UploadedFile | None, *, actor: User) -> bytes:
    """The uploaded ledger's content, refused before it is read when it is too big."""
    return upload_bytes(upload, max_bytes=LEDGER_MAX_BYTES, actor=actor,
                        missing="请选择要导入的会议台账（.xlsx）")


def meeting_ledger_import(*, actor: User, data: bytes, organizations: QuerySet[Organization]
                          ) -> list[Meeting]:
    """Record every meeting of the ledger, or none. ``organizations`` are those the actor may
    see (access.scoping); a row naming any other is an unknown organisation."""
    try:
        rows = read_xlsx(data, expected_headers=LEDGER_HEADERS, max_rows=2000,
                         max_bytes=LEDGER_MAX_BYTES, actor=actor, name="会议台账")
    except SpreadsheetError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    if not rows:
        raise ValidationError({"file": "台账中没有会议记录"})
    errors: list[str] = []
    meetings: list[Meeting] = []
    with transaction.atomic():
        for number, values in enumerate(rows, start=1):
            try:
                meetings.append(_record_row(actor, values, organizations))
            except (ValidationError, PermissionDenied) as exc:
                errors.extend(f"第{number}条记录：{m}" for m in _messages(exc))
        if errors:
            transaction.set_rollback(True)  # one bad row: the good ones go too
            raise ValidationError({"rows": errors})
        record(actor=actor, action="meeting.import", after={"meetings": len(meetings)})
    return meetings


def _messages(exc: Exception) -> list[str]:
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


def _record_row(actor: User, row: Row, organizations: QuerySet[Organization]) -> Meeting:
    organization = organization_named(cell_text(row, "组织"), organizations)
    members: dict[str, list[Person]] = {}
    for person in Person.objects.filter(organization__path__startswith=organization.path):
        members.setdefault(person.name, []).append(person)
    attendees = [_person(name, members, organization)
                 for name in _names(cell_text(row, "参会人员"))]
    absentees: list[Absentee] = []
    for entry in _names(cell_text(row, "缺席人员")):
        match = ABSENTEE.match(entry)
        if match is None:
            raise ValidationError(f"缺席人员“{entry}”应写作“姓名（原因）”")
        person = _person(match["name"].strip(), members, organization)
        absentees.append((person, (match["reason"] or "").strip()))
    chair, recorder = (cell_text(row, "主持人"), cell_text(row, "记录人"))
    return meeting_record(
        actor=actor, organization=organization, kind=cell_text(row, "类型"),
        held_on=cell_date(row.get("日期")), topic=cell_text(row, "主题"),
        place=cell_text(row, "地点"), attendees=attendees, absentees=absentees,
        chair=_person(chair, members, organization) if chair else None,
        recorder=_person(recorder, members, organization) if recorder else None)


def _names(cell: str) -> list[str]:
    # Separators inside a reason's brackets stay: “赵六（病假, 住院）” is one entry.
    cell = re.sub(r"[（(][^）)]*[）)]", lambda m: m.group(0).replace("、", "/"), cell)
    return [name for name in NAME_SEPARATORS.split(cell) if name]


def _person(name: str, members: dict[str, list[Person]], organization: Organization) -> Person:
    found = members.get(name, [])
    if not found:
        raise ValidationError(f"“{organization.name}”没有名为“{name}”的人员")
    if len(found) > 1:
        raise ValidationError(f"“{organization.name}”有{len(found)}名“{name}”，请在页面上逐条登记")
    return found[0]
