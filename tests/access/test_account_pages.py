"""The account pages (账户与授权): the 系统管理员 creates accounts, the 安全管理员 grants and
revokes roles, each through the API's services with its refusals (三员分立, no self-grant, never
the last administrator), every write audited, and every other role refused with a 403 page."""

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db

PASSWORD = "Str0ng!Passw0rd"
USERS = "/accounts/"
NEW = "/accounts/new/"


@pytest.fixture
def client_as(user: Callable[[str], User]) -> Callable[[str], Client]:
    def signed_in(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return signed_in


def _new(username: str = "new_clerk") -> User:
    return User.objects.create_user(username=username, password=None)


def _grants(user: User) -> set[tuple[str, int | None]]:
    return set(user.grants.values_list("role", "organization_id"))


# --- the list and an account's page ---------------------------------------------------------

@pytest.mark.parametrize("username", ["admin", "secadmin"])
def test_the_system_and_security_administrators_list_and_search_the_accounts(
    client_as: Callable[[str], Client], username: str,
) -> None:
    client = client_as(username)
    page = client.get(USERS).content.decode()
    assert "finance_clerk" in page and "county_head" in page
    assert "党务干事（县财政局）" in page  # the roles with their organisation
    found = client.get(USERS, {"q": "finance"}).content.decode()
    assert "finance_clerk" in found and "county_head" not in found
    by_role = client.get(USERS, {"role": Role.AUDIT_ADMIN}).content.decode()
    assert "auditor" in by_role and "finance_clerk" not in by_role
    # only the 系统管理员 is offered 新建账户
    assert (NEW in page) is (username == "admin")


@pytest.mark.parametrize("username", ["auditor", "county_head", "finance_clerk", "member"])
def test_every_other_role_is_refused_the_accounts(
    client_as: Callable[[str], Client], user: Callable[[str], User], username: str,
) -> None:
    client = client_as(username)
    for path in (USERS, f"{USERS}{user('finance_clerk').pk}/"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "仅系统管理员和安全管理员可以查看账户" in response.content.decode()


def test_an_accounts_page_shows_its_grants_and_only_the_security_admin_may_act(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    grant = clerk.grants.get()
    for username, acts in (("secadmin", True), ("admin", False)):
        page = client_as(username).get(f"{USERS}{clerk.pk}/").content.decode()
        assert "党务干事" in page and "县财政局" in page
        assert (f"/accounts/{clerk.pk}/grants/new/" in page) is acts, username
        assert (f"/accounts/grants/{grant.pk}/revoke/" in page) is acts, username


# --- 新建账户 -------------------------------------------------------------------------------

def test_the_system_administrator_creates_an_account_linked_to_a_person(
    client_as: Callable[[str], Client],
) -> None:
    person = Person.objects.filter(user__isnull=True).order_by("pk").first()
    assert person is not None
    client = client_as("admin")
    form = client.get(NEW).content.decode()
    assert f'<option value="{person.pk}">' in form and 'type="password"' in form
    response = client.post(NEW, {"username": "new_clerk", "display_name": "新干事",
                                 "person": str(person.pk), "password": PASSWORD})
    made = User.objects.get(username="new_clerk")
    assert response.status_code == 302 and response.url == f"{USERS}{made.pk}/"
    assert made.person == person and made.display_name == "新干事"
    assert made.must_change_password and made.check_password(PASSWORD)
    assert not made.grants.exists()
    event = AuditEvent.objects.get(action="user.create", object_id=str(made.pk))
    assert event.username == "admin" and event.success and PASSWORD not in str(event.after)
    shown = client.get(response.url).content.decode()
    assert "已新建账户：new_clerk" in shown


def test_a_refused_account_keeps_what_was_typed_but_never_the_password(
    client_as: Callable[[str], Client],
) -> None:
    client = client_as("admin")
    count = User.objects.count()
    client.post(NEW, {"username": "finance_clerk", "display_name": "重名的人",
                      "password": "weak"})
    assert User.objects.count() == count
    html = assert_every_field_named(client.get(NEW), "user-new", {"username": "用户名"})
    assert "用户名“finance_clerk”已存在" in html
    assert 'value="finance_clerk"' in html and 'value="重名的人"' in html
    client.post(NEW, {"username": "fresh_name", "display_name": "新人", "password": "weak"})
    assert User.objects.count() == count
    html = assert_every_field_named(client.get(NEW), "user-new", {"password": "初始密码"})
    assert 'value="fresh_name"' in html and 'value="新人"' in html
    assert "weak" not in html
    assert "weak" not in str(client.session.get("drafts", {}))
    # the weak password was refused and audited, without the password itself
    refused = AuditEvent.objects.filter(action="user.create", success=False)
    assert refused.exists() and all("weak" not in str(e.after) for e in refused)


def test_a_missing_name_and_password_are_each_named(
    client_as: Callable[[str], Client],
) -> None:
    client = client_as("admin")
    client.post(NEW, {"username": " ", "password": ""})
    html = assert_every_field_named(client.get(NEW), "user-new",
                                    {"username": "用户名", "password": "初始密码"})
    assert "请填写用户名" in html and "请填写初始密码" in html


def test_a_person_that_does_not_exist_is_refused(client_as: Callable[[str], Client]) -> None:
    client = client_as("admin")
    client.post(NEW, {"username": "ghost", "person": "999999", "password": PASSWORD})
    assert not User.objects.filter(username="ghost").exists()
    assert "对应人员不存在" in client.get(NEW).content.decode()


def test_the_same_account_created_twice_is_created_once(
    client_as: Callable[[str], Client],
) -> None:
    client = client_as("admin")
    body = {"username": "twice", "password": PASSWORD}
    client.post(NEW, body)
    client.post(NEW, body)
    assert User.objects.filter(username="twice").count() == 1
    assert "用户名“twice”已存在" in client.get(NEW).content.decode()


@pytest.mark.parametrize("username", ["secadmin", "auditor", "finance_clerk"])
def test_only_the_system_administrator_creates_accounts(
    client_as: Callable[[str], Client], username: str,
) -> None:
    client = client_as(username)
    page = client.get(NEW)
    assert page.status_code == 403 and "仅限系统管理员操作" in page.content.decode()
    assert 'name="password"' not in page.content.decode()
    count = User.objects.count()
    client.post(NEW, {"username": "intruder", "password": PASSWORD})
    assert User.objects.count() == count
    assert not AuditEvent.objects.filter(action="user.create").exists()


def test_the_security_administrator_is_told_why(client_as: Callable[[str], Client]) -> None:
    page = client_as("secadmin").get(NEW).content.decode()
    assert "账户由系统管理员新建，安全管理员不能办理（三员分立" in page


# --- 授予角色 -------------------------------------------------------------------------------

def test_the_security_administrator_grants_a_role_with_its_organisation(
    client_as: Callable[[str], Client],
) -> None:
    target = _new()
    finance = Organization.objects.get(name="县财政局")
    client = client_as("secadmin")
    form = client.get(f"{USERS}{target.pk}/grants/new/").content.decode()
    assert f'<option value="{finance.pk}">' in form
    response = client.post(f"{USERS}{target.pk}/grants/new/",
                           {"role": Role.UNIT_CLERK, "organization": str(finance.pk)})
    assert response.status_code == 302 and response.url == f"{USERS}{target.pk}/"
    assert _grants(target) == {(Role.UNIT_CLERK, finance.pk)}
    grant = target.grants.get()
    event = AuditEvent.objects.get(action="grant.create", object_id=str(grant.pk))
    assert event.username == "secadmin" and event.success
    assert "已授予new_clerk角色：党务干事（县财政局）" in client.get(response.url).content.decode()


def test_a_role_that_needs_an_organisation_is_refused_without_one(
    client_as: Callable[[str], Client],
) -> None:
    target = _new()
    client = client_as("secadmin")
    client.post(f"{USERS}{target.pk}/grants/new/", {"role": Role.UNIT_CLERK})
    assert not target.grants.exists()
    html = assert_every_field_named(client.get(f"{USERS}{target.pk}/grants/new/"),
                                    f"grant-{target.pk}", {"organization": "范围组织"})
    assert "角色“党务干事”必须指定范围组织" in html
    assert f'<option value="{Role.UNIT_CLERK}" selected>' in html  # the choice is kept


def test_a_grant_made_twice_is_made_once(client_as: Callable[[str], Client]) -> None:
    target = _new()
    client = client_as("secadmin")
    for _ in range(2):
        client.post(f"{USERS}{target.pk}/grants/new/", {"role": Role.MEMBER})
    assert target.grants.count() == 1
    assert "该用户已拥有此授权" in client.get(f"{USERS}{target.pk}/grants/new/").content.decode()


def test_nobody_grants_themselves_a_role(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    me = user("secadmin")
    client = client_as("secadmin")
    client.post(f"{USERS}{me.pk}/grants/new/", {"role": Role.AUDIT_ADMIN})
    assert _grants(me) == {(Role.SECURITY_ADMIN, None)}
    html = client.get(f"{USERS}{me.pk}/grants/new/").content.decode()
    assert "不能给自己授予角色" in html and "8.1.4.2 d" in html
    assert AuditEvent.objects.get(action="grant.create").success is False


def test_the_three_administrators_stay_separate(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    client = client_as("secadmin")
    client.post(f"{USERS}{clerk.pk}/grants/new/", {"role": Role.AUDIT_ADMIN})
    assert Role.AUDIT_ADMIN not in {g.role for g in clerk.grants.all()}
    assert "不能兼任审计管理员" in client.get(f"{USERS}{clerk.pk}/grants/new/").content.decode()


@pytest.mark.parametrize("username", ["admin", "auditor", "county_head", "finance_clerk"])
def test_only_the_security_administrator_grants(
    client_as: Callable[[str], Client], username: str,
) -> None:
    target = _new()
    client = client_as(username)
    page = client.get(f"{USERS}{target.pk}/grants/new/")
    assert page.status_code == 403 and "仅限安全管理员操作" in page.content.decode()
    client.post(f"{USERS}{target.pk}/grants/new/", {"role": Role.MEMBER})
    assert not target.grants.exists()
    assert not AuditEvent.objects.filter(action="grant.create").exists()


def test_the_system_administrator_is_told_the_separation_of_duties(
    client_as: Callable[[str], Client],
) -> None:
    target = _new()
    page = client_as("admin").get(f"{USERS}{target.pk}/grants/new/").content.decode()
    assert "角色由安全管理员授予和撤销，系统管理员不能办理（三员分立" in page


def test_a_grant_for_an_account_that_does_not_exist_answers_404(
    client_as: Callable[[str], Client],
) -> None:
    client = client_as("secadmin")
    assert client.get(f"{USERS}999999/grants/new/").status_code == 404
    assert client.post(f"{USERS}999999/grants/new/",
                       {"role": Role.MEMBER}).status_code == 404
    assert not RoleGrant.objects.filter(user_id=999999).exists()


# --- 撤销授权 -------------------------------------------------------------------------------

def test_the_security_administrator_revokes_a_grant_once(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    clerk = user("edu_clerk")
    grant = clerk.grants.get()
    client = client_as("secadmin")
    confirm = client.get(f"{USERS}grants/{grant.pk}/revoke/").content.decode()
    assert "县教育局" in confirm and "党务干事" in confirm
    response = client.post(f"{USERS}grants/{grant.pk}/revoke/")
    assert response.status_code == 302 and response.url == f"{USERS}{clerk.pk}/"
    assert not clerk.grants.exists()
    event = AuditEvent.objects.get(action="grant.revoke")
    assert event.username == "secadmin" and event.success and event.object_id == str(grant.pk)
    again = client.post(f"{USERS}grants/{grant.pk}/revoke/")
    assert again.status_code == 404
    assert AuditEvent.objects.filter(action="grant.revoke").count() == 1


def test_the_last_administrator_of_a_duty_is_kept(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    grant = user("auditor").grants.get(role=Role.AUDIT_ADMIN)
    client = client_as("secadmin")
    response = client.post(f"{USERS}grants/{grant.pk}/revoke/")
    assert response.status_code == 302 and response.url == f"{USERS}grants/{grant.pk}/revoke/"
    assert RoleGrant.objects.filter(pk=grant.pk).exists()
    assert "这是最后一个有效的审计管理员授权" in client.get(response.url).content.decode()
    assert AuditEvent.objects.get(action="grant.revoke").success is False


def test_the_security_administrator_cannot_revoke_their_own_grant(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    own = user("secadmin").grants.get()
    client = client_as("secadmin")
    client.post(f"{USERS}grants/{own.pk}/revoke/")
    assert RoleGrant.objects.filter(pk=own.pk).exists()
    assert "不能撤销自己的安全管理员授权" in client.get(
        f"{USERS}grants/{own.pk}/revoke/").content.decode()


@pytest.mark.parametrize("username", ["admin", "auditor", "county_head", "finance_clerk"])
def test_only_the_security_administrator_revokes(
    client_as: Callable[[str], Client], user: Callable[[str], User], username: str,
) -> None:
    grant = user("edu_clerk").grants.get()
    client = client_as(username)
    page = client.get(f"{USERS}grants/{grant.pk}/revoke/")
    assert page.status_code == 403 and "仅限安全管理员操作" in page.content.decode()
    client.post(f"{USERS}grants/{grant.pk}/revoke/")
    assert RoleGrant.objects.filter(pk=grant.pk).exists()
    assert not AuditEvent.objects.filter(action="grant.revoke").exists()


def test_a_person_who_already_has_an_account_is_refused_on_the_page_and_the_api(
    client_as: Callable[[str], Client], user: Callable[[str], User],
    api_as: Callable[[str], APIClient],
) -> None:
    taken = user("finance_clerk").person
    assert taken is not None
    client = client_as("admin")
    assert f'<option value="{taken.pk}">' not in client.get(NEW).content.decode()
    client.post(NEW, {"username": "second", "person": str(taken.pk), "password": PASSWORD})
    assert not User.objects.filter(username="second").exists()
    html = assert_every_field_named(client.get(NEW), "user-new", {"person": "对应人员"})
    assert f"{taken.name}已有账户，一人只能对应一个账户" in html
    response = api_as("admin").post("/api/v1/users/", {
        "username": "second", "person": taken.pk, "password": PASSWORD}, format="json")
    assert response.status_code == 400
    assert f"{taken.name}已有账户" in response.content.decode("utf-8")


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"role": "超级管理员"}, "role", "未知的角色：超级管理员"),
    ({"role": ""}, "role", "请填写角色"),
    ({"role": Role.UNIT_CLERK, "organization": "999999"}, "organization", "范围组织不存在"),
    ({"role": Role.UNIT_CLERK, "organization": "1; drop"}, "organization", "范围组织不存在"),
])
def test_a_bad_role_or_organisation_is_refused_on_its_field(
    client_as: Callable[[str], Client], body: dict[str, str], field: str, message: str,
) -> None:
    target = _new()
    client = client_as("secadmin")
    client.post(f"{USERS}{target.pk}/grants/new/", body)
    assert not target.grants.exists()
    html = assert_every_field_named(client.get(f"{USERS}{target.pk}/grants/new/"),
                                    f"grant-{target.pk}", {field: GRANT_LABELS[field]})
    assert message in html


GRANT_LABELS = {"role": "角色", "organization": "范围组织"}


def test_revoking_a_grant_that_does_not_exist_answers_404(
    client_as: Callable[[str], Client],
) -> None:
    client = client_as("secadmin")
    assert client.get(f"{USERS}grants/999999/revoke/").status_code == 404
    assert client.post(f"{USERS}grants/999999/revoke/").status_code == 404
    assert not AuditEvent.objects.filter(action="grant.revoke").exists()


def test_a_visitor_who_is_not_signed_in_is_sent_to_the_login() -> None:
    client = Client()
    for path in (USERS, NEW, f"{USERS}1/", f"{USERS}1/grants/new/", f"{USERS}grants/1/revoke/"):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/login/"), path
    client.post(NEW, {"username": "anonymous_made", "password": PASSWORD})
    assert not User.objects.filter(username="anonymous_made").exists()


# --- the type-ahead of the two forms --------------------------------------------------------

def test_the_forms_type_ahead_answers_what_the_form_offers_to_its_role_only(
    client_as: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    taken = user("finance_clerk").person
    assert taken is not None
    persons = client_as("admin").get("/accounts/pickers/persons/", {"q": taken.name})
    assert persons.status_code == 200
    assert taken.pk not in {row["id"] for row in persons.json()}  # has an account already
    free = Person.objects.filter(user__isnull=True).order_by("pk").first()
    assert free is not None
    found = client_as("admin").get("/accounts/pickers/persons/", {"q": free.name}).json()
    assert free.pk in {row["id"] for row in found}
    units = client_as("secadmin").get("/accounts/pickers/organizations/", {"q": "xczj"}).json()
    assert "县财政局" in [row["label"] for row in units]
    form = client_as("secadmin").get(f"{USERS}{user('member').pk}/grants/new/").content.decode()
    assert 'data-picker-url="/accounts/pickers/organizations/"' in form
    for username, path in (("secadmin", "persons"), ("auditor", "persons"),
                           ("county_head", "persons"), ("admin", "organizations"),
                           ("finance_clerk", "organizations")):
        refused = client_as(username).get(f"/accounts/pickers/{path}/", {"q": "县"})
        assert refused.status_code == 403, (username, path)
