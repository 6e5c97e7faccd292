"""Parties a plan names ("县财政局", "县政府党组成员") matched to organisations and posts.

Only suggestions: the reviewer sees them pre-filled and decides. A unit is found by any of
the names a speech may use for it (full name, without 中共, 人民政府 → 政府, the county's
proper name → 县); a post word after it (书记, 成员, 县长 …) adds the persons holding it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Charge, Post, PostTitle

T = PostTitle
# Post words of an owner → the titles they stand for ("县政府党组成员" → every member).
POST_WORDS: dict[str, tuple[str, ...]] = {
    "副书记": (T.DEPUTY_SECRETARY,),
    "书记": (T.SECRETARY,),
    "副县长": (T.VICE_COUNTY_HEAD,),
    "县长": (T.COUNTY_HEAD,),
    "副局长": (T.DEPUTY_DIRECTOR,),
    "局长": (T.DIRECTOR,),
    "成员": (T.SECRETARY, T.DEPUTY_SECRETARY, T.COMMITTEE_MEMBER),
    "负责人": (T.SECRETARY, T.DIRECTOR, T.TOWNSHIP_HEAD),
}
COUNTY = re.compile(r"^中共(?P<county>.+?[县区市旗])委员会$")
# "县财政局党组书记": the unit, its party body, then the post.
BODY_WORDS = re.compile(
    r"^(?:机关)?(?:党组|党委|党工委|党总支|党支部)?(?:[（(][^）)]*[）)])?(?:领导班子)?")
MIN_ALIAS = 3  # "县委" alone would claim every "县委…" party


def aliases(name: str, counties: Iterable[str]) -> set[str]:
    names = {name, name.removeprefix("中共")}
    names |= {n.replace("委员会", "委") for n in names}
    names |= {n.replace("人民政府", "政府") for n in names}
    for county in counties:
        names |= {n.replace(county, "县") for n in names if county in n}
    return {n for n in names if len(n) >= MIN_ALIAS}


@dataclass(frozen=True)
class Match:
    owner: str
    organizations: tuple[Organization, ...]
    persons: tuple[tuple[Any, str], ...]  # (person, post title)

    def as_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "organizations": [{"id": o.pk, "name": o.name} for o in self.organizations],
            "persons": [{"id": p.pk, "name": p.name, "post": title} for p, title in self.persons],
        }


class Matcher:
    """Built once per document from the units the reviewer may choose."""

    def __init__(self, units: Iterable[Organization]) -> None:
        units = list(units)
        counties = [m.group("county") for u in units if (m := COUNTY.match(u.name))]
        pairs = [(alias, unit) for unit in units for alias in aliases(unit.name, counties)]
        self._aliases = sorted(pairs, key=lambda pair: -len(pair[0]))

    def match(self, owner: str) -> Match:
        found: list[Organization] = []
        rest = owner
        for alias, unit in self._aliases:
            if alias in rest and unit not in found:
                found.append(unit)
                rest = rest.replace(alias, "\0")
        return Match(owner, tuple(found), self._persons(found, rest))

    def _persons(self, units: list[Organization], rest: str) -> tuple[tuple[Any, str], ...]:
        tail = BODY_WORDS.sub("", rest.rsplit("\0", 1)[-1]) if "\0" in rest else ""
        titles = next((t for word, t in POST_WORDS.items() if tail.startswith(word)), ())
        if not units or not titles:
            return ()
        unit = units[-1]  # the post belongs to the unit named just before it
        posts = Post.objects.current().filter(
            title__in=titles, organization__path__startswith=unit.path,
            organization__depth__lte=unit.depth + 1,  # the unit or its own 党组/党委
        ).select_related("person").order_by("organization__depth", "title", "person__name")
        seen: dict[int, tuple[Any, str]] = {}
        for post in posts:
            seen.setdefault(post.person_id, (post.person, post.title))
        return tuple(seen.values())

    def suggest(self, owners: Iterable[str]) -> list[Match]:
        return [self.match(owner) for owner in owners]


def charged_leader(unit: Organization | None) -> Any:
    """The county leader in charge (分管) of ``unit`` or of the nearest unit above it."""
    if unit is None:
        return None
    charge = (Charge.objects.current().filter(organization__path__in=unit.ancestor_paths())
              .select_related("leader").order_by("-organization__depth").first())
    return charge.leader if charge else None


UNIT_KINDS = (OrgKind.COUNTY_COMMITTEE, OrgKind.PARTY_GROUP, OrgKind.PARTY_COMMITTEE,
              OrgKind.GOVERNMENT_UNIT, OrgKind.TOWNSHIP)
UNIT_MAX_DEPTH = 3  # 县委 → 县政府党组、乡镇 → 部门、乡镇党委: the units tasks are given to
