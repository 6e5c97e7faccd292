"""The public portal and its API, signed out: only what is published to society shows; a
draft, an internal (党内) one and a withdrawn one answer 404 like an id that never existed."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings
from rest_framework.test import APIClient

from dangjian.core.crypto import decrypt_field
from dangjian.openness.models import Feedback

from .conftest import API

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/public/disclosures/"


@pytest.fixture
def four(api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
         published: Callable[..., dict[str, Any]]) -> dict[str, int]:
    """A public one, a draft, an internal published one and a withdrawn one."""
    public = published(title="县财政局2026年党费使用情况")
    internal = published(title="党内通报：支部换届", audience="党内")
    withdrawn = published(title="已撤回的公开")
    response = api_as("finance_secretary").post(f"{API}{withdrawn['id']}/withdraw/",
                                                {"reason": "数据有误"}, format="json")
    assert response.status_code == 200
    return {"public": public["id"], "draft": draft(title="尚未审核的草稿")["id"],
            "internal": internal["id"], "withdrawn": withdrawn["id"]}


def test_the_portal_shows_only_what_is_published_to_society(
    client: Client, four: dict[str, int],
) -> None:
    page = client.get("/gongkai/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "县财政局2026年党费使用情况" in html
    for hidden in ("尚未审核的草稿", "党内通报", "已撤回的公开"):
        assert hidden not in html
    assert client.get(f"/gongkai/{four['public']}/").status_code == 200
    for name in ("draft", "internal", "withdrawn"):
        assert client.get(f"/gongkai/{four[name]}/").status_code == 404, name
    assert client.get("/gongkai/999999999/").status_code == 404


def test_the_public_api_answers_the_same_without_a_token(four: dict[str, int]) -> None:
    anonymous = APIClient()
    listed = anonymous.get(PUBLIC, {"page_size": 500})
    assert listed.status_code == 200
    ids = {row["id"] for row in listed.json()["results"]}
    assert four["public"] in ids
    assert not ids & {four["draft"], four["internal"], four["withdrawn"]}
    row = anonymous.get(f"{PUBLIC}{four['public']}/").json()
    assert "drafted_by" not in row and "approved_by" not in row
    missing = {anonymous.get(f"{PUBLIC}{four[name]}/").json()["detail"]
               for name in ("draft", "internal", "withdrawn")}
    assert missing == {anonymous.get(f"{PUBLIC}999999999/").json()["detail"]}
    # Nothing else opens without a token.
    assert anonymous.get(API).status_code == 401


def test_the_portal_searches_by_text_and_domain(
    client: Client, four: dict[str, int],
) -> None:
    assert "党费使用情况" in client.get("/gongkai/", {"q": "党费"}).content.decode()
    assert "党费使用情况" not in client.get("/gongkai/", {"q": "扶贫"}).content.decode()
    assert "党费使用情况" not in client.get("/gongkai/", {"domain": "村务"}).content.decode()


def test_feedback_is_kept_with_the_contact_encrypted_and_masked(
    four: dict[str, int], api_as: Callable[[str], APIClient],
) -> None:
    response = APIClient().post(f"{PUBLIC}{four['public']}/feedback/",
                                {"text": "请公开党费明细", "contact": "13812345678"},
                                format="json")
    assert response.status_code == 201, response.content
    assert response.json()["contact_masked"] == "138****5678"
    kept = Feedback.objects.get(pk=response.json()["id"])
    assert "13812345678" not in kept.contact_encrypted
    assert decrypt_field(kept.contact_encrypted) == "13812345678"
    seen = api_as("finance_clerk").get(f"/api/v1/disclosure-feedback/{kept.pk}/").json()
    assert seen["contact_masked"] == "138****5678" and "contact_encrypted" not in seen
    assert api_as("edu_clerk").get(f"/api/v1/disclosure-feedback/{kept.pk}/").status_code == 404


def test_feedback_on_a_hidden_disclosure_is_a_404_and_keeps_nothing(
    four: dict[str, int],
) -> None:
    before = Feedback.objects.count()
    for name in ("draft", "internal", "withdrawn"):
        response = APIClient().post(f"{PUBLIC}{four[name]}/feedback/", {"text": "留言"},
                                    format="json")
        assert response.status_code == 404, name
    assert Feedback.objects.count() == before


@override_settings(DANGJIAN_OPENNESS={"feedback_per_address": 2})
def test_one_address_flooding_feedback_is_refused_with_429(four: dict[str, int]) -> None:
    client = APIClient(REMOTE_ADDR="203.0.113.9")
    url = f"{PUBLIC}{four['public']}/feedback/"
    assert [client.post(url, {"text": f"第{n}条"}, format="json").status_code
            for n in range(3)] == [201, 201, 429]
    assert Feedback.objects.filter(disclosure_id=four["public"]).count() == 2
    other = APIClient(REMOTE_ADDR="198.51.100.7").post(url, {"text": "另一地址"}, format="json")
    assert other.status_code == 201


def test_the_portal_form_leaves_feedback_and_shows_the_answer(
    client: Client, four: dict[str, int], api_as: Callable[[str], APIClient],
) -> None:
    empty = client.post(f"/gongkai/{four['public']}/", {"text": " "})
    assert empty.status_code == 400 and "请填写留言内容" in empty.content.decode()
    sent = client.post(f"/gongkai/{four['public']}/", {"text": "什么时候公开下季度？"})
    assert sent.status_code == 302
    feedback = Feedback.objects.get(text="什么时候公开下季度？")
    answered = api_as("finance_clerk").post(f"/api/v1/disclosure-feedback/{feedback.pk}/answer/",
                                            {"answer": "将于次季度首月公开"}, format="json")
    assert answered.status_code == 200
    again = api_as("finance_clerk").post(f"/api/v1/disclosure-feedback/{feedback.pk}/answer/",
                                         {"answer": "再答一次"}, format="json")
    assert again.status_code == 400
    assert "将于次季度首月公开" in client.get(f"/gongkai/{four['public']}/").content.decode()


def test_the_portal_sends_the_sites_content_security_policy(client: Client) -> None:
    page = client.get("/gongkai/")
    assert "default-src 'self'" in page["Content-Security-Policy"]
