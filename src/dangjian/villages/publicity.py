"""Facts another app may draft a disclosure from (``core.crossings``
"villages.finance_facts"): each village's collective income once the county confirmed it
(县核定), for the village's 财务公开 (村民委员会组织法 第三十条). The caller has checked the
organisation is its user's."""

from datetime import date
from typing import Any

from django.utils import timezone

from .models import Income, IncomeStatus


def finance_facts(*, organization_path: str, since: date, until: date) -> list[dict[str, Any]]:
    """Incomes confirmed between ``since`` and ``until`` in the subtree."""
    incomes = Income.objects.filter(
        status=IncomeStatus.CONFIRMED, confirmed_at__date__gte=since,
        confirmed_at__date__lte=until,
        organization__path__startswith=organization_path,
    ).select_related("organization").order_by("confirmed_at", "id")
    facts = []
    for income in incomes:
        assert income.confirmed_at is not None
        day = timezone.localdate(income.confirmed_at)
        lines = "\n".join(f"{label}：{amount}万元" for label, amount in income.amounts().items()
                          if amount)
        facts.append({"source": f"villages.income:{income.pk}",
                      "organization": income.organization, "matter_on": day,
                      "title": f"{income.organization.name}{income.year}年村集体经济收入公开",
                      "body": f"{income.organization.name}{income.year}年村集体经济收入经县核定，"
                              f"合计{income.total}万元：\n{lines or '无收入'}"})
    return facts
