from django.conf import settings
from django.db import models

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class VisitKind(models.TextChoices):
    VETERAN = "老党员", "老党员"
    NEEDY = "生活困难党员", "生活困难党员"
    SICK = "患病党员", "患病党员"


class VisitCampaign(models.TextChoices):
    JULY_FIRST = "七一", "七一"
    SPRING_FESTIVAL = "春节", "春节"
    OTHER = "其他", "其他"


class Visit(models.Model):
    """A visit (走访慰问) to a veteran, needy or sick member, often in a festival campaign."""

    person = models.ForeignKey(Person, verbose_name="慰问对象", on_delete=models.PROTECT,
                               related_name="visits_received")
    organization = models.ForeignKey(Organization, verbose_name="所在组织",
                                     on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField("对象类别", max_length=10, choices=VisitKind.choices)
    campaign = models.CharField("慰问活动", max_length=10, choices=VisitCampaign.choices)
    date = models.DateField("走访日期")
    visitors = models.ManyToManyField(Person, verbose_name="走访人员", related_name="visits_made",
                                      blank=True)
    other_visitors = models.CharField("其他走访人员（如县领导）", max_length=200, blank=True)
    gifts = models.CharField("慰问品、慰问金", max_length=200, blank=True)
    amount = models.DecimalField("慰问金额（元）", max_digits=10, decimal_places=2, null=True,
                                 blank=True)
    follow_up = models.TextField("后续需求", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人",
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)

    # The visited member sees their own visits; their organisation is kept as of the visit.
    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person")

    class Meta:
        verbose_name = "走访慰问"
        verbose_name_plural = "走访慰问"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} 走访{self.person}"
