from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User

API = "/api/v1/disclosures/"


@pytest.fixture
def draft(api_as: Callable[[str], APIClient], org: Callable[[str], Any]
          ) -> Callable[..., dict[str, Any]]:
    """A disclosure drafted by ``finance_clerk`` (县财政局) unless told otherwise."""

    def make(by: str = "finance_clerk", unit: str = "县财政局", **extra: Any) -> dict[str, Any]:
        body = {"organization": org(unit).pk, "title": "2026年第四季度党费收缴使用情况",
                "body": "本季度收缴党费共计12,345.00元，上缴县委组织部。", "domain": "党务",
                "audience": "向社会", "channel": "网站", "matter_on": "2026-11-20", **extra}
        response = api_as(by).post(API, body, format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make


@pytest.fixture
def published(api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]]
              ) -> Callable[..., dict[str, Any]]:
    """A disclosure taken through the whole workflow: clerk drafts, secretary reviews and
    approves, clerk publishes."""

    def make(**extra: Any) -> dict[str, Any]:
        made = draft(**extra)
        clerk, secretary = api_as("finance_clerk"), api_as("finance_secretary")
        steps = [(clerk, "submit", {}), (secretary, "review", {"decision": "accept"}),
                 (secretary, "approve", {"decision": "accept"}), (clerk, "publish", {})]
        for client, verb, body in steps:
            response = client.post(f"{API}{made['id']}/{verb}/", body, format="json")
            assert response.status_code == 200, (verb, response.content)
        return response.json()

    return make


@pytest.fixture
def browse(user: Callable[[str], User]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make
