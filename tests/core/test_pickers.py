"""The type-ahead pickers: scoped, by name or pinyin, bounded in what they take and give."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.core.pinyin import initials, spelling
from dangjian.core.spelled import PICKER_LIMIT, QUERY_MAX
from dangjian.orgs.models import Organization

from ..access.matrix import BRANCH, INSIDE, OUTSIDE, SEES

ORGS, PERSONS = "/api/v1/pickers/organizations/", "/api/v1/pickers/persons/"


def test_pinyin_initials_and_spelling_of_a_name() -> None:
    assert initials("县政府") == "xzf"
    assert spelling("县政府") == "xianzhengfu"
    assert initials("第1党支部") == "d1dzb"


@pytest.mark.django_db
def test_saving_a_renamed_organization_respells_it(org: Callable[[str], Organization]) -> None:
    unit = org("县财政局")
    unit.name = "县政府办公室"
    unit.save(update_fields=["name"])
    unit.refresh_from_db()
    assert (unit.name_initials, unit.name_pinyin) == ("xzfbgs", "xianzhengfubangongshi")


@pytest.mark.django_db
def test_the_demo_county_is_spelled(org: Callable[[str], Organization]) -> None:
    assert org("县财政局").name_initials == "xczj"


def _ids(response: object) -> list[int]:
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    return [row["id"] for row in response.json()]  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["县财政局", "xczj", "xiancaizheng", "XCZJ", "财政"])
def test_organizations_are_found_by_name_initials_or_spelling(
    query: str, api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    assert org("县财政局").pk in _ids(api_as("county_head").get(ORGS, {"q": query}))


@pytest.mark.django_db
@pytest.mark.parametrize("username", list(SEES))
def test_persons_outside_the_scope_are_never_offered(
    username: str, api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    persons = {INSIDE: user("member").person, BRANCH: user("finance_clerk").person,
               OUTSIDE: user("edu_clerk").person}
    client = api_as(username)
    for where, person in persons.items():
        found = _ids(client.get(PERSONS, {"q": person.name}))
        # a plain member picks only themselves, not the colleagues of their branch
        assert (person.pk in found) == (where in SEES[username]), (username, where)


@pytest.mark.django_db
@pytest.mark.parametrize("username", list(SEES))
def test_organizations_outside_the_scope_are_never_offered(
    username: str, api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    outside = org("县教育局机关第一党支部")
    found = _ids(api_as(username).get(ORGS, {"q": outside.name}))
    assert (outside.pk in found) == (OUTSIDE in SEES[username])


@pytest.mark.django_db
def test_a_person_is_found_within_a_picked_organization(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
    org: Callable[[str], Organization],
) -> None:
    person = user("finance_clerk").person
    client = api_as("county_head")
    assert person.pk in _ids(client.get(PERSONS, {"q": person.name,
                                                  "organization": org("县财政局").pk}))
    assert person.pk not in _ids(client.get(PERSONS, {"q": person.name,
                                                      "organization": org("县教育局").pk}))


@pytest.mark.django_db
def test_an_organization_outside_the_scope_is_refused_as_a_filter(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    response = api_as("finance_clerk").get(PERSONS, {"organization": org("县教育局").pk})
    assert response.status_code == 400
    assert "范围" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [ORGS, PERSONS])
@pytest.mark.parametrize("query", ["", "x", "z"])
def test_short_queries_answer_at_most_the_limit(
    url: str, query: str, api_as: Callable[[str], APIClient]
) -> None:
    assert 0 < len(_ids(api_as("county_head").get(url, {"q": query}))) <= PICKER_LIMIT


@pytest.mark.django_db
@pytest.mark.parametrize("url", [ORGS, PERSONS])
def test_a_query_longer_than_any_name_is_refused_in_chinese(
    url: str, api_as: Callable[[str], APIClient]
) -> None:
    client = api_as("county_head")
    assert client.get(url, {"q": "县" * QUERY_MAX}).status_code == 200
    response = client.get(url, {"q": "县" * 200})
    assert response.status_code == 400
    assert any("\u4e00" <= c <= "\u9fff" for c in response.json()["detail"])


def test_anonymous_requests_are_refused(client: object) -> None:
    for url in (ORGS, PERSONS):
        assert client.get(url).status_code in (401, 403)  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_organizations_can_be_narrowed_to_kinds(api_as: Callable[[str], APIClient]) -> None:
    client = api_as("county_head")
    rows = client.get(ORGS, {"q": "xczj", "kind": ["党支部", "党组"]}).json()
    assert rows and all("县财政局" in row["label"] for row in rows)
    assert "县财政局" not in [row["label"] for row in rows]  # a 政府部门/单位


@pytest.mark.django_db
def test_persons_can_be_narrowed_to_party_statuses(
    api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    person = user("member").person
    client = api_as("county_head")
    assert person.pk in _ids(client.get(PERSONS, {"q": person.name,
                                                  "party_status": person.party_status}))
    assert person.pk not in _ids(client.get(PERSONS, {"q": person.name,
                                                      "party_status": "群众"}))
