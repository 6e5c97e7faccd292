"""Which template a new list is generated from, as plain entries: the county's active imported
version (``ResponsibilityTemplate``) or, when it has none, the built-in one
(``duties.catalogue``), the one the demo county keeps.

Also the vocabulary an imported template is checked against: holders, periods, evidence keys
and rule keys, each accepted in the words a county writes them.
"""

from dataclasses import dataclass

from dangjian.orgs.models import Organization

from .catalogue import CATALOGUE, TemplateItem
from .evidence import registered
from .kinds import Holder, Period
from .models import ResponsibilityTemplate, ResponsibilityTemplateItem
from .rules import RULES

BUILT_IN_TITLE = "内置模板（全面从严治党主体责任规定）"


@dataclass(frozen=True)
class Entry:
    """One template item, as a list copies it."""

    key: str
    holder: str
    category: str
    text: str
    citation: str
    citation_status: str
    period: str
    times: int
    evidence: str
    provider: str
    rule_key: str = ""


def built_in_entries() -> list[Entry]:
    keys = {rule: key for key, rule in RULES.items()}
    return [_from_catalogue(item, keys.get(item.rule, "")) for item in CATALOGUE]


def _from_catalogue(item: TemplateItem, rule_key: str) -> Entry:
    return Entry(key=item.key, holder=item.holder, category=item.category, text=item.text,
                 citation=item.rule.citation, citation_status=item.rule.status,
                 period=item.period, times=item.count(), evidence=item.evidence,
                 provider=item.provider, rule_key=rule_key)


def _from_row(item: ResponsibilityTemplateItem) -> Entry:
    return Entry(key=item.key, holder=item.holder, category=item.category, text=item.text,
                 citation=item.citation, citation_status=item.citation_status,
                 period=item.period, times=item.times, evidence=item.evidence_hint,
                 provider=item.provider, rule_key=item.rule_key)


def county_of(organization: Organization) -> Organization:
    """The county an organisation belongs to: the root of its tree (县委)."""
    if organization.depth <= 1:
        return organization
    return Organization.objects.get(path=organization.path[:Organization.steplen])


def active_template(county: Organization) -> ResponsibilityTemplate | None:
    return ResponsibilityTemplate.objects.filter(organization=county, active=True).first()


def entries_for(organization: Organization, holder: str
                ) -> tuple[ResponsibilityTemplate | None, list[Entry]]:
    """The template a list of ``organization`` is generated from now (None: the built-in
    one) and its items for ``holder``, in order."""
    template = active_template(county_of(organization))
    if template is None:
        return None, [entry for entry in built_in_entries() if entry.holder == holder]
    rows = template.items.filter(holder=holder).order_by("order", "id")
    return template, [_from_row(row) for row in rows]


# --- the vocabulary of the workbook ----------------------------------------------------------

HOLDER_WORDS: dict[str, str] = {
    **{value: value for value in Holder.values},
    **{str(label): value for value, label in Holder.choices},
    "党组织": Holder.ORGANIZATION, "党委": Holder.ORGANIZATION, "党组": Holder.ORGANIZATION,
    "党委（党组）": Holder.ORGANIZATION, "党委(党组)": Holder.ORGANIZATION,
    "第一责任人": Holder.SECRETARY, "班子其他成员": Holder.MEMBER,
}
PERIOD_WORDS: dict[str, str] = {
    **{value: value for value in Period.values},
    **{str(label): value for value, label in Period.choices},
    "年度": Period.YEAR, "半年": Period.HALF, "季度": Period.QUARTER, "月度": Period.MONTH,
}


def evidence_keys() -> dict[str, str]:
    """Evidence keys a template may name, with what each counts: every provider installed,
    and the ones the built-in template names (recorded by hand until their app installs
    them)."""
    keys = {item.provider: "（尚未接入，暂由手工记录）" for item in CATALOGUE if item.provider}
    return {**keys, **registered()}
