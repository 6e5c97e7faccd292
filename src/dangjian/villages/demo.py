"""The demo's 村集体经济: every village's profile, two closed years of income (a few 空壳村, a few
declines), a target for each year, 2–3 包联 villages for each vice head, and a 五面红旗
campaign for the first township's villages. Deterministic:
same seed and same ``today``, same figures; the years are the two before ``today``'s."""

import random
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Link, Person

from .models import (
    CATEGORY_FIELDS,
    FIVE_BANNER_DIMENSIONS,
    CampaignKind,
    CreationCampaign,
    Income,
    IncomeStatus,
    Target,
    Village,
    VillageKind,
)
from .rules import accounting_system

CENT = Decimal("0.01")
SHELL_EVERY = 11  # about one village in eleven has no operating income (空壳村)
DECLINE_EVERY = 7  # about one in seven earns less than the year before
# The demo village clerk's village reports its last year itself (the demo's walk-through).
UNREPORTED = 1  # the index of that village in the first township


def _amounts(rng: random.Random, year: int, base: Decimal, shell: bool) -> dict[str, Decimal]:
    system = accounting_system(year)
    assert system is not None
    values: dict[str, Decimal] = {}
    for category in system.categories:
        share = {"经营收入": 0.45, "发包及上交收入": 0.2, "投资收益": 0.15, "补助收入": 0.3,
                 "其他收入": 0.05}[category]
        amount = base * Decimal(str(share * rng.uniform(0.7, 1.3)))
        if shell and category in ("经营收入", "发包及上交收入", "投资收益"):
            amount = Decimal("0")
        values[CATEGORY_FIELDS[category]] = amount.quantize(CENT)
    return values


def villages_of(county: Organization) -> QuerySet[Organization]:
    return Organization.objects.filter(path__startswith=county.path,
                                       kind=OrgKind.VILLAGE).order_by("path")


def generate_villages(county: Organization, vice_heads: list[Person], *, today: date,
                      seed: int, start_on: date) -> dict[str, int]:
    rng = random.Random(seed + 14)  # noqa: S311  (deterministic demo figures)
    villages = list(villages_of(county))
    first_township = villages[0].path[:-Organization.steplen * 2] if villages else ""
    profiles, incomes = [], []
    years = (today.year - 2, today.year - 1)
    for n, village in enumerate(villages):
        community = village.name.endswith("社区")
        households = rng.randint(180, 900)
        profiles.append(Village(
            organization=village, kind=VillageKind.COMMUNITY if community else VillageKind.VILLAGE,
            households=households, population=households * rng.randint(2, 4),
            collective_name=f"{village.name.removesuffix('社区').removesuffix('村')}"
                            f"股份经济合作社"))
        base = Decimal(str(rng.uniform(3, 60)))
        shell = n % SHELL_EVERY == 3
        for year in years:
            if year == years[1]:
                if n % DECLINE_EVERY == 2:
                    base = base * Decimal("0.7")
                else:
                    base = base * Decimal(str(rng.uniform(1.0, 1.25)))
                if n % SHELL_EVERY == 5:
                    shell = True  # fell back into 空壳
            if (year == years[1] and village.path.startswith(first_township)
                    and n == UNREPORTED):
                continue
            status = (IncomeStatus.CONFIRMED if year == years[0]
                      else (IncomeStatus.CONFIRMED, IncomeStatus.VERIFIED,
                            IncomeStatus.REPORTED)[n % 3])
            incomes.append(Income(organization=village, year=year, status=status,
                                  **_amounts(rng, year, base, shell)))
    Village.objects.bulk_create(profiles, batch_size=2000)
    Income.objects.bulk_create(incomes, batch_size=2000)
    for year in years:
        Target.objects.create(organization=county, year=year, threshold=Decimal("20"))
    links = []
    for i, leader in enumerate(vice_heads):
        for k in range(2 + i % 2):
            index = (i * 17 + k * 5 + (1 if i == 0 and k == 0 else 0)) % max(len(villages), 1)
            if villages:
                links.append(Link(leader=leader, organization=villages[index],
                                  start_on=start_on))
    Link.objects.bulk_create(links)
    # One light 创建 campaign, open for the first township's villages to declare.
    campaign = CreationCampaign.objects.create(
        name="五面红旗村创建", kind=CampaignKind.FIVE_BANNERS, year=today.year,
        dimensions=list(FIVE_BANNER_DIMENSIONS), organiser=county,
        basis="县委关于开展“五面红旗”村创建活动的通知")
    campaign.participants.set([v for v in villages if v.path.startswith(first_township)])
    return {"villages": len(profiles), "incomes": len(incomes), "links": len(links)}
