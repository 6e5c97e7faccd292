"""Reading the cells of an imported workbook into domain values, with the Chinese messages an
import lists row by row (a ValidationError per bad cell).

减负: every non-empty cell read counts as a value the platform filled (``core.burden``): the
unit keeps its ledger anyway, and importing it spares typing each value again into a form; the
import itself counts as one form, its file as one field chosen by hand."""

import re
from contextlib import suppress
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from dangjian.core.burden import platform_filled
from dangjian.core.inputs import check_date
from dangjian.orgs.models import Organization

DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")  # 2026-3-5, 2026年3月5日


def cell_text(row: dict[str, Any], header: str) -> str:
    value = row.get(header)
    text = "" if value is None else str(value).strip()
    platform_filled(1 if text else 0)
    return text


def cell_date(value: object) -> date:
    """A date cell, or text written as 2026-03-05 / 2026/3/5 / 2026年3月5日."""
    platform_filled(1 if str(value or "").strip() else 0)
    if isinstance(value, datetime):
        return check_date(value.date())
    if isinstance(value, date):
        return check_date(value)
    match = DATE.match(str(value or "").strip())
    if match:
        year, month, day = (int(part) for part in match.groups())
        with suppress(ValueError):  # 2026-02-30 falls through to the message below
            return check_date(date(year, month, day))
    raise ValidationError(f"日期“{value or ''}”应写作“年-月-日”，如 2026-03-05")


def organization_named(name: str, organizations: QuerySet[Organization]) -> Organization:
    """The one organisation of that name among ``organizations`` (the importer's scope)."""
    if not name:
        raise ValidationError("未填写组织")
    found = list(organizations.filter(name=name)[:2])
    if not found:
        raise ValidationError(unknown_organization(name, "组织"))
    if len(found) > 1:
        raise ValidationError(f"有多个名为“{name}”的组织，请在页面上逐条登记")
    return found[0]


def unknown_organization(name: str, label: str = "组织") -> str:
    """Why an imported row's organisation was not found: it does not exist at all, or it
    exists outside the importer's scope (organisation names are no secret)."""
    if Organization.objects.filter(name=name).exists():
        return f"{label}“{name}”不在您的管理范围内"
    return f"{label}“{name}”不存在，请核对名称"
