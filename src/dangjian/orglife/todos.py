"""What organisational life (组织生活) asks of the people who enter it: the 三会一课 gaps of
this year in the organisations they record for (the compliance page lists exactly these)."""

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from dangjian.core.workbench import Kind, Todo

from . import selectors
from .services.compliance import compliance_report


def todos(user: Any) -> list[Todo]:
    if not selectors.organizations_for_entry(user).exists():
        return []  # who only reads the reports has nothing to record
    root = selectors.report_roots_for(user).first()
    if root is None:
        return []
    year = timezone.localdate().year
    gaps = compliance_report(root=root, year=year).gaps
    url = f"{reverse('orglife:compliance')}?{urlencode({'organization': root.pk, 'year': year})}"
    return [Todo(Kind.OVERDUE, "“三会一课”应开未开", len(gaps), url)]
