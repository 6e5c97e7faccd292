"""Base models every register's record shares."""

from typing import Any

from django.conf import settings
from django.db import models


class Recorded(models.Model):
    """Created and last changed, when and by whom (every 登记 record carries them).

    Nobody sets ``updated_*`` by hand: every write of a record goes through
    ``audit.services.record`` in its transaction, and that stamps the record from the event it
    writes, so the stamp and the 办理记录 cannot disagree. A record whose creator field had a
    domain name before (起草人, 建档人 …) overrides ``created_by`` with it."""

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="最后修改人",
                                   null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        abstract = True

    def stamp_from_event(self, *, user_id: int | None, at: Any) -> None:
        """Mark this row changed by ``user_id`` at ``at`` (and created by them, if no creator
        is known yet). UPDATEs, not save(): versions and signals stay untouched."""
        rows = type(self)._default_manager.filter(pk=self.pk)
        rows.update(updated_at=at, updated_by_id=user_id)
        if user_id is not None:
            rows.filter(created_by__isnull=True).update(created_by_id=user_id)
