"""A county's own responsibility-list template (责任清单模板), imported from a workbook.

Every row is checked first and every problem named by row and column; nothing is imported when
any row is bad, so the county fixes the file and uploads it again. An accepted file becomes a
new version of the county's template and the active one: lists already generated keep their
items, the next list is generated from it (``duties.county_template``).

Row numbers in messages count the template's items: 第1行 is the first item under the header
(as the roster import counts its people).

Who imports: the county's 考核管理员 (县委组织部/党建办, who keeps the county's party-building
rules: the assessment schemes and this template), or the 县委's own 党务干事 or 书记, each with a
grant on the county itself (``duties.import_template``). Unit clerks keep their own lists
(本单位细化 items) but not the county's template.
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.access.scoping import grants_of
from dangjian.audit.services import record
from dangjian.core.errors import Conflict
from dangjian.core.files.checks import upload_bytes
from dangjian.core.imports import cell_text
from dangjian.core.permissions import can, require
from dangjian.documents.spreadsheets import MiB, SpreadsheetError, read_xlsx, render_xlsx
from dangjian.orgs.models import Organization

from ..county_template import (
    BUILT_IN_TITLE,
    HOLDER_WORDS,
    PERIOD_WORDS,
    Entry,
    built_in_entries,
    county_of,
    evidence_keys,
)
from ..kinds import Holder, Period
from ..models import ResponsibilityTemplate, ResponsibilityTemplateItem
from ..rules import RULES

TEMPLATE_MAX_BYTES = 2 * MiB
TEMPLATE_MAX_ROWS = 500  # the built-in template has 18 items; a county's runs to a few dozen
MAX_TIMES = 50  # a period's count, as items.item_update allows it
HEADERS = ["编号", "领域", "责任事项", "责任主体", "频次", "次数", "佐证材料", "佐证来源", "依据"]
LIMITS = {"编号": 40, "领域": 20, "责任事项": 500, "佐证材料": 200, "佐证来源": 60, "依据": 200}
KEY_LIKE = re.compile(r"^[A-Za-z0-9_.\-]+$")  # what a rule key looks like, not free text
WHOLE_NUMBER = re.compile(r"^-?\d+(\.0+)?$")  # 2, and 2.0 as a spreadsheet may store it


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: the template as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row is not None else "全表"
        return f"{where}【{self.column}】{self.message}"


RACED = ("另一份模板已先导入（当前启用的版本已变），本次未导入任何内容；请刷新页面，"
         "核对当前启用的版本后再导入")
Report = Callable[[str, str], None]  # (column, message) of the row being checked


class TemplateRefused(ValidationError):
    """Bad rows: ``errors`` names each (row, column, message); nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__([str(error) for error in errors])
        self.errors = errors


# --- the workbook to fill ----------------------------------------------------------------------

def template_workbook(template: ResponsibilityTemplate | None = None) -> bytes:
    """The built-in template (or an imported version) as the workbook to fill, with a second
    sheet listing the words each column accepts."""
    if template is None:
        entries, title = built_in_entries(), BUILT_IN_TITLE
    else:
        entries = [_entry_of(item) for item in template.items.order_by("order", "id")]
        title = str(template)
    rows = [[e.key, e.category, e.text, e.holder, e.period,
             "" if e.period == Period.ONGOING else e.times, e.evidence, e.provider,
             e.rule_key or e.citation] for e in entries]
    data = render_xlsx(title=f"责任清单模板：{title}", headers=HEADERS, rows=rows,
                       sheet_name="责任清单模板")
    workbook = load_workbook(io.BytesIO(data))
    guide = workbook.create_sheet("填写说明")
    for line in _guide():
        guide.append(line)
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 80
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _entry_of(item: ResponsibilityTemplateItem) -> Entry:
    return Entry(key=item.key, holder=item.holder, category=item.category, text=item.text,
                 citation=item.citation, citation_status=item.citation_status,
                 period=item.period, times=item.times, evidence=item.evidence_hint,
                 provider=item.provider, rule_key=item.rule_key)


def _guide() -> list[list[str]]:
    lines = [["填写说明",
              "第一个工作表为模板，每行一项责任；任何一行有误，全部不导入，并逐行列出问题"],
             ["编号", f"每项唯一，不超过{LIMITS['编号']}个字符，如 org.deploy"],
             ["领域", f"如 统筹部署、四个亲自，不超过{LIMITS['领域']}个字"],
             ["责任主体", "、".join(Holder.values)],
             ["频次", "、".join(Period.values)],
             ["次数", f"每期次数，1至{MAX_TIMES}的整数；频次为“随时”时留空"],
             ["佐证来源", "留空表示手工记录；或填写下列编号之一，由平台自动统计"]]
    lines += [[key, label] for key, label in sorted(evidence_keys().items())]
    lines.append(["依据", "填写下列依据编号之一，或直接填写依据原文（本县文件名称及条款）"])
    lines += [[key, rule.citation] for key, rule in RULES.items()]
    return lines


# --- import ------------------------------------------------------------------------------------

def template_bytes(upload: UploadedFile | None, *, actor: User) -> bytes:
    """The uploaded workbook's content, refused before it is read when it is too big."""
    return upload_bytes(upload, max_bytes=TEMPLATE_MAX_BYTES, actor=actor,
                        missing="请选择要导入的责任清单模板（.xlsx）")


def importable_county(actor: User) -> Organization | None:
    """The county whose template ``actor`` may import (None: none)."""
    for grant in grants_of(actor):
        if grant.organization is not None:
            county = county_of(grant.organization)
            if can(actor, "duties.import_template", county):
                return county
    return None


def template_import(*, actor: User, county: Organization, data: bytes, source_name: str = "",
                    title: str = "", seen_version: int | None = None) -> ResponsibilityTemplate:
    """Import the workbook as the county's new active template version, or nothing.

    ``seen_version`` is the active version the importer saw (0: the built-in one): when another
    import came first, this one is refused whole (``Conflict``), so of two imports made on the
    same page one wins. Imports run one at a time per county (the county's row is locked)."""
    require(actor, "duties.import_template", county)
    title = title.strip() or f"{county.name}责任清单模板"
    if len(title) > 200:
        raise ValidationError({"title": "模板名称不能超过200个字"})
    try:
        rows = read_xlsx(data, expected_headers=HEADERS, max_rows=TEMPLATE_MAX_ROWS,
                         max_bytes=TEMPLATE_MAX_BYTES, actor=actor,
                         name=source_name or "责任清单模板")
    except SpreadsheetError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    if not rows:
        raise ValidationError({"file": "模板中没有责任事项：请在表头下逐行填写"})
    items, errors = _checked(rows)
    if errors:
        record(actor=actor, action="duties.template_import_refused", target=county,
               after={"file": source_name[:200], "rows": len(rows), "errors": len(errors)},
               success=False)
        raise TemplateRefused(errors)
    try:
        with transaction.atomic():
            Organization.objects.select_for_update().filter(pk=county.pk).first()
            active = (ResponsibilityTemplate.objects.filter(organization=county, active=True)
                      .values_list("version", flat=True).first()) or 0
            if seen_version is not None and seen_version != active:
                raise Conflict(RACED)
            template = _write(actor, county, title, source_name, items)
    except IntegrityError as exc:  # the lock aside, the constraints keep one version
        raise Conflict(RACED) from exc
    return template


def _write(actor: User, county: Organization, title: str, source_name: str,
           items: list[ResponsibilityTemplateItem]) -> ResponsibilityTemplate:
    last = ResponsibilityTemplate.objects.filter(organization=county).aggregate(
        n=Max("version"))["n"] or 0
    previous = list(ResponsibilityTemplate.objects.filter(organization=county, active=True)
                    .values_list("version", flat=True))
    ResponsibilityTemplate.objects.filter(organization=county, active=True).update(active=False)
    template = ResponsibilityTemplate.objects.create(
        organization=county, version=last + 1, title=title, source_name=source_name[:200],
        active=True, created_by=actor)
    for item in items:
        item.template = template
    ResponsibilityTemplateItem.objects.bulk_create(items)
    record(actor=actor, action="duties.template_import", target=template,
           before={"active": previous[0] if previous else "内置"},
           after={"version": template.version, "items": len(items),
                  "file": template.source_name})
    return template


def _checked(rows: list[dict[str, object]]
             ) -> tuple[list[ResponsibilityTemplateItem], list[RowError]]:
    items: list[ResponsibilityTemplateItem] = []
    errors: list[RowError] = []
    first_row_of: dict[str, int] = {}
    known_evidence = evidence_keys()
    for number, row in enumerate(rows, start=1):
        row_errors: list[RowError] = []

        def bad(column: str, message: str, number: int = number,
                row_errors: list[RowError] = row_errors) -> None:  # binds this row's list
            row_errors.append(RowError(number, column, message))

        cells = {header: cell_text(row, header) for header in HEADERS}
        for header, limit in LIMITS.items():
            if len(cells[header]) > limit:
                bad(header, f"不能超过{limit}个字（现有{len(cells[header])}个）")
        key = cells["编号"]
        if not key:
            bad("编号", "未填写编号")
        elif re.search(r"\s", key):
            bad("编号", "编号中不能有空格")
        else:
            earlier = first_row_of.setdefault(key, number)
            if earlier != number:
                bad("编号", f"编号“{key}”与第{earlier}行重复")
        for header in ("领域", "责任事项"):
            if not cells[header]:
                bad(header, f"未填写{header}")
        holder = HOLDER_WORDS.get(cells["责任主体"], "")
        if not holder:
            bad("责任主体", f"未知的责任主体“{cells['责任主体']}”，"
                f"应为{'、'.join(Holder.values)}之一" if cells["责任主体"] else "未填写责任主体")
        period = PERIOD_WORDS.get(cells["频次"], "")
        if not period:
            bad("频次", f"未知的频次“{cells['频次']}”，应为{'、'.join(Period.values)}之一"
                if cells["频次"] else "未填写频次")
        times = _times(cells["次数"], period, bad)
        provider = cells["佐证来源"]
        if provider and provider not in known_evidence:
            bad("佐证来源", f"未知的佐证来源“{provider}”，应为{'、'.join(sorted(known_evidence))}"
                "之一，或留空（手工记录）")
        rule_key, citation, status = _citation(cells["依据"], bad)
        errors.extend(row_errors)
        if not row_errors:
            items.append(ResponsibilityTemplateItem(
                key=key, holder=holder, category=cells["领域"], text=cells["责任事项"],
                period=period, times=times, evidence_hint=cells["佐证材料"], provider=provider,
                rule_key=rule_key, citation=citation, citation_status=status,
                order=len(items) + 1))
    if not errors:
        missing = [h for h in Holder.values if not any(item.holder == h for item in items)]
        if missing:
            errors.append(RowError(None, "责任主体",
                                   f"模板中没有“{'、'.join(missing)}”的责任事项，"
                                   "生成的责任清单将为空"))
    return items, errors


def _times(text: str, period: str, report: Report) -> int:
    """The count per period: blank (or 0) for 随时, else a whole number 1…MAX_TIMES."""
    if period == Period.ONGOING:
        if text and text not in ("0", "0.0"):
            report("次数", "频次为“随时”时次数应留空")
        return 0
    if not text:
        if period:
            report("次数", "未填写次数")
        return 0
    if not WHOLE_NUMBER.match(text):
        report("次数", f"次数“{text}”应为整数")
        return 0
    value = int(float(text)) if len(text) < 12 else MAX_TIMES + 1
    if value <= 0:
        report("次数", "次数应大于0")
    elif value > MAX_TIMES:
        report("次数", f"次数{text}过大：每期不能超过{MAX_TIMES}次")
    return value if 0 < value <= MAX_TIMES else 0


def _citation(text: str, bad: Report) -> tuple[str, str, str]:
    """(rule key, citation, status): a rule's key gives its own citation; free text is the
    county's own citation, checked by nobody here (status left blank)."""
    if not text:
        bad("依据", "未填写依据")
        return "", "", ""
    rule = RULES.get(text.upper())
    if rule is not None:
        return text.upper(), rule.citation, rule.status
    if KEY_LIKE.match(text):
        bad("依据", f"依据编号“{text}”不存在；请填写“填写说明”中的依据编号，或直接填写依据原文")
    return "", text, ""
