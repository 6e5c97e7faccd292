"""Issue 10 on PostgreSQL: two security administrators revoking each other's grant at the same
moment must not both succeed (nobody could grant roles any more)."""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from dangjian.access import services
from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role


@pytest.mark.django_db(transaction=True)
def test_two_administrators_revoking_each_other_keep_one(
    vendor: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    RoleGrant.objects.filter(role=Role.SECURITY_ADMIN).delete()  # committed data: flushed after
    first, second = (User.objects.create_user(username=f"sec_race_{n}") for n in (1, 2))
    grants = {user.pk: RoleGrant.objects.create(user=user, role=Role.SECURITY_ADMIN)
              for user in (first, second)}
    # Both requests pass their check before either writes, unless the check holds a lock.
    meet = threading.Barrier(2, timeout=3)
    real_record: Callable[..., Any] = services.record

    def record_after_meeting(**kwargs: Any) -> Any:
        if kwargs.get("action") == "grant.revoke" and kwargs.get("success", True):
            # broken: the other request waits on our lock, so go on alone
            with contextlib.suppress(threading.BrokenBarrierError):
                meet.wait()
        return real_record(**kwargs)

    monkeypatch.setattr(services, "record", record_after_meeting)
    outcomes: list[str] = []

    def revoke(actor: User, other: User) -> None:
        try:
            services.revoke_role(actor=actor, grant=RoleGrant.objects.get(pk=grants[other.pk].pk))
            outcomes.append("revoked")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        except Exception as exc:  # a deadlock, say: an answer of 500, not a refusal
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=revoke, args=pair)
               for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 2 and outcomes.count("revoked") == 1, outcomes
    assert "最后一个有效的安全管理员授权" in next(o for o in outcomes if o != "revoked")
    assert RoleGrant.objects.filter(role=Role.SECURITY_ADMIN,
                                    user__in=[first, second]).count() == 1
