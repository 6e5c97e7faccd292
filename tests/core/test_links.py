"""record_link: the record's own page when its app has one, else the desk with an anchor."""

import pytest
from django.test import override_settings

from dangjian.core.links import record_link
from dangjian.oversight.models import Measure, Notice
from dangjian.tasks.models import Plan, Task

pytestmark = pytest.mark.django_db

LINKS = "tests.core.links_urls"


@override_settings(ROOT_URLCONF=LINKS)
def test_a_record_with_a_detail_page_links_to_it() -> None:
    assert record_link(Measure(pk=12)) == "/oversight/measures/12/"


@override_settings(ROOT_URLCONF=LINKS)
def test_a_record_without_one_links_to_its_desk_with_its_anchor() -> None:
    assert record_link(Notice(pk=7)) == "/oversight/#notice-7"
    assert record_link(Task(pk=3)) == "/tasks/"
    assert record_link(Task(pk=3), anchor="review-3") == "/tasks/#review-3"


@override_settings(ROOT_URLCONF=LINKS)
def test_an_app_without_a_desk_falls_back_to_the_inbox() -> None:
    from dangjian.orgs.models import Organization

    assert record_link(Organization(pk=1)) == "/inbox/"


def test_the_site_links_a_plan_to_its_own_page() -> None:
    assert record_link(Plan(pk=5)) == "/tasks/plans/5/"
