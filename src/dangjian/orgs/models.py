"""The organisation tree (组织树): 县委 → 党组/党委 → 党支部 → 党小组, departments, 乡镇, villages.

Stored as a materialised path (django-treebeard ``MP_Node``); docs/decisions/0001 says why.
"""

from django.db import models
from treebeard.mp_tree import MP_Node

from dangjian.core.scope_fields import ScopeFields
from dangjian.core.spelled import SpelledName


class OrgKind(models.TextChoices):
    """Kinds of organisation. Values are the Chinese names the API exchanges."""

    COUNTY_COMMITTEE = "县委", "县委"
    PARTY_GROUP = "党组", "党组"
    PARTY_COMMITTEE = "党委", "党委"
    WORKING_COMMITTEE = "党工委", "党工委"
    GENERAL_BRANCH = "党总支", "党总支"
    BRANCH = "党支部", "党支部"
    PARTY_CELL = "党小组", "党小组"
    GOVERNMENT_UNIT = "政府部门/单位", "政府部门/单位"
    TOWNSHIP = "乡镇", "乡镇"
    VILLAGE = "村/社区", "村/社区"


# django-stubs cannot resolve the manager of a model with two abstract bases (it works).
class Organization(MP_Node, SpelledName):  # type: ignore[django-manager-missing]
    # 4 characters of 0-9A-Z per level: 1.6 million children a node, 63 levels.
    steplen = 4

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=OrgKind.choices)
    code = models.CharField("组织代码", max_length=40, blank=True)
    # Unknown (null) for organisations recorded before it was asked for: nothing is checked then.
    founded_on = models.DateField("成立日期", null=True, blank=True)
    # Kept beside the path by orgs.services, so that "children of X" is an indexed equality
    # and the API can name the parent without a path look-up per row.
    parent = models.ForeignKey(
        "self", verbose_name="上级组织", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )

    # access.scoping reads these: an organisation is in scope by its own path and id.
    scope_fields = ScopeFields(path="path", organization="pk",
                               member_branch=True)

    class Meta:
        verbose_name = "组织"
        verbose_name_plural = "组织"
        indexes = [models.Index(fields=["name"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.name

    def ancestor_paths(self) -> list[str]:
        """Paths of this organisation and all above it, nearest last: the `path__in` that
        finds whatever is attached to an ancestor (a grant, a 分管) in one indexed query."""
        step = self.steplen
        return [self.path[:end] for end in range(step, len(self.path) + 1, step)]
