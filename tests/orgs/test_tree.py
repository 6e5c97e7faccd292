from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs import services
from dangjian.orgs.models import Organization, OrgKind

pytestmark = pytest.mark.django_db

FINANCE = "县财政局"


def test_a_clerk_adds_a_party_cell_under_a_branch_of_their_unit(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    branch = org("县财政局机关第一党支部")
    response = api_as("finance_clerk").post(
        "/api/v1/organizations/", {"name": "第一党小组", "kind": "党小组", "parent": branch.pk}
    )
    assert response.status_code == 201, response.content
    cell = Organization.objects.get(pk=response.json()["id"])
    assert cell.parent_id == branch.pk
    assert cell.path.startswith(branch.path) and cell.depth == branch.depth + 1
    assert AuditEvent.objects.filter(action="organization.create", object_id=str(cell.pk)).exists()


def test_a_clerk_cannot_add_under_another_units_organisation(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    before = Organization.objects.count()
    response = api_as("finance_clerk").post(
        "/api/v1/organizations/",
        {"name": "党小组", "kind": "党小组", "parent": org("县教育局机关第一党支部").pk},
    )
    assert response.status_code == 400
    assert "不在您的范围内" in response.json()["detail"]
    assert Organization.objects.count() == before


def test_a_county_leader_reads_but_does_not_maintain_the_tree(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    response = api_as("county_head").post(
        "/api/v1/organizations/",
        {"name": "党小组", "kind": "党小组", "parent": org("县财政局机关第一党支部").pk},
    )
    assert response.status_code == 403
    assert "权限" in response.json()["detail"]


def test_moving_an_organisation_under_its_own_descendant_is_refused_and_changes_nothing(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    finance = org(FINANCE)
    branch = org("县财政局机关第二党支部")
    paths = dict(Organization.objects.values_list("pk", "path"))
    response = api_as("finance_secretary").patch(
        f"/api/v1/organizations/{finance.pk}/", {"parent": branch.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "不能把组织移到它自己或它的下级组织之下"
    assert dict(Organization.objects.values_list("pk", "path")) == paths


def test_moving_a_branch_carries_its_subtree_and_updates_the_parent(
    user: Callable[[str], User], org: Callable[[str], Organization]
) -> None:
    branch = org("县财政局机关第二党支部")
    cell = services.organization_create(
        actor=user("finance_clerk"), name="小组", kind=OrgKind.PARTY_CELL, parent=branch
    )
    target = org("县财政局机关第一党支部")
    services.organization_move(actor=user("finance_clerk"), org=branch, new_parent=target)
    branch.refresh_from_db()
    cell.refresh_from_db()
    assert branch.parent_id == target.pk and branch.path.startswith(target.path)
    assert cell.path.startswith(branch.path) and cell.depth == branch.depth + 1
    assert Organization.objects.get(pk=target.pk).numchild == 1


def test_deleting_an_organisation_with_members_is_refused(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    branch = org("县财政局机关第一党支部")
    response = api_as("finance_clerk").delete(f"/api/v1/organizations/{branch.pk}/")
    assert response.status_code == 400
    assert "还有成员" in response.json()["detail"]
    assert Organization.objects.filter(pk=branch.pk).exists()


def test_deleting_an_organisation_with_children_is_refused(
    user: Callable[[str], User], org: Callable[[str], Organization]
) -> None:
    with pytest.raises(ValidationError, match="下级组织"):
        services.organization_delete(actor=user("finance_clerk"), org=org(FINANCE))
    assert Organization.objects.filter(name=FINANCE).exists()


def test_an_empty_organisation_is_deleted_and_the_deletion_audited(
    user: Callable[[str], User], org: Callable[[str], Organization]
) -> None:
    branch = org("县财政局机关第一党支部")
    cell = services.organization_create(
        actor=user("finance_clerk"), name="临时小组", kind=OrgKind.PARTY_CELL, parent=branch
    )
    services.organization_delete(actor=user("finance_clerk"), org=cell)
    assert not Organization.objects.filter(pk=cell.pk).exists()
    assert Organization.objects.get(pk=branch.pk).numchild == 0
    event = AuditEvent.objects.get(action="organization.delete", object_id=str(cell.pk))
    assert event.before["name"] == "临时小组"


def test_the_list_filters_by_kind_parent_name_and_subtree(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    client = api_as("county_head")
    finance = org(FINANCE)
    rows = client.get("/api/v1/organizations/", {"subtree": finance.pk, "page_size": 500}).json()
    names = {r["name"] for r in rows["results"]}
    assert FINANCE in names and "县教育局" not in names
    assert all(n.startswith(FINANCE) for n in names)
    query = {"kind": "党支部", "subtree": finance.pk}
    branches = client.get("/api/v1/organizations/", query).json()
    assert branches["count"] == Organization.objects.filter(
        kind="党支部", path__startswith=finance.path).count() >= 2
    children = client.get("/api/v1/organizations/", {"parent": finance.pk}).json()["results"]
    assert [c["parent"] for c in children] == [finance.pk] * len(children) and children
    assert client.get("/api/v1/organizations/", {"name": "教育"}).json()["count"] >= 1


def test_a_founding_date_is_kept_and_shown_but_never_in_the_future(
    user: Callable[[str], User], org: Callable[[str], Organization],
    api_as: Callable[[str], APIClient],
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    branch = org("县财政局机关第一党支部")
    today = timezone.localdate()
    before = (Organization.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        services.organization_create(
            actor=user("finance_clerk"), name="未来小组", kind=OrgKind.PARTY_CELL, parent=branch,
            founded_on=today + timedelta(days=1),
        )
    assert refused.value.message_dict == {"founded_on": ["成立日期不能晚于今天"]}
    assert (Organization.objects.count(), AuditEvent.objects.count()) == before

    cell = services.organization_create(
        actor=user("finance_clerk"), name="第二党小组", kind=OrgKind.PARTY_CELL, parent=branch,
        founded_on=today,
    )
    assert Organization.objects.get(pk=cell.pk).founded_on == today
    shown = api_as("finance_clerk").get(f"/api/v1/organizations/{cell.pk}/").json()
    assert shown["founded_on"] == today.isoformat()
    assert api_as("finance_clerk").get(f"/api/v1/organizations/{branch.pk}/").json()[
        "founded_on"] is None


def test_a_new_organisation_keeps_its_founding_date_from_the_api(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    response = api_as("finance_clerk").post("/api/v1/organizations/", {
        "name": "第二党小组", "kind": "党小组", "parent": org("县财政局机关第一党支部").pk,
        "founded_on": "2021-07-01"}, format="json")
    assert response.status_code == 201, response.content
    assert Organization.objects.get(pk=response.json()["id"]).founded_on.isoformat() == "2021-07-01"
