"""Every demo role against one list, item and record inside its scope and one outside."""

from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client
from django.utils import timezone

from dangjian.access.models import User
from dangjian.duties.models import Fulfilment, ResponsibilityItem, ResponsibilityList
from dangjian.duties.services.lists import responsibility_list_create
from dangjian.orgs.models import Organization
from tests.access.matrix import MEMBERS_BRANCH, SEES, ScopeMatrix, member_sees

# A member's own records are their person and branch, not the body's lists.
BODY_SEES = member_sees()
CLERKS = {"县财政局党组": "finance_clerk", "县教育局党组": "edu_clerk",
          MEMBERS_BRANCH: "finance_clerk"}


def _list(body: str) -> ResponsibilityList:
    found = ResponsibilityList.objects.filter(organization__name=body, person=None).first()
    if found:
        return found
    return responsibility_list_create(actor=User.objects.get(username=CLERKS[body]),
                                      organization=Organization.objects.get(name=body),
                                      year=timezone.localdate().year)


def _record(body: str) -> Fulfilment:
    item = _list(body).items.get(template_key="org.study")
    found = Fulfilment.objects.filter(item=item).first()
    return found or Fulfilment.objects.create(
        item=item, done_on=timezone.localdate().replace(month=1, day=1),
        description=f"{body}专题研究",
        recorded_by=User.objects.get(username=CLERKS[body]))


@pytest.mark.django_db
class TestListsMatrix(ScopeMatrix):
    page_url = "/duties/lists/"  # the 责任清单 register (the desk only links to it now)
    list_url = "/api/v1/responsibility-lists/"
    sees = BODY_SEES

    def inside(self) -> Model:
        return _list("县财政局党组")

    def branch(self) -> Model:
        return _list(MEMBERS_BRANCH)

    def outside(self) -> Model:
        return _list("县教育局党组")

    def search(self, obj: Model) -> dict:
        assert isinstance(obj, ResponsibilityList)
        return {"year": timezone.localdate().year, "organization": obj.organization_id}

    def page_marker(self, obj: Model) -> str:
        return f'data-testid="list-{obj.pk}"'


class _OnTheListPage:
    """Items and records are shown on their list's page: the page answers 404 outside the
    scope, and inside it shows the object."""

    page_url = "/duties/lists/<id>/"
    sees: dict[str, set[str]]

    def list_of(self, obj: Model) -> int:
        raise NotImplementedError

    def marker(self, obj: Model) -> str:
        raise NotImplementedError

    @pytest.mark.parametrize("username", list(SEES))
    def test_the_page_shows_exactly_the_roles_scope(
        self, username: str, user: Callable[[str], User]
    ) -> None:
        client = Client()
        client.force_login(user(username))
        for where, obj in self._objects().items():  # type: ignore[attr-defined]
            response = client.get(f"/duties/lists/{self.list_of(obj)}/")
            shown = response.status_code == 200 and self.marker(obj) in response.content.decode()
            assert shown == (where in self.sees[username]), (username, where)


@pytest.mark.django_db
class TestItemsMatrix(_OnTheListPage, ScopeMatrix):
    list_url = "/api/v1/responsibility-items/"
    sees = BODY_SEES

    def inside(self) -> Model:
        return _list("县财政局党组").items.get(template_key="org.deploy")

    def branch(self) -> Model:
        return _list(MEMBERS_BRANCH).items.first()

    def outside(self) -> Model:
        return _list("县教育局党组").items.get(template_key="org.deploy")

    def search(self, obj: Model) -> dict:
        assert isinstance(obj, ResponsibilityItem)
        return {"list": obj.list_id, "page_size": 500}

    def list_of(self, obj: Model) -> int:
        assert isinstance(obj, ResponsibilityItem)
        return obj.list_id

    def marker(self, obj: Model) -> str:
        return f'data-testid="item-{obj.pk}"'


@pytest.mark.django_db
class TestFulfilmentsMatrix(_OnTheListPage, ScopeMatrix):
    list_url = "/api/v1/fulfilments/"
    sees = BODY_SEES

    def inside(self) -> Model:
        return _record("县财政局党组")

    def branch(self) -> Model:
        return _record(MEMBERS_BRANCH)

    def outside(self) -> Model:
        return _record("县教育局党组")

    def search(self, obj: Model) -> dict:
        return {"page_size": 500}

    def list_of(self, obj: Model) -> int:
        assert isinstance(obj, Fulfilment)
        return obj.item.list_id

    def marker(self, obj: Model) -> str:
        return f'data-testid="fulfilment-{obj.pk}"'
