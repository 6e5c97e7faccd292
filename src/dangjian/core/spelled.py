"""A name the pickers find by pinyin: the initials and the full spelling stored beside it."""

from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

from dangjian.core.pinyin import SPELLING_MAX, initials, spelling


class SpelledName(models.Model):
    """Abstract: ``name_initials`` and ``name_pinyin`` follow ``name`` on every ``save()``;
    code that bulk-creates rows calls ``spell_name()`` first."""

    name_initials = models.CharField("名称拼音首字母", max_length=SPELLING_MAX, blank=True,
                                     editable=False, db_index=True)
    name_pinyin = models.CharField("名称拼音", max_length=SPELLING_MAX, blank=True,
                                   editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.spell_name()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_initials", "name_pinyin"}
        super().save(*args, **kwargs)

    def spell_name(self) -> None:
        name = str(getattr(self, "name", "") or "")
        self.name_initials, self.name_pinyin = initials(name), spelling(name)


PICKER_LIMIT = 20  # a type-ahead shows a short list; the user types on to narrow it
QUERY_MAX = 50  # longer than any name (Person.name is 50, Organization.name 100 but typed less)


def matching(queryset: QuerySet[Any], query: str) -> QuerySet[Any]:
    """Rows whose name contains ``query``, or whose pinyin initials contain it (``xzf``,
    ``zzb`` for …组织部), or whose full pinyin starts with it (``xianzheng``)."""
    query = query.strip()
    if not query:
        return queryset
    found = Q(name__icontains=query)
    letters = query.lower().replace(" ", "")
    if letters.isascii() and letters.isalnum():
        found |= Q(name_initials__contains=letters) | Q(name_pinyin__startswith=letters)
    return queryset.filter(found)
