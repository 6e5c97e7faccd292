"""Persons, their party status (政治面貌), posts (职务) and the 分管 relation of leaders."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone

from dangjian.core.scope_fields import ScopeFields
from dangjian.core.spelled import SpelledName
from dangjian.orgs.models import Organization


class PartyStatus(models.TextChoices):
    """Stages of 《中国共产党发展党员工作细则》 plus 群众; values are the Chinese names."""

    FULL_MEMBER = "正式党员", "正式党员"
    PROBATIONARY = "预备党员", "预备党员"
    CANDIDATE = "发展对象", "发展对象"
    ACTIVIST = "入党积极分子", "入党积极分子"
    APPLICANT = "入党申请人", "入党申请人"
    MASSES = "群众", "群众"


class Gender(models.TextChoices):
    MALE = "男", "男"
    FEMALE = "女", "女"


class Education(models.TextChoices):
    """学历, in the categories of the 党员信息 (党内统计) forms; empty while not recorded."""

    POSTGRADUATE = "研究生", "研究生"
    UNIVERSITY = "大学本科", "大学本科"
    COLLEGE = "大学专科", "大学专科"
    SECONDARY_VOCATIONAL = "中专", "中专"
    HIGH_SCHOOL = "高中", "高中"
    JUNIOR_OR_BELOW = "初中及以下", "初中及以下"


class Person(SpelledName):
    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=2, choices=Gender.choices)
    birth_date = models.DateField("出生日期")
    party_status = models.CharField(
        "政治面貌", max_length=10, choices=PartyStatus.choices, default=PartyStatus.MASSES
    )
    organization = models.ForeignKey(
        Organization, verbose_name="所在组织", on_delete=models.PROTECT, related_name="persons"
    )
    joined_party_on = models.DateField("入党时间", null=True, blank=True)
    # Personal data (PIPL 第二十八条 sensitive by default): SM4 ciphertext, a keyed HMAC-SM3 for
    # look-up, and the masked form lists show, so that no list needs to decrypt anything.
    id_number_encrypted = models.TextField("身份证号（密文）")
    id_number_hash = models.CharField("身份证号查找码", max_length=64, unique=True)
    id_number_masked = models.CharField("身份证号", max_length=18)
    phone_encrypted = models.TextField("手机号（密文）", blank=True)
    phone_masked = models.CharField("手机号", max_length=20, blank=True)
    # Facts for 优化党员队伍结构 and 走访慰问: personal data too, shown only with the person's
    # record (never in a list, its print or its export), counted but not named in reports.
    education = models.CharField("学历", max_length=10, choices=Education.choices, blank=True)
    front_line = models.BooleanField("一线或关键岗位", default=False)
    in_hardship = models.BooleanField("生活困难", default=False)

    scope_fields = ScopeFields(path="organization__path", organization="organization", person="pk")

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["name", "id"]),
            models.Index(fields=["organization", "name"]),
            models.Index(fields=["party_status"]),
        ]
        permissions = [("unmask_personal_data", "查看完整身份证号和手机号")]

    def __str__(self) -> str:
        return self.name


class PostTitle(models.TextChoices):
    SECRETARY = "书记", "书记"
    DEPUTY_SECRETARY = "副书记", "副书记"
    COMMITTEE_MEMBER = "委员", "委员"
    GROUP_LEADER = "党小组组长", "党小组组长"
    COUNTY_HEAD = "县长", "县长"
    VICE_COUNTY_HEAD = "副县长", "副县长"
    DIRECTOR = "局长", "局长"
    DEPUTY_DIRECTOR = "副局长", "副局长"
    TOWNSHIP_HEAD = "乡镇长", "乡镇长"
    VILLAGE_HEAD = "村委会主任", "村委会主任"
    CLERK = "党务干事", "党务干事"


class CommitteeDuty(models.TextChoices):
    """A 委员's portfolio (支部工作条例 第六章: 组织委员, 宣传委员, 纪检委员 …)."""

    NONE = "", "—"
    ORGANISATION = "组织", "组织委员"
    PROPAGANDA = "宣传", "宣传委员"
    DISCIPLINE = "纪检", "纪检委员"


class CurrentQuerySet(models.QuerySet):
    def current(self, on: date | None = None) -> "CurrentQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(start_on__lte=on), Q(end_on__isnull=True) | Q(end_on__gte=on))


class Period(models.Model):
    """Something that holds from ``start_on`` to ``end_on`` (open-ended while None)."""

    start_on = models.DateField("开始日期")
    end_on = models.DateField("结束日期", null=True, blank=True)

    objects = CurrentQuerySet.as_manager()

    class Meta:
        abstract = True


class Post(Period):
    """A person's post in an organisation, e.g. 县财政局党组 书记, or 县政府 副县长."""

    person = models.ForeignKey(Person, verbose_name="人员", on_delete=models.CASCADE,
                               related_name="posts")
    organization = models.ForeignKey(Organization, verbose_name="组织", on_delete=models.PROTECT,
                                     related_name="posts")
    title = models.CharField("职务", max_length=20, choices=PostTitle.choices)
    duty = models.CharField("分工", max_length=10, choices=CommitteeDuty.choices, blank=True)

    class Meta:
        verbose_name = "职务"
        verbose_name_plural = "职务"

    def __str__(self) -> str:
        return f"{self.organization} {self.title} {self.person}"


class Charge(Period):
    """分管: a county leader is in charge of a department for a period.

    It decides whose desk a department's problems reach (监督工作提示单 go to the 分管副县长).
    """

    leader = models.ForeignKey(Person, verbose_name="分管领导", on_delete=models.PROTECT,
                               related_name="charges")
    organization = models.ForeignKey(Organization, verbose_name="分管单位",
                                     on_delete=models.PROTECT, related_name="charges")

    class Meta:
        verbose_name = "分管关系"
        verbose_name_plural = "分管关系"

    def __str__(self) -> str:
        return f"{self.leader} 分管 {self.organization}"


class Link(Period):
    """包联: a county leader answers for a township or village for a period (seed 004: leaders
    "深入分管战线和包联地区"). Beside 分管 (``Charge``), it reaches data for reading only:
    ``access.scoping`` lets the leader read the linked units' records, never write them."""

    leader = models.ForeignKey(Person, verbose_name="包联领导", on_delete=models.PROTECT,
                               related_name="links")
    organization = models.ForeignKey(Organization, verbose_name="包联乡镇/村",
                                     on_delete=models.PROTECT, related_name="links")

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "包联关系"
        verbose_name_plural = "包联关系"
        ordering = ["leader_id", "organization__path"]

    def __str__(self) -> str:
        return f"{self.leader} 包联 {self.organization}"
