"""What the assessment contributes to other modules' outputs (``core.contributions``).

The 述责述廉 feed: a body's year-end report and a leader's 述责述廉 draft (duties) carry the
body's 党建工作考核 result, and the leader's own where a scheme ranks persons. Only released
(已公布) results are cited: a figure still under approval may change."""

from decimal import Decimal
from typing import Any

from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .models import Result, Scheme


def _points(value: Decimal) -> str:
    return f"{value:.2f}"


def scheme_title(scheme: Scheme) -> str:
    number = f"（{scheme.document_number}）" if scheme.document_number else ""
    return f"《{scheme.year}年{scheme.name}》{number}"


def result_sentence(result: Result, whom: str) -> str:
    ranked = Result.objects.filter(scheme_id=result.scheme_id).count()
    return (f"在{scheme_title(result.scheme)}中，{whom}得分{_points(result.total)}分，"
            f"在{ranked}个考核对象中排名第{result.rank}，等次为“{result.grade}”。")


def report_lines(*, organization: Organization, person: Person | None, year: int,
                 **_: Any) -> list[str]:
    released = Result.objects.filter(scheme__year=year,
                                     scheme__status=Scheme.Status.RELEASED).select_related(
        "scheme").order_by("scheme__id")
    found = [result_sentence(r, "本单位")
             for r in released.filter(organization=organization, person__isnull=True)]
    if person is not None:
        found += [result_sentence(r, "本人") for r in released.filter(person=person)]
    if not found:
        return []
    return ["党建工作考核情况：" + "".join(found)]
