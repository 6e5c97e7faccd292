from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from dangjian.access.models import User
from dangjian.demo.generator import DEMO_ACCOUNTS, _Builder
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people import idnumber
from dangjian.people.models import Charge, Person

pytestmark = pytest.mark.django_db


def test_the_same_seed_builds_the_same_county() -> None:
    today = timezone.localdate()
    first, second = _Builder(2026, 1.0, today), _Builder(2026, 1.0, today)
    names = [[n.name for n in b.county(0).branches] for b in (first, second)]
    assert names[0] == names[1] and len(names[0]) > 180


def test_the_demo_county_has_the_shape_the_issue_describes() -> None:
    county = Organization.objects.get(name="中共示范县委员会")
    inside = Organization.objects.filter(path__startswith=county.path)
    assert inside.filter(kind=OrgKind.GOVERNMENT_UNIT).count() == 40
    assert inside.filter(kind=OrgKind.TOWNSHIP).count() == 12
    assert inside.filter(kind=OrgKind.VILLAGE).count() == 180
    for dept in inside.filter(kind=OrgKind.GOVERNMENT_UNIT)[:40]:
        party = Organization.objects.get(parent=dept)
        assert party.kind in (OrgKind.PARTY_GROUP, OrgKind.PARTY_COMMITTEE)
        assert 2 <= Organization.objects.filter(parent=party, kind=OrgKind.BRANCH).count() <= 6


def test_every_path_agrees_with_the_parent_key() -> None:
    for org in Organization.objects.select_related("parent"):
        if org.parent is None:
            assert org.depth == 1
        else:
            assert org.path[:-Organization.steplen] == org.parent.path
            assert org.depth == org.parent.depth + 1
    counted = {o.pk: o.numchild for o in Organization.objects.all()}
    for org in Organization.objects.all():
        assert counted[org.pk] == Organization.objects.filter(parent=org).count()


def test_the_vice_head_is_in_charge_of_finance_but_not_education(
    user: Callable[[str], User],
) -> None:
    charged = set(Charge.objects.current().filter(leader=user("vice_head").person)
                  .values_list("organization__name", flat=True))
    assert "县财政局" in charged and "县教育局" not in charged
    assert Charge.objects.values("leader").distinct().count() == 6


def test_every_demo_account_exists_with_its_role() -> None:
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.is_demo
        assert list(user.grants.values_list("role", flat=True)) == [account.role]


def test_decrypted_demo_id_numbers_pass_the_checksum(user: Callable[[str], User]) -> None:
    from dangjian.core.crypto import decrypt_field

    for person in Person.objects.order_by("id")[:50]:
        number = decrypt_field(person.id_number_encrypted)
        assert idnumber.normalise(number) == number
        assert idnumber.mask(number) == person.id_number_masked


def test_production_settings_refuse_the_demo(settings: object) -> None:
    settings.DANGJIAN_ALLOW_DEMO = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="生产环境不允许"):
        call_command("demo")


def test_the_demo_command_skips_a_database_that_has_data(capsys: pytest.CaptureFixture) -> None:
    before = Organization.objects.count()
    call_command("demo", "--if-empty")
    out = capsys.readouterr().out
    assert "跳过" in out and "finance_clerk" in out
    assert Organization.objects.count() == before
