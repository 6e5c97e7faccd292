"""新建下级组织、修改、撤销 as pages: a unit's clerk or secretary keeps its own part of the tree;
the pages refuse what the API refuses, with its message, and change nothing then."""

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import Role, RoleGrant, User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization, OrgKind
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db

FINANCE = "县财政局"
BRANCH = "县财政局机关第一党支部"
OTHER_BRANCH = "县财政局机关第二党支部"



def _tree() -> dict[int, tuple[str, str]]:
    return {pk: (name, path) for pk, name, path
            in Organization.objects.values_list("pk", "name", "path")}


def _events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def test_a_clerk_adds_a_party_cell_under_a_branch_and_it_is_audited(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(BRANCH)
    client = as_user("finance_clerk")
    form = client.get("/organizations/new/", {"parent": branch.pk})
    assert form.status_code == 200
    assert f'<option value="{branch.pk}" selected>' in form.content.decode()
    assert f'<option value="{org("县教育局").pk}"' not in form.content.decode()
    done = client.post("/organizations/new/", {
        "name": " 第一党小组 ", "kind": OrgKind.PARTY_CELL, "parent": branch.pk,
        "code": "CZ-01", "founded_on": "2021-07-01"})
    cell = Organization.objects.get(name="第一党小组", parent=branch)
    assert done.status_code == 302 and done.url == f"/organizations/{cell.pk}/"
    assert (cell.kind, cell.code, cell.founded_on.isoformat()) == ("党小组", "CZ-01",
                                                                   "2021-07-01")
    assert cell.path.startswith(branch.path) and cell.depth == branch.depth + 1
    event = AuditEvent.objects.get(action="organization.create", object_id=str(cell.pk))
    assert event.username == "finance_clerk"


def test_a_blank_name_and_no_kind_are_refused_by_field_and_the_draft_is_kept(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    before = _tree()
    response = as_user("finance_clerk").post("/organizations/new/", {
        "name": "  ", "kind": "", "parent": org(BRANCH).pk, "code": "保留的代码",
        "founded_on": "2021-02-30"}, follow=True)
    html = assert_every_field_named(response, "organization", {
        "name": "名称", "kind": "组织类型", "founded_on": "成立日期"})
    assert "请填写名称" in html and "请选择组织类型" in html
    assert 'value="保留的代码"' in html and 'value="2021-02-30"' in html
    assert _tree() == before


def test_a_name_longer_than_the_register_keeps_is_refused(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    before = _tree()
    response = as_user("finance_clerk").post("/organizations/new/", {
        "name": "长" * 101, "kind": OrgKind.PARTY_CELL, "parent": org(BRANCH).pk}, follow=True)
    assert "名称不能超过100个字" in assert_every_field_named(response, "organization",
                                                          {"name": "名称"})
    assert _tree() == before


def test_a_clerk_of_another_unit_finds_nothing_to_add_under_and_nothing_changes(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch, before = org(BRANCH), _tree()
    client = as_user("edu_clerk")
    assert client.get("/organizations/new/", {"parent": branch.pk}).status_code == 404
    refused = client.post("/organizations/new/", {
        "name": "越权党小组", "kind": OrgKind.PARTY_CELL, "parent": branch.pk}, follow=True)
    assert "所选对象不存在，或不在您的范围内" in refused.content.decode()
    assert client.get(f"/organizations/{branch.pk}/edit/").status_code == 404
    assert client.post(f"/organizations/{branch.pk}/edit/", {"name": "改名"}).status_code == 404
    assert client.post(f"/organizations/{branch.pk}/delete/").status_code == 404
    assert _tree() == before and _events("organization.create") == 0


@pytest.mark.parametrize("username", ["member", "county_head"])
def test_a_role_that_does_not_enter_data_is_refused_with_the_apis_reason(
        username: str, as_user: Callable[[str], Client],
        org: Callable[[str], Organization]) -> None:
    branch, before = org(BRANCH), _tree()  # the member's own branch; the county_head sees all
    client = as_user(username)
    for url in ("/organizations/new/", f"/organizations/new/?parent={branch.pk}",
                f"/organizations/{branch.pk}/edit/", f"/organizations/{branch.pk}/delete/"):
        page = client.get(url)
        assert page.status_code == 403, url
        assert "您没有维护该组织的权限" in page.content.decode(), url
        assert 'data-testid="action-form"' not in page.content.decode(), url
    posted = client.post("/organizations/new/", {
        "name": "越权党小组", "kind": OrgKind.PARTY_CELL, "parent": branch.pk}, follow=True)
    assert "您没有维护该组织的权限" in posted.content.decode()
    renamed = client.post(f"/organizations/{branch.pk}/edit/", {"name": "越权"}, follow=True)
    assert renamed.status_code == 403
    deleted = client.post(f"/organizations/{branch.pk}/delete/", follow=True)
    assert deleted.status_code == 403
    assert _tree() == before
    detail = client.get(f"/organizations/{branch.pk}/").content.decode()
    assert "新建下级组织" not in detail and "/edit/" not in detail and "新增人员" not in detail
    listed = client.get("/organizations/").content.decode()
    assert "/organizations/new/" not in listed


def test_the_clerk_sees_the_maintenance_actions_on_the_list_and_detail(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(BRANCH)
    client = as_user("finance_clerk")
    listed = client.get("/organizations/").content.decode()
    assert 'href="/organizations/new/">新建下级组织</a>' in listed
    detail = client.get(f"/organizations/{branch.pk}/").content.decode()
    for link in (f"/organizations/new/?parent={branch.pk}",
                 f"/persons/new/?organization={branch.pk}",
                 f"/organizations/{branch.pk}/edit/", f"/organizations/{branch.pk}/delete/"):
        assert f'href="{link}"' in detail, link
    unit = client.get(f"/organizations/{org(FINANCE).pk}/").content.decode()
    assert f'href="/organizations/{org(FINANCE).pk}/edit/"' in unit  # the grant's own unit


def test_a_clerk_renames_and_moves_a_branch_in_one_form(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch, target = org(OTHER_BRANCH), org(BRANCH)
    client = as_user("finance_clerk")
    form = client.get(f"/organizations/{branch.pk}/edit/").content.decode()
    assert f'<option value="{target.pk}"' in form and f'<option value="{branch.pk}"' not in form
    done = client.post(f"/organizations/{branch.pk}/edit/", {
        "name": "县财政局第二党小组", "parent": target.pk})
    assert done.status_code == 302 and done.url == f"/organizations/{branch.pk}/"
    branch.refresh_from_db()
    assert (branch.name, branch.parent_id) == ("县财政局第二党小组", target.pk)
    assert branch.path.startswith(target.path)
    actions = list(AuditEvent.objects.filter(object_id=str(branch.pk), object_type__icontains="org")
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["organization.move", "organization.rename"]


def test_saving_the_edit_form_unchanged_writes_nothing(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(BRANCH)
    changes = AuditEvent.objects.filter(action__startswith="organization.")
    before = changes.count()
    response = as_user("finance_clerk").post(f"/organizations/{branch.pk}/edit/", {
        "name": branch.name, "parent": ""}, follow=True)
    assert "信息未变化，无需保存" in response.content.decode()
    assert changes.count() == before


def test_moving_under_its_own_descendant_is_refused_in_chinese_and_nothing_moves(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    finance = org(FINANCE)
    party = Organization.objects.filter(parent=finance).order_by("path").first()
    assert party is not None
    branch = org(BRANCH)
    client = as_user("finance_clerk")
    form = client.get(f"/organizations/{party.pk}/edit/").content.decode()
    assert f'<option value="{branch.pk}"' not in form  # its subtree is not offered
    before = _tree()
    response = client.post(f"/organizations/{party.pk}/edit/", {
        "name": "改名不应生效", "parent": branch.pk}, follow=True)
    html = assert_every_field_named(response, f"organization-{party.pk}", {"parent": "上级组织"})
    assert "不能把组织移到它自己或它的下级组织之下" in html
    assert _tree() == before and _events("organization.rename") == 0


def test_moving_out_of_the_units_subtree_is_refused_as_out_of_scope(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch, before = org(BRANCH), _tree()
    county = Organization.objects.get(depth=1)
    response = as_user("finance_secretary").post(f"/organizations/{branch.pk}/edit/", {
        "name": branch.name, "parent": county.pk}, follow=True)
    html = assert_every_field_named(response, f"organization-{branch.pk}", {"parent": "上级组织"})
    assert "所选对象不存在，或不在您的范围内" in html
    assert _tree() == before


def test_a_branch_with_children_cannot_be_deleted_and_an_empty_one_is_deleted_once(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(BRANCH)
    client = as_user("finance_clerk")
    cell = Organization.objects.add_child(
        Organization.objects.get(pk=branch.pk),
        {"name": "待撤销的党小组", "kind": OrgKind.PARTY_CELL, "parent": branch})
    confirm = client.get(f"/organizations/{branch.pk}/delete/").content.decode()
    assert "撤销组织" in confirm and "下级组织" in confirm and "审计" in confirm
    refused = client.post(f"/organizations/{branch.pk}/delete/", follow=True)
    assert "该组织还有下级组织，不能删除" in refused.content.decode()
    assert Organization.objects.filter(pk=branch.pk).exists()
    assert _events("organization.delete") == 0

    done = client.post(f"/organizations/{cell.pk}/delete/")
    assert done.status_code == 302 and done.url == f"/organizations/{branch.pk}/"
    assert not Organization.objects.filter(pk=cell.pk).exists()
    assert AuditEvent.objects.filter(action="organization.delete",
                                     object_id=str(cell.pk)).count() == 1
    assert client.post(f"/organizations/{cell.pk}/delete/").status_code == 404
    assert _events("organization.delete") == 1


def test_a_branch_with_members_cannot_be_deleted(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(OTHER_BRANCH)
    assert branch.persons.exists() and not branch.children.exists()
    refused = as_user("finance_clerk").post(f"/organizations/{branch.pk}/delete/", follow=True)
    assert "该组织还有成员或关联记录，不能删除" in refused.content.decode()
    assert Organization.objects.filter(pk=branch.pk).exists()


@pytest.mark.parametrize("query", ["abc", "0", "99999999999999999999999"])
def test_a_malformed_or_absent_parent_in_the_address_is_not_found(
        query: str, as_user: Callable[[str], Client]) -> None:
    assert as_user("finance_clerk").get("/organizations/new/", {"parent": query}).status_code \
        == 404


def test_what_the_user_sees_but_does_not_maintain_is_refused_with_the_apis_reason(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    """A clerk who also inspects the county sees the other units but maintains only his own:
    the page and the API refuse alike, with one message."""
    clerk = user("finance_clerk")
    RoleGrant.objects.create(user=clerk, role=Role.INSPECTOR,
                             organization=Organization.objects.get(depth=1))
    branch, elsewhere, before = org(BRANCH), org("县教育局"), _tree()
    client = as_user("finance_clerk")
    page = client.get("/organizations/new/", {"parent": elsewhere.pk})
    assert page.status_code == 403 and "您没有维护该组织的权限" in page.content.decode()
    moved = client.post(f"/organizations/{branch.pk}/edit/", {
        "name": branch.name, "parent": elsewhere.pk}, follow=True)
    assert moved.status_code == 200 and "您没有维护该组织的权限" in moved.content.decode()
    api = APIClient()
    api.force_authenticate(clerk)
    answer = api.patch(f"/api/v1/organizations/{branch.pk}/", {"parent": elsewhere.pk},
                       format="json")
    assert answer.status_code == 403 and answer.json()["detail"] == "您没有维护该组织的权限"
    assert _tree() == before
