"""What a release sets off: a grade 差 becomes an accountability proposal the inspector sees,
and the leader's 述责述廉 report cites the result."""

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.assessment.models import Scheme
from dangjian.assessment.services.consequences import on_release
from dangjian.audit.models import AuditEvent
from dangjian.notifications.models import Notification
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Accountability

pytestmark = pytest.mark.django_db


def test_a_grade_poor_reaches_the_inspector_as_a_proposal(
        frozen_scheme: Callable[..., Scheme], user: Callable[[str], User],
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization]) -> None:
    scheme = frozen_scheme()
    on_release(user("assessor"), scheme)
    cases = Accountability.objects.filter(reason__contains="示组〔2026〕3号")
    assert [(c.organization.name, c.status) for c in cases] == [
        ("县财政局党组", Accountability.Status.PROPOSED)]  # only the 差 one
    case = cases.get()
    assert "“差”" in case.reason and "55.00分" in case.reason
    listed = api_as("inspector").get("/api/v1/accountability/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert case.pk in [row["id"] for row in rows]
    notice = Notification.objects.get(recipient=user("inspector"),
                                      dedupe_key=f"accountability:{case.pk}")
    assert notice.link == f"/oversight/accountability/{case.pk}/"
    assert AuditEvent.objects.filter(action="assessment.accountability_proposed",
                                     user=user("assessor")).exists()


def test_releasing_twice_proposes_once(frozen_scheme: Callable[..., Scheme],
                                       user: Callable[[str], User]) -> None:
    scheme = frozen_scheme()
    on_release(user("assessor"), scheme)
    on_release(user("assessor"), scheme)
    assert Accountability.objects.filter(reason__contains="示组〔2026〕3号").count() == 1


def test_configured_grades_widen_the_proposals(frozen_scheme: Callable[..., Scheme],
                                               user: Callable[[str], User]) -> None:
    scheme = frozen_scheme()
    scheme.accountability_grades = ["较好", "差"]
    scheme.save()
    on_release(user("assessor"), scheme)
    names = set(Accountability.objects.filter(reason__contains="示组〔2026〕3号")
                .values_list("organization__name", flat=True))
    assert names == {"县财政局党组", "县发展和改革局机关党委"}


def test_an_unreleased_scheme_proposes_nothing(frozen_scheme: Callable[..., Scheme],
                                               user: Callable[[str], User]) -> None:
    on_release(user("assessor"), frozen_scheme(Scheme.Status.PENDING))
    assert not Accountability.objects.filter(reason__contains="示组〔2026〕3号").exists()


def _report(rlist_id: int, viewer: User) -> str:
    from dangjian.duties.documents import report_body
    from dangjian.duties.models import ResponsibilityList
    from dangjian.duties.selectors import list_view

    return "\n".join(report_body(list_view(ResponsibilityList.objects.get(pk=rlist_id), viewer)))


def test_the_leaders_report_cites_the_released_result(
        frozen_scheme: Callable[..., Scheme], user: Callable[[str], User],
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization]) -> None:
    secretary = user("finance_secretary")
    response = api_as("finance_clerk").post("/api/v1/responsibility-lists/", {
        "organization": org("县财政局党组").pk, "year": 2026, "person": secretary.person_id},
        format="json")
    assert response.status_code == 201, response.content
    rlist_id: Any = response.json()["id"]
    before = _report(rlist_id, secretary)
    assert "党建工作考核" not in before
    scheme = frozen_scheme(Scheme.Status.PENDING)
    assert "党建工作考核情况" not in _report(rlist_id, secretary)  # not yet released
    scheme.status = Scheme.Status.RELEASED
    scheme.save()
    text = _report(rlist_id, secretary)
    assert ("党建工作考核情况：在《2026年部门党组党建工作考核》（示组〔2026〕3号）中，"
            "本单位得分55.00分，在3个考核对象中排名第3，等次为“差”。") in text
    assert text.index("党建工作考核情况") < text.index("二、存在的问题")
