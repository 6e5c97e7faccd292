"""The development register on the page kernel: list and filters, detail with only the allowed
actions, the action pages, and the to-dos that link to exactly their rows."""

from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.members.models import Candidate
from dangjian.members.todos import todos
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client
    return client_for


@pytest.mark.parametrize("path", ["/members/candidates/", "/members/study/records/",
                                  "/members/visits/list/"])
def test_every_members_list_answers_for_every_role(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate], path: str,
) -> None:
    applicant()
    for username in ROLES:
        response = as_user(username).get(path)
        assert response.status_code == 200, (username, path)
        assert 'data-testid="register"' in response.content.decode()


def test_the_detail_shows_steps_due_and_only_the_allowed_actions(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    html = as_user("finance_clerk").get(f"/members/candidates/{candidate.pk}/").content.decode()
    assert "记录下一步" in html and "结束" in html
    assert f"/members/candidates/{candidate.pk}/extend/" not in html  # not in 预备期
    assert "第七条" in html and "第1步" in html and "建立发展党员档案" in html
    html = as_user("county_head").get(f"/members/candidates/{candidate.pk}/").content.decode()
    assert "记录下一步" not in html
    assert as_user("county_head").get(
        f"/members/candidates/{candidate.pk}/steps/").status_code == 403
    assert as_user("edu_clerk").get(f"/members/candidates/{candidate.pk}/").status_code == 404


def test_close_through_its_page_and_a_refusal_keeps_the_input(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    clerk = as_user("finance_clerk")
    assert clerk.get(f"/members/candidates/{candidate.pk}/close/").status_code == 200
    refused = clerk.post(f"/members/candidates/{candidate.pk}/close/",
                         {"closed_on": "2023-03-20", "reason": ""}, follow=True)
    html = refused.content.decode()
    assert "请填写终止原因" in html and 'value="2023-03-20"' in html
    done = clerk.post(f"/members/candidates/{candidate.pk}/close/",
                      {"closed_on": "2023-03-20", "reason": "本人撤回申请"}, follow=True)
    assert "已终止" in done.content.decode()
    candidate.refresh_from_db()
    assert candidate.closed_on is not None
    html = clerk.get(f"/members/candidates/{candidate.pk}/").content.decode()
    assert "记录下一步" not in html and "本人撤回申请" in html


def test_the_overdue_todo_counts_the_rows_its_list_shows(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
    user: Callable[[str], User],
) -> None:
    candidate = applicant()  # applied in 2023: the talk is long overdue
    found = {todo.label: todo for todo in todos(user("finance_clerk"))}
    overdue = found["发展党员步骤已逾期"]
    html = as_user("finance_clerk").get(overdue.url).content.decode()
    assert f'data-testid="candidate-{candidate.pk}"' in html
    assert html.count('data-testid="candidate-') == overdue.count >= 1
    for todo in found.values():
        shown = as_user("finance_clerk").get(todo.url).content.decode()
        assert shown.count('data-testid="candidate-') == todo.count
    assert todos(user("county_head")) == []
