"""Excel import of a member roster (党员花名册): every row is checked first, and nobody is
registered when any row is bad, so a clerk fixes the file and uploads it again.

Row numbers in messages count the roster's entries: 第1行 is the first person under the header.
The columns 学历, 一线或关键岗位 and 生活困难 (是/否) are optional: a roster without them, or a
blank cell, records nothing (学历 未登记, 否).
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet

from dangjian.access.models import User
from dangjian.access.scoping import may_enter_data, restrict
from dangjian.audit.services import record
from dangjian.core.files.checks import upload_bytes
from dangjian.core.imports import cell_date, cell_text, organization_named
from dangjian.documents.spreadsheets import MiB, SpreadsheetError, read_xlsx, render_xlsx
from dangjian.orgs.models import Organization
from dangjian.people.models import Education, PartyStatus
from dangjian.people.services import (
    person_create,
    person_find_by_id_number,
    validated_id_number,
    validated_phone,
)

ROSTER_MAX_BYTES = 10 * MiB
ROSTER_MAX_ROWS = 5000
ROSTER_HEADERS = ["姓名", "身份证号", "政治面貌", "所在党组织", "手机号", "入党时间"]
ROSTER_FACT_HEADERS = ["学历", "一线或关键岗位", "生活困难"]  # optional columns
YES_NO = {"是": True, "否": False, "": False}
Row = dict[str, object]


@dataclass(frozen=True)
class RosterEntry:
    name: str
    id_number: str
    party_status: str
    organization: Organization
    phone: str
    joined_party_on: date | None
    education: str = ""
    front_line: bool = False
    in_hardship: bool = False


def roster_template() -> bytes:
    """The roster as a clerk fills it in, with one example row."""
    example = ["张三", "", PartyStatus.FULL_MEMBER.value, "县财政局机关第一党支部",
               "13800000000", date(2010, 7, 1), Education.UNIVERSITY.value, "是", "否"]
    return render_xlsx(title="党员花名册", headers=ROSTER_HEADERS + ROSTER_FACT_HEADERS,
                       rows=[example],
                       sheet_name="花名册")


def roster_bytes(upload: UploadedFile | None, *, actor: User) -> bytes:
    """The uploaded roster's content, refused before it is read when it is too big."""
    return upload_bytes(upload, max_bytes=ROSTER_MAX_BYTES, actor=actor,
                        missing="请选择要导入的党员花名册（.xlsx）")


def roster_import(*, actor: User, data: bytes) -> int:
    """Register every person of the roster, or none; the number registered.

    A row naming an organisation the actor may not see, or may not enter data for, names an
    unknown organisation (never a hint that it exists).
    """
    try:
        rows = read_xlsx(data, expected_headers=ROSTER_HEADERS,
                         optional_headers=ROSTER_FACT_HEADERS, max_rows=ROSTER_MAX_ROWS,
                         max_bytes=ROSTER_MAX_BYTES, actor=actor, name="党员花名册")
    except SpreadsheetError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    if not rows:
        raise ValidationError({"file": "花名册中没有人员"})
    organizations = restrict(Organization.objects.all(), actor)
    entries: list[RosterEntry] = []
    errors: list[str] = []
    first_row_of: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        row_errors, id_number, entry = _check_row(actor, row, organizations)
        if id_number:
            earlier = first_row_of.setdefault(id_number, number)
            if earlier != number:
                row_errors.append(f"身份证号与第{earlier}行重复")
        errors.extend(f"第{number}行：{message}" for message in row_errors)
        if entry is not None and not row_errors:
            entries.append(entry)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            for entry in entries:
                person_create(actor=actor, name=entry.name, id_number=entry.id_number,
                              organization=entry.organization, party_status=entry.party_status,
                              phone=entry.phone, joined_party_on=entry.joined_party_on,
                              education=entry.education, front_line=entry.front_line,
                              in_hardship=entry.in_hardship)
            record(actor=actor, action="person.import", after={"persons": len(entries)})
    except ValidationError as exc:  # a race with another clerk: still nothing imported
        raise ValidationError([f"导入失败，未导入任何人员：{m}" for m in exc.messages]) from exc
    return len(entries)


def _check_row(actor: User, row: Row, organizations: QuerySet[Organization]
               ) -> tuple[list[str], str, RosterEntry | None]:
    """Every problem of one row, its normalised ID number (or ""), and its entry."""
    errors: list[str] = []
    name = cell_text(row, "姓名")
    if not name:
        errors.append("未填写姓名")
    id_number = ""
    raw_id = cell_text(row, "身份证号")
    if not raw_id:
        errors.append("未填写身份证号")
    else:
        try:
            id_number = validated_id_number(raw_id)
        except ValidationError as exc:
            errors.extend(exc.messages)
        else:
            if person_find_by_id_number(id_number) is not None:
                errors.append("该身份证号已登记，请勿重复录入")
    party_status = cell_text(row, "政治面貌")
    if party_status not in PartyStatus.values:
        errors.append(f"未知的政治面貌：“{party_status}”，应为{'、'.join(PartyStatus.values)}之一"
                      if party_status else "未填写政治面貌")
    organization: Organization | None = None
    try:
        organization = organization_named(cell_text(row, "所在党组织"), organizations)
    except ValidationError as exc:
        errors.extend(exc.messages)
    if organization is not None and not may_enter_data(actor, organization):
        errors.append(f"组织“{organization.name}”不在您的管理范围内")
        organization = None
    phone = ""
    try:
        phone = validated_phone(cell_text(row, "手机号"))
    except ValidationError as exc:
        errors.extend(exc.messages)
    joined_party_on: date | None = None
    if row.get("入党时间") not in (None, ""):
        try:
            joined_party_on = cell_date(row.get("入党时间"))
        except ValidationError as exc:
            errors.extend(f"入党时间：{m}" for m in exc.messages)
    education = cell_text(row, "学历")
    if education not in ["", *Education.values]:
        errors.append(f"未知的学历：“{education}”，应为{'、'.join(Education.values)}之一，或不填")
    flags: dict[str, bool] = {}
    for field, header in (("front_line", "一线或关键岗位"), ("in_hardship", "生活困难")):
        text = cell_text(row, header)
        if text in YES_NO:
            flags[field] = YES_NO[text]
        else:
            errors.append(f"{header}应填“是”或“否”，不能填“{text}”")
    if organization is None or not id_number:
        return errors, id_number, None
    return errors, id_number, RosterEntry(name=name, id_number=id_number, party_status=party_status,
                               organization=organization, phone=phone,
                               joined_party_on=joined_party_on, education=education, **flags)
