"""The 记录下一步 and 延长预备期 pages: the form only for who may take the action now, the POST
goes back to the record, a refusal comes back to the form with everything typed and the wrong
field named; out of scope is 404, a reader who may not write gets 403 and changes nothing."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.members import rules
from dangjian.members.models import Candidate

from .conftest import TIMELINE

pytestmark = pytest.mark.django_db
READERS = ["county_head", "vice_head", "inspector"]  # see the branch's records, write none


@pytest.fixture
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client
    return client_for


@pytest.fixture
def probationer(applicant: Callable[..., Candidate],
                advance: Callable[[Candidate, int], Candidate]) -> Candidate:
    """A 预备党员 just admitted (the 审批 of step 17 recorded)."""
    return advance(applicant(), rules.ADMISSION_APPROVAL)


def _steps(pk: int) -> str:
    return f"/members/candidates/{pk}/steps/"


def _extend(pk: int) -> str:
    return f"/members/candidates/{pk}/extend/"


def _detail(pk: int) -> str:
    return f"/members/candidates/{pk}/"


# 记录下一步

def test_the_step_page_shows_its_form_to_the_branchs_clerk_and_secretary(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    for username in ("finance_clerk", "finance_secretary"):
        html = as_user(username).get(_steps(candidate.pk)).content.decode()
        assert 'data-testid="step-form"' in html, username
        assert '<option value="2"' in html and "第2步 党组织派人谈话" in html
        assert "<title>记录下一步" in html


def test_the_step_page_refuses_who_may_not_record_and_hides_out_of_scope(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    for username in READERS:
        reader = as_user(username)
        assert reader.get(_detail(candidate.pk)).status_code == 200, username
        assert "记录下一步" not in reader.get(_detail(candidate.pk)).content.decode()
        assert reader.get(_steps(candidate.pk)).status_code == 403, username
        reader.post(_steps(candidate.pk), {"step": "2", "date": "2023-03-15"})
    for username in ("member", "edu_clerk"):  # not their record: it does not exist for them
        outsider = as_user(username)
        assert outsider.get(_steps(candidate.pk)).status_code == 404, username
        assert outsider.post(_steps(candidate.pk),
                             {"step": "2", "date": "2023-03-15"}).status_code == 404
    candidate.refresh_from_db()
    assert candidate.current_step == 1 and candidate.steps.count() == 1


def test_a_closed_record_has_no_step_page(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    clerk = as_user("finance_clerk")
    clerk.post(f"/members/candidates/{candidate.pk}/close/",
               {"closed_on": "2023-03-20", "reason": "本人撤回申请"})
    assert clerk.get(_steps(candidate.pk)).status_code == 403


def test_a_step_recorded_on_its_page_goes_back_to_the_record_and_its_history(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    clerk = as_user("finance_clerk")
    response = clerk.post(_steps(candidate.pk), {
        "step": "2", "date": str(TIMELINE[2][0]), "document": "谈话记录"})
    assert response.status_code == 302 and response["Location"] == _detail(candidate.pk)
    html = clerk.get(response["Location"]).content.decode()
    assert "已记录第2步 党组织派人谈话" in html
    assert "谈话记录" in html  # the step's row in 发展步骤
    assert "记录发展步骤" in html  # the 办理记录, in words
    candidate.refresh_from_db()
    assert candidate.current_step == 2


def test_a_refused_step_comes_back_with_the_article_every_input_and_the_field_named(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 2)
    clerk = as_user("finance_clerk")
    response = clerk.post(_steps(candidate.pk), {
        "step": "3", "date": "2023-05-10", "document": "支部委员会决定", "note": "未公示"})
    assert response.status_code == 302 and response["Location"] == _steps(candidate.pk)
    html = clerk.get(response["Location"]).content.decode()
    assert "请填写公示开始日期" in html
    assert rules.publicity(rules.local_settings().publicity_working_days).citation in html
    assert 'value="2023-05-10"' in html and 'value="支部委员会决定"' in html
    assert 'value="未公示"' in html and '<option value="3" selected>' in html
    candidate.refresh_from_db()
    assert candidate.current_step == 2


def test_a_number_that_is_no_number_is_named_and_kept(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 10)  # the next step, 11, counts the training
    clerk = as_user("finance_clerk")
    response = clerk.post(_steps(candidate.pk), {
        "step": "11", "date": str(TIMELINE[11][0]), "training_days": "三"}, follow=True)
    html = response.content.decode()
    assert "培训天数应为 0 至" in html and 'value="三"' in html
    candidate.refresh_from_db()
    assert candidate.current_step == 10


# 延长预备期

def test_the_extend_page_is_offered_in_the_probation_only(
    as_user: Callable[[str], Client], applicant: Callable[..., Candidate],
    probationer: Candidate,
) -> None:
    clerk = as_user("finance_clerk")
    assert _extend(probationer.pk) in clerk.get(_detail(probationer.pk)).content.decode()
    html = clerk.get(_extend(probationer.pk)).content.decode()
    assert 'data-testid="extend-form"' in html and rules.PROBATION_EXTENSION.citation in html
    assert f'<option value="{rules.EXTENSION_MIN_MONTHS}"' in html
    assert f'<option value="{rules.EXTENSION_MIN_MONTHS - 1}"' not in html
    applying = applicant()  # 入党申请人: nothing to extend yet
    assert _extend(applying.pk) not in clerk.get(_detail(applying.pk)).content.decode()
    assert clerk.get(_extend(applying.pk)).status_code == 403


def test_the_extend_page_refuses_readers_and_hides_out_of_scope(
    as_user: Callable[[str], Client], probationer: Candidate,
) -> None:
    form = {"decided_on": "2024-12-01", "months": "6", "reason": "考察期表现需进一步观察"}
    for username in READERS:
        reader = as_user(username)
        assert _extend(probationer.pk) not in reader.get(_detail(probationer.pk)).content.decode()
        assert reader.get(_extend(probationer.pk)).status_code == 403, username
        reader.post(_extend(probationer.pk), form)
    for username in ("member", "edu_clerk"):
        outsider = as_user(username)
        assert outsider.get(_extend(probationer.pk)).status_code == 404, username
        assert outsider.post(_extend(probationer.pk), form).status_code == 404
    probationer.refresh_from_db()
    assert probationer.extension_months is None


def test_a_refused_extension_keeps_the_input_and_names_the_field(
    as_user: Callable[[str], Client], probationer: Candidate,
) -> None:
    clerk = as_user("finance_clerk")
    response = clerk.post(_extend(probationer.pk),
                          {"decided_on": "2024-12-01", "months": "8", "reason": " "})
    assert response["Location"] == _extend(probationer.pk)
    html = clerk.get(_extend(probationer.pk)).content.decode()
    assert "请填写延长预备期的原因" in html
    assert 'value="2024-12-01"' in html and '<option value="8" selected>' in html
    html = clerk.post(_extend(probationer.pk), {
        "decided_on": "2024-12-01", "months": "3", "reason": "表现需进一步观察"},
        follow=True).content.decode()
    assert "申请延长3个月" in html and rules.PROBATION_EXTENSION.citation in html
    assert 'value="表现需进一步观察"' in html
    probationer.refresh_from_db()
    assert probationer.extension_months is None


def test_an_extension_decided_on_its_page_shows_on_the_record(
    as_user: Callable[[str], Client], probationer: Candidate,
) -> None:
    ends = probationer.probation_ends_on
    clerk = as_user("finance_clerk")
    response = clerk.post(_extend(probationer.pk), {
        "decided_on": "2024-12-01", "months": "6", "reason": "表现需进一步观察"})
    assert response["Location"] == _detail(probationer.pk)
    html = clerk.get(_detail(probationer.pk)).content.decode()
    assert "预备期延长6个月" in html and "表现需进一步观察" in html
    assert "延长预备期" in html  # the 办理记录 says it in words
    assert _extend(probationer.pk) not in html  # once only
    probationer.refresh_from_db()
    assert probationer.extension_months == 6
    assert ends is not None and probationer.probation_ends_on is not None
    assert probationer.probation_ends_on > ends
    assert probationer.extension_decided_on == date(2024, 12, 1)
    assert clerk.get(_extend(probationer.pk)).status_code == 403
