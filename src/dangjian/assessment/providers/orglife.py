"""Providers reading 组织生活 (orglife): 三会一课 completion and structure gaps, from the
compliance report (``orglife.services.compliance``), plus two formalism providers the editor
refuses (they count meetings and uploads for their own sake)."""

from datetime import timedelta
from typing import Any

from dangjian.orglife.models import Attachment, Meeting
from dangjian.orglife.services.compliance import compliance_report
from dangjian.orgs.models import Organization

from . import KEYS, Outcome, Period, Provider, register
from .common import as_of, deduction_points, rate_points, rate_text, refs, unit_of

AUTO, DEDUCTION = frozenset({"AUTO"}), frozenset({"DEDUCTION"})


def _report(target: Organization, period: Period, params: dict[str, Any]) -> Any:
    # The report counts a month or quarter once it has ended: judged the day after the
    # period's end (or today while it runs), year to date.
    judged = as_of(period, params) + timedelta(days=1)
    return compliance_report(root=unit_of(target), year=period.end.year, as_of=judged)


def meetings_completion(target: Organization, period: Period, params: dict[str, Any]
                        ) -> Outcome:
    """Σheld / Σrequired of the compliance report over the unit's subtree."""
    report = _report(target, period, params)
    held = sum(row.held for row in report.rows)
    required = sum(row.required for row in report.rows)
    rate, points = rate_points(held, required, params)
    meetings = Meeting.objects.filter(
        organization__path__startswith=unit_of(target).path,
        held_on__gte=period.start, held_on__lte=as_of(period, params)).order_by("held_on", "id")
    gaps = [{"organization": row.organization_name, "kind": row.kind,
             "missing": list(row.missing)} for row in report.gaps][:100]
    return Outcome({"held": held, "required": required, "rate": rate_text(rate),
                    "gaps": gaps}, points,
                   refs("orglife.Meeting", meetings.values_list("pk", flat=True)))


def structure_gaps(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Branches without the committee they need, past their term, or too small."""
    report = _report(target, period, params)
    gaps = report.structure
    return Outcome({"gaps": len(gaps),
                    "details": [{"organization": g.organization_name, "rule": g.rule,
                                 "detail": g.detail} for g in gaps][:100]},
                   deduction_points(len(gaps), params),
                   refs("orgs.Organization", [g.organization_id for g in gaps]))


def _meetings_beyond(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    report = _report(target, period, params)
    extra = sum(row.held for row in report.rows) - sum(row.required for row in report.rows)
    return Outcome({"extra": extra}, deduction_points(0, params))


def _uploads(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    files = Attachment.objects.filter(
        meeting__organization__path__startswith=unit_of(target).path,
        meeting__held_on__gte=period.start, meeting__held_on__lte=period.end)
    return Outcome({"uploads": files.count()}, deduction_points(0, params))


register(Provider("orglife.meetings_completion", KEYS["orglife.meetings_completion"], AUTO,
                  meetings_completion))
register(Provider("orglife.structure_gaps", KEYS["orglife.structure_gaps"], DEDUCTION,
                  structure_gaps))
# Formalism: kept so an old scheme naming them is refused with the rule, never scored.
register(Provider("orglife.meetings_beyond_requirement", "超额召开会议次数", AUTO,
                  _meetings_beyond, formalism="开会发文（以会议次数多少评判工作）"))
register(Provider("orglife.evidence_uploads", "会议照片、材料上传数量", AUTO, _uploads,
                  formalism="拍照留痕（以上传照片、材料多少评判工作）"))
