"""The entry pages (登记入党申请, 导入党员花名册, 登记学习记录, 登记走访慰问): one form each, for
who enters data; a refusal comes back to the form with what was typed; the overviews and the
lists link to them and carry no entry form themselves."""

import re
from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.members.models import Candidate, StudyRecord, Visit
from dangjian.orgs.models import Organization

from .conftest import new_id_number

pytestmark = pytest.mark.django_db
ENTRY_PAGES = {  # page: its form's test id and the label of the link to it
    "/members/candidates/new/": ("candidate-new", "登记入党申请"),
    "/members/roster/": ("roster-import", "导入党员花名册"),
    "/members/study/new/": ("study-new", "登记学习记录"),
    "/members/visits/new/": ("visit-new", "登记走访慰问"),
}
LINKED_FROM = {  # an overview or list: the entry pages it links to
    "/members/": ["/members/candidates/new/", "/members/roster/"],
    "/members/candidates/": ["/members/candidates/new/"],
    "/members/study/": ["/members/study/new/"],
    "/members/study/records/": ["/members/study/new/"],
    "/members/visits/": ["/members/visits/new/"],
    "/members/visits/list/": ["/members/visits/new/"],
}


def _main(html: str) -> str:
    """The page's own content, without the site's header (its 退出 form)."""
    return html[html.index("<main"):html.index("</main>")]


@pytest.fixture
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client
    return client_for


@pytest.mark.parametrize("path", ENTRY_PAGES)
def test_each_entry_page_shows_its_form_to_who_enters_data_only(
    as_user: Callable[[str], Client], path: str,
) -> None:
    testid, title = ENTRY_PAGES[path]
    for username in ("finance_clerk", "finance_secretary", "edu_clerk"):
        html = as_user(username).get(path).content.decode()
        assert f'data-testid="{testid}"' in html and f"<title>{title}" in html, username
        assert '<form method="post"' in _main(html)
    for username in ("member", "county_head", "inspector", "auditor"):
        assert as_user(username).get(path).status_code == 403, (username, path)


@pytest.mark.parametrize("page", LINKED_FROM)
def test_overviews_and_lists_link_to_the_entry_pages_and_hold_no_entry_form(
    as_user: Callable[[str], Client], page: str,
) -> None:
    html = as_user("finance_clerk").get(page).content.decode()
    assert '<form method="post"' not in _main(html)
    for target in LINKED_FROM[page]:
        assert f'href="{target}"' in html and ENTRY_PAGES[target][1] in html
    reader = as_user("county_head").get(page).content.decode()
    assert not any(f'href="{target}"' in reader for target in ENTRY_PAGES)


def test_a_refused_application_comes_back_with_what_was_typed(
    as_user: Callable[[str], Client], org: Callable[[str], Organization],
) -> None:
    clerk = as_user("finance_clerk")
    party_committee = org("县财政局党组")  # not a 党支部
    response = clerk.post("/members/candidates/new/", {
        "organization": party_committee.pk, "applied_on": "2026-11-02", "name": "冯新人",
        "id_number": new_id_number(), "phone": "13900000002"})
    assert response["Location"] == "/members/candidates/new/"
    html = clerk.get("/members/candidates/new/").content.decode()
    assert "请选择党支部" in html
    assert 'value="冯新人"' in html and 'value="2026-11-02"' in html
    assert 'value="13900000002"' in html
    assert not Candidate.objects.filter(person__name="冯新人").exists()


def test_an_application_registered_on_its_page_opens_the_record(
    as_user: Callable[[str], Client], org: Callable[[str], Organization],
) -> None:
    response = as_user("finance_clerk").post("/members/candidates/new/", {
        "organization": org("县财政局机关第一党支部").pk, "applied_on": "2026-11-02",
        "name": "冯新人", "id_number": new_id_number()})
    candidate = Candidate.objects.get(person__name="冯新人")
    assert response["Location"] == f"/members/candidates/{candidate.pk}/"


def test_a_refused_study_comes_back_with_the_field_named_and_the_input_kept(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    clerk = as_user("finance_clerk")
    member = user("member").person
    response = clerk.post("/members/study/new/", {
        "kind": "专题研讨", "person": member.pk, "date": "2026-11-20", "hours": "0",
        "topic": "学习二十届全会精神"})
    assert response["Location"] == "/members/study/new/"
    html = clerk.get("/members/study/new/").content.decode()
    assert "学时应大于0" in html and 'value="学习二十届全会精神"' in html
    assert f'<option value="{member.pk}" selected>' in html
    assert not StudyRecord.objects.filter(topic="学习二十届全会精神").exists()
    response = clerk.post("/members/study/new/", {
        "kind": "专题研讨", "person": member.pk, "date": "2026-11-20", "hours": "2",
        "topic": "学习二十届全会精神"})
    record = StudyRecord.objects.get(topic="学习二十届全会精神")
    assert response["Location"] == f"/members/study/records/{record.pk}/"


def test_a_refused_visit_comes_back_with_the_field_named_and_the_input_kept(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    clerk = as_user("finance_clerk")
    member = user("member").person
    form = {"person": member.pk, "kind": "老党员", "campaign": "七一", "date": "2026-06-30",
            "other_visitors": "县委副书记", "gifts": "慰问品", "amount": "-5",
            "follow_up": "需定期上门"}
    response = clerk.post("/members/visits/new/", form)
    assert response["Location"] == "/members/visits/new/"
    html = clerk.get("/members/visits/new/").content.decode()
    assert "慰问金额不能为负数" in html and "需定期上门</textarea>" in html
    assert 'value="-5"' in html and 'value="2026-06-30"' in html
    assert not Visit.objects.filter(follow_up="需定期上门").exists()
    response = clerk.post("/members/visits/new/", {**form, "amount": "500"})
    visit = Visit.objects.get(follow_up="需定期上门")
    assert response["Location"] == f"/members/visits/{visit.pk}/"


def test_a_bad_roster_comes_back_to_the_import_page(
    as_user: Callable[[str], Client],
) -> None:
    clerk = as_user("finance_clerk")
    response = clerk.post("/members/roster/", {})
    assert response["Location"] == "/members/roster/"
    html = clerk.get("/members/roster/").content.decode()
    assert 'role="alert"' in html and 'data-testid="roster-import"' in html


def test_the_menu_lists_every_members_register_and_marks_the_open_one(
    as_user: Callable[[str], Client],
) -> None:
    html = as_user("finance_clerk").get("/members/study/records/").content.decode()
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', html) == [
        "/members/study/records/"]
    for path in ("/members/", "/members/candidates/", "/members/study/", "/members/visits/",
                 "/members/visits/list/"):
        assert f'<a href="{path}"' in html, path
