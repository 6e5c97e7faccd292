"""Facts another app may draft a disclosure from (``core.crossings``): 巡察整改 progress from
closed findings ("oversight.rectification_facts") and 问责决定 of the forms a county makes
public ("oversight.accountability_facts"). The caller has checked the organisation is its
user's; what goes public is decided in its own workflow (保密审查, 审批)."""

from collections import defaultdict
from datetime import date
from typing import Any

from .models.accountability import Accountability
from .models.findings import Finding, FindingStatus


def rectification_facts(*, organization_path: str, since: date, until: date,
                        sources: tuple[str, ...]) -> list[dict[str, Any]]:
    """Findings of ``sources`` (e.g. 巡察反馈) closed (销号) between ``since`` and ``until``,
    one fact per organisation and closing day."""
    closed = Finding.objects.filter(
        status=FindingStatus.CLOSED, closed_on__gte=since, closed_on__lte=until,
        source__name__in=sources, organization__path__startswith=organization_path,
    ).select_related("organization", "category").order_by("closed_on", "id")
    grouped: dict[tuple[int, date], list[Finding]] = defaultdict(list)
    for finding in closed:
        assert finding.closed_on is not None
        grouped[(finding.organization_id, finding.closed_on)].append(finding)
    facts = []
    for (org_id, day), findings in grouped.items():
        unit, on = findings[0].organization, f"{day.year}年{day.month}月{day.day}日"
        lines = "\n".join(f"{n}. {f.category.name}：{f.description[:100]}（已整改销号）"
                          for n, f in enumerate(findings, start=1))
        facts.append({"source": f"oversight.closed:{org_id}:{day.isoformat()}",
                      "organization": unit, "matter_on": day,
                      "title": f"{unit.name}巡察整改进展情况（{on}）",
                      "body": f"截至{on}，以下巡察反馈问题已整改销号：\n{lines}"})
    return facts


def accountability_facts(*, organization_path: str, since: date, until: date,
                         forms: tuple[str, ...]) -> list[dict[str, Any]]:
    """问责 cases decided between ``since`` and ``until`` in one of ``forms`` (e.g. 通报)."""
    cases = Accountability.objects.filter(
        status__in=(Accountability.Status.DECIDED, Accountability.Status.COMPLETED),
        decided_on__gte=since, decided_on__lte=until, form__in=forms,
        organization__path__startswith=organization_path,
    ).select_related("organization", "person").order_by("decided_on", "id")
    facts = []
    for case in cases:
        assert case.decided_on is not None
        target = case.person.name if case.person else case.organization.name
        facts.append({"source": f"oversight.accountability:{case.pk}",
                      "organization": case.organization, "matter_on": case.decided_on,
                      "title": f"关于对{target}予以{case.form}问责的情况",
                      "body": f"{case.deciding_body or '有关党组织'}于{case.decided_on.year}年"
                              f"{case.decided_on.month}月{case.decided_on.day}日决定，对{target}"
                              f"予以{case.form}问责。事由：{case.reason}"})
    return facts
