"""Issue 11: a detail page's sections show only records the viewer may open."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.orgs.models import Organization
from dangjian.oversight.models import SelfCheck

pytestmark = pytest.mark.django_db


def test_a_finding_page_lists_no_self_check_of_a_unit_outside_the_viewers_scope(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    org: Callable[[str], Organization],
) -> None:
    finding = raise_finding()  # at 县财政局
    as_user("inspector").post(f"/oversight/findings/{finding['id']}/self-checks/new/", {
        "units": org("县教育局").pk, "due_on": str(timezone.localdate() + timedelta(days=10))})
    check = SelfCheck.objects.get(origin_id=finding["id"], organization=org("县教育局"))
    clerk = as_user("finance_clerk")
    assert clerk.get(f"/oversight/self-checks/{check.pk}/").status_code == 404
    page = clerk.get(f"/oversight/findings/{finding['id']}/")
    assert page.status_code == 200
    assert f"selfcheck-{check.pk}" not in page.content.decode()
    assert "县教育局" not in page.content.decode()
    # the inspector, who sent it, still sees it there
    assert f"selfcheck-{check.pk}" in as_user("inspector").get(
        f"/oversight/findings/{finding['id']}/").content.decode()
