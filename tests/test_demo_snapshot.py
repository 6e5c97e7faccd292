"""The demo county put back after a transactional test emptied the database (tests/demo_snapshot.py)
is the county the session built: every table holds the same rows again."""

import pytest
from django.core.management import call_command
from django.db import connection

from dangjian.access.models import User
from dangjian.audit.models import ChainHead
from tests.demo_snapshot import DemoSnapshot


def _table_rows() -> dict[str, int]:
    tables = sorted(connection.introspection.django_table_names(only_existing=True,
                                                                include_views=False))
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_same_rows_back(committed_demo: None) -> None:
    before = _table_rows()
    head = list(ChainHead.objects.values_list("pk", "last_hash"))
    snapshot = DemoSnapshot()
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()
    snapshot.restore()
    assert _table_rows() == before
    assert list(ChainHead.objects.values_list("pk", "last_hash")) == head
    # The permission rows and the content types they point to came back together.
    assert User.objects.get(username="finance_secretary").has_perm("people.unmask_personal_data")
