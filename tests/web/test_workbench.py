"""The 工作台 as each role lands on it: clean Chinese, the 三员 only their own counts, the latest
unread notices and the role's shortcuts."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.access import lockout
from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.notifications.models import Notification

from .walk import ROLES, problems

pytestmark = pytest.mark.django_db
PANELS = {"admin": "账号与授权", "secadmin": "登录安全", "auditor": "审计"}


def _home(user: User) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _panel_titles(page: str) -> list[str]:
    return re.findall(r'<section data-testid="admin-panel">\s*<h2>([^<]+)</h2>', page)


@pytest.mark.parametrize("username", ROLES)
def test_every_role_lands_on_a_clean_workbench(user: Callable[[str], User], username: str
                                               ) -> None:
    page = _home(user(username))
    assert "<title>工作台 · 党建平台</title>" in page and 'data-testid="greeting"' in page
    assert problems(page) == []
    assert _panel_titles(page) == ([PANELS[username]] if username in PANELS else [])
    assert ('data-testid="todos"' in page) == (username not in PANELS)


def test_the_greeting_names_the_roles_and_the_scope(user: Callable[[str], User]) -> None:
    greeting = re.search(r'data-testid="greeting">(.*?)</p>', _home(user("edu_clerk")), re.S)
    assert greeting and "党务干事" in greeting.group(1) and "县教育局" in greeting.group(1)
    admin = re.search(r'data-testid="greeting">(.*?)</p>', _home(user("admin")), re.S)
    assert admin and "系统管理员" in admin.group(1) and "不接触业务数据" in admin.group(1)


def test_the_system_administrator_counts_the_accounts(user: Callable[[str], User]) -> None:
    page = _home(user("admin"))
    active = User.objects.filter(is_active=True).count()
    assert re.search(rf'<span class="workbench-count">{active}</span>启用的账号', page)
    assert "当前被锁定的用户名或地址" not in page and "今日登录失败" not in page
    # the count links the 账户 list showing exactly those accounts
    assert '<a href="/accounts/?is_active=true"><span class="workbench-count">' in page
    client = Client()
    client.force_login(user("admin"))
    listed = client.get("/accounts/", {"is_active": "true", "per_page": "100"})
    assert len(listed.context["table"].rows) == active


def test_the_security_administrator_counts_the_locks_in_force(
    user: Callable[[str], User],
) -> None:
    for _ in range(5):
        lockout.note_failure("member", ip="10.0.0.9")
    page = _home(user("secadmin"))
    assert len(lockout.current_locks()) >= 1
    assert (f'<a href="/security/lockouts/"><span class="workbench-count">'
            f'{len(lockout.current_locks())}</span>当前被锁定的用户名或地址') in page
    assert "启用的账号" not in page and "今日登录失败" not in page


def test_the_audit_administrator_counts_today_as_the_filtered_log_shows(
    user: Callable[[str], User],
) -> None:
    for _ in range(3):
        record(actor=None, action="login_failed", target=None, success=False,
               username="member", ip="10.0.0.7")
    auditor = user("auditor")
    page = _home(auditor)
    assert "启用的账号" not in page and "当前被锁定的用户名或地址" not in page
    client = Client()
    client.force_login(auditor)
    for label in ("今日登录失败", "今日失败或被拒绝的事件"):
        found = re.search(rf'<a href="([^"]+)"><span class="workbench-count">(\d+)</span>'
                          rf"{label}</a>", page)
        assert found, label
        url, count = found.group(1).replace("&amp;", "&"), int(found.group(2))
        assert count >= 3
        assert timezone.localdate().isoformat() in url
        listed = client.get(url).content.decode()
        assert f"共 {count} 条" in listed, label


def test_the_audit_log_filters_by_day(user: Callable[[str], User]) -> None:
    client = Client()
    client.force_login(user("auditor"))
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.get("/audit/", {"action": "demo.load", "day": yesterday}).content.decode()
    assert "共 0 条" in page
    page = client.get("/audit/", {"day": "昨天"}).content.decode()
    assert "共 0 条" in page  # a day the filter cannot read shows nothing, never everything


def test_the_latest_five_unread_notices_link_to_their_records(
    user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    Notification.objects.filter(recipient=clerk).delete()
    now = timezone.now()
    for n in range(7):
        Notification.objects.create(recipient=clerk, kind="test", title=f"通知第{n}号",
                                    link=f"/oversight/measures/{n + 1}/", dedupe_key=f"t{n}",
                                    created_at=now - timedelta(minutes=n),
                                    read_at=now if n == 0 else None)
    page = _home(clerk)
    section = page.split('data-testid="inbox-latest"')[1].split("</section>")[0]
    assert "未读站内信（6 条）" in section
    assert re.findall(r"通知第(\d)号", section) == ["1", "2", "3", "4", "5"]
    assert '<a href="/oversight/measures/2/">通知第1号</a>' in section
    assert 'href="/inbox/?unread=true"' in section


@pytest.mark.parametrize(("username", "present", "absent"), [
    ("inspector", ["登记问题", "起草提示单"], ["报送进展"]),
    ("finance_clerk", ["报送进展"], ["登记问题"]),
    ("member", ["站内信"], ["登记问题", "报送进展"]),
])
def test_shortcuts_follow_the_role(user: Callable[[str], User], username: str,
                                   present: list[str], absent: list[str]) -> None:
    page = _home(user(username))
    section = page.split('data-testid="shortcuts"')[1].split("</section>")[0]
    assert all(label in section for label in present)
    assert not any(label in section for label in absent)
