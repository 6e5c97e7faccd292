"""The shared permission matrix: every demo role against one object inside and one outside.

An endpoint joins by subclassing ``ScopeMatrix`` and naming its list URL and the three objects.
"Inside" is tied to 县财政局 and, where the model has an owner, to ``member`` (a 正式党员 in a
县财政局 branch); "branch" sits in ``member``'s own branch (县财政局机关第一党支部) without being
the member's own record (a colleague's, or the branch's); "outside" belongs to 县教育局. The
table below is the foundation issue's: a member's branch reach is declared per model
(``ScopeFields.member_branch``), so a resource says what the member sees with ``member_sees``.
"""

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from django.db.models import Model
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User

INSIDE, BRANCH, OUTSIDE = "inside", "branch", "outside"
WHERE = (INSIDE, BRANCH, OUTSIDE)
MEMBERS_BRANCH = "县财政局机关第一党支部"

SEES: dict[str, set[str]] = {
    "county_head": {INSIDE, BRANCH, OUTSIDE},
    "inspector": {INSIDE, BRANCH, OUTSIDE},
    "vice_head": {INSIDE, BRANCH},  # 分管 includes 县财政局, excludes 县教育局
    "finance_secretary": {INSIDE, BRANCH},
    "finance_clerk": {INSIDE, BRANCH},
    "edu_clerk": {OUTSIDE},
    "member": {INSIDE},  # own records; the branch only where the model declares it
    "admin": set(),  # 三员: no business data
    "secadmin": set(),
    "auditor": set(),
}


def member_sees(*where: str) -> dict[str, set[str]]:
    """``SEES`` with what a plain member sees of this resource (``INSIDE``, ``BRANCH``)."""
    return {**SEES, "member": set(where)}


class ScopeMatrix:
    list_url: ClassVar[str]
    page_url: ClassVar[str | None] = None  # the page listing the same rows, if any
    sees: ClassVar[dict[str, set[str]]] = SEES

    def inside(self) -> Model:
        raise NotImplementedError

    def branch(self) -> Model:
        """An object of ``member``'s branch that is not the member's own record."""
        raise NotImplementedError

    def outside(self) -> Model:
        raise NotImplementedError

    def search(self, obj: Model) -> dict[str, Any]:
        """Query parameters that bring ``obj`` onto the first page of the list."""
        return {"name": str(obj), "page_size": 500}

    def page_marker(self, obj: Model) -> str:
        """Text that shows ``obj`` is among the page's rows (searched with ``search``)."""
        return f"<td>{obj}</td>"

    def _objects(self) -> dict[str, Model]:
        return {INSIDE: self.inside(), BRANCH: self.branch(), OUTSIDE: self.outside()}

    @pytest.mark.parametrize("username", list(SEES))
    def test_list_shows_exactly_the_roles_scope(
        self, username: str, api_as: Callable[[str], APIClient]
    ) -> None:
        client = api_as(username)
        for where, obj in self._objects().items():
            response = client.get(self.list_url, self.search(obj))
            assert response.status_code == 200, response.content
            ids = {row["id"] for row in response.json()["results"]}
            assert (obj.pk in ids) == (where in self.sees[username]), (username, where)

    @pytest.mark.parametrize("username", list(SEES))
    def test_detail_answers_404_outside_the_roles_scope(
        self, username: str, api_as: Callable[[str], APIClient]
    ) -> None:
        client = api_as(username)
        for where, obj in self._objects().items():
            response = client.get(f"{self.list_url}{obj.pk}/")
            expected = 200 if where in self.sees[username] else 404
            assert response.status_code == expected, (username, where, response.content)
            if expected == 404:
                assert "查看范围" in response.json()["detail"]

    @pytest.mark.parametrize("username", list(SEES))
    def test_the_page_shows_exactly_the_roles_scope(
        self, username: str, user: Callable[[str], User]
    ) -> None:
        if self.page_url is None:
            pytest.fail(f"{type(self).__name__} has no page: set page_url or override this test")
        client = Client()
        client.force_login(user(username))
        for where, obj in self._objects().items():
            html = client.get(self.page_url, self.search(obj)).content.decode()
            assert (self.page_marker(obj) in html) == (where in self.sees[username]), (
                username, where)

    def test_anonymous_requests_are_refused(self, client: Any) -> None:
        assert client.get(self.list_url).status_code in (401, 403)
