"""Base models every register's record shares, and the burden counter (减负)."""

from typing import Any

from django.conf import settings
from django.db import models

from dangjian.core.scope_fields import ScopeFields


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


class FormBurden(models.Model):
    """减负 measured: what one clerk did through one form in one month, for one organisation.

    A counter, not a register: every accepted submission adds to its row with ``F()`` (so two
    submits at once never lose a count) and nothing else changes it. ``typed`` counts the fields
    typed by hand, ``filled`` the values the platform filled itself from what it already held
    (docs/architecture.md, "Burden counter")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="填报人",
                             on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey("orgs.Organization", verbose_name="填报单位",
                                     on_delete=models.CASCADE, related_name="+")
    month = models.DateField("月份")  # the first day of the month
    form = models.CharField("表单", max_length=100)
    forms = models.PositiveIntegerField("提交次数", default=0)
    typed = models.PositiveIntegerField("手工填写项", default=0)
    filled = models.PositiveIntegerField("平台自动填写项", default=0)

    scope_fields = ScopeFields(path="organization__path", organization="organization_id")

    class Meta:
        verbose_name = "填报负担"
        verbose_name_plural = verbose_name
        constraints = [models.UniqueConstraint(fields=["user", "month", "organization", "form"],
                                               name="form_burden_one_row")]
        indexes = [models.Index(fields=["month", "organization"], name="form_burden_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.form}"


class ReviewDecision(models.TextChoices):
    """A reviewer's answer to what was submitted: 通过 or 退回 (with a reason). One choice set
    for every app that reviews (villages' 乡镇审核, openness' 保密审查 and 审批), so the API
    schema names it once."""

    ACCEPT = "accept", "通过"
    RETURN = "return", "退回"
