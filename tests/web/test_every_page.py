"""Every page of the URL map, as every demo role, detail pages included: the <title> is short
text, and no template tag, raw markup, English framework message, research mark, bare count
or audit code reaches the user."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from tests.tasks.conftest import deploy, government, speech

from .walk import ROLES, Walked, make_objects, page_patterns, problems, title_of

__all__ = ["deploy", "government", "speech"]  # the tasks' fixtures, shared

pytestmark = pytest.mark.django_db
GENERATED = ("application/vnd.openxmlformats", "application/pdf")


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def walked(api_as: Callable[[str], APIClient], user: Callable[[str], User],
           org: Callable[[str], Any], deploy: Callable[..., dict], speech: str,
           today: date) -> Walked:
    return make_objects(api_as, user, org, deploy, speech, today)


def _path(pattern: Any, name: str, walked: Walked) -> str:
    """The pattern with its keywords filled: a walked object's id, or 1 for an action."""
    route = str(pattern.pattern)
    for key in pattern.pattern.regex.groupindex:
        value = walked.ids.get((name, key), 1)
        route = route.replace(f"<int:{key}>", str(value)).replace(f"<str:{key}>", "issue")
    return "/" + route if not route.startswith("/") else route


def test_every_page_reads_clean_for_every_role(
    walked: Walked, user: Callable[[str], User],
) -> None:
    seen_ok: set[str] = set()
    found: list[str] = []
    paths = {}
    prefixes = {"oversight": "oversight/", "duties": "duties/", "tasks": "tasks/",
                "orglife": "orglife/", "members": "members/", "access": "accounts/"}
    for name, pattern in page_patterns():
        prefix = prefixes.get(name.split(":")[0], "")
        paths[name] = "/" + prefix + _path(pattern, name, walked).lstrip("/")
    for username in [None, *ROLES]:
        client = Client()
        if username is not None:
            client.force_login(user(username))
        for name, path in paths.items():
            response = client.get(path)
            assert response.status_code in (200, 302, 403, 404, 405), (username, path)
            kind = response.get("Content-Type", "")
            if response.status_code != 200:
                continue
            seen_ok.add(name)
            if kind.startswith(GENERATED):
                disposition = response.get("Content-Disposition", "")
                assert "filename*=utf-8''" in disposition and "%E" in disposition, path
                continue
            if kind.startswith("text/html") and "<title>" in response.content.decode():
                found += [f"{username} {path}: {p}" for p in problems(response.content.decode())]
    assert not found, "\n".join(found)
    detail = {name for name, _ in walked.ids}
    assert detail <= seen_ok, f"detail pages never shown: {detail - seen_ok}"
    assert {"web:home", "oversight:home", "duties:home", "tasks:home", "orglife:home",
            "orglife:compliance", "members:candidates", "notifications:inbox",
            "web:audit"} <= seen_ok


def test_the_risk_points_stay_out_of_the_title(walked: Walked, user: Callable[[str], User]
                                               ) -> None:
    client = Client()
    client.force_login(user("finance_clerk"))
    page = client.get("/oversight/").content.decode()
    assert title_of(page) == "监督整改 · 党建平台"
    assert 'data-testid="risk-points"' in page
