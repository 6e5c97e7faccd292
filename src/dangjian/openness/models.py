"""公开目录, 公开事项, 群众留言 and 依申请公开 (sketches B-4)."""

from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class Domain(models.TextChoices):
    PARTY = "党务", "党务公开"
    GOVERNMENT = "政务", "政务公开"
    FINANCE = "财务", "财务公开"
    VILLAGE = "村务", "村务公开"


class Audience(models.TextChoices):
    """The 党务公开条例's four scopes."""

    SOCIETY = "向社会", "向社会公开"
    PARTY = "党内", "在党内公开"
    UNIT = "本单位", "在本地区本部门本单位公开"
    SPECIFIC = "特定对象", "对特定组织、党员和群众公开"


class Cadence(models.TextChoices):
    AT_ONCE = "随时", "随时"
    MONTHLY = "每月", "每月"
    QUARTERLY = "每季", "每季"
    YEARLY = "每年", "每年"
    AFTER_MATTER = "事项形成后", "事项形成后N个工作日"


class Channel(models.TextChoices):
    BOARD = "公开栏", "公开栏"
    WEBSITE = "网站", "网站"
    MEETING = "会议", "会议"
    DOCUMENT = "文件", "文件"
    NEW_MEDIA = "新媒体", "新媒体"


ORG_SCOPE = ScopeFields(path="organization__path", organization="organization")


class CatalogueItem(models.Model):
    """One line of an organisation's 公开目录 for a year and a domain."""

    organization = models.ForeignKey(Organization, verbose_name="公开主体",
                                     on_delete=models.PROTECT, related_name="catalogue_items")
    year = models.PositiveSmallIntegerField("年度")
    domain = models.CharField("类别", max_length=4, choices=Domain.choices)
    content = models.CharField("公开内容", max_length=200)
    audience = models.CharField("公开范围", max_length=6, choices=Audience.choices)
    cadence = models.CharField("公开时限", max_length=6, choices=Cadence.choices)
    working_days = models.PositiveSmallIntegerField("事项形成后工作日数", null=True, blank=True)
    channel = models.CharField("公开方式", max_length=6, choices=Channel.choices)
    basis = models.CharField("公开依据", max_length=200, blank=True)
    responsible = models.ForeignKey(Person, verbose_name="责任人", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    # 先党内后党外 (党务公开条例 第四条): a 向社会 disclosure of this item waits for its 党内 one.
    inside_first = models.BooleanField("须先党内公开", default=False)
    # A deactivated item stays (its disclosures point at it) but takes no new ones.
    active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ORG_SCOPE

    class Meta:
        verbose_name = "公开目录事项"
        verbose_name_plural = "公开目录"
        ordering = ["organization", "-year", "domain", "id"]

    def __str__(self) -> str:
        return f"{self.year}年{self.domain}：{self.content}"


class DisclosureStatus(models.TextChoices):
    DRAFT = "拟稿", "拟稿"
    REVIEW = "审核", "待审核（保密审查）"
    APPROVAL = "审批", "待审批"
    APPROVED = "已批准", "已批准待公开"
    PUBLISHED = "已公开", "已公开"
    WITHDRAWN = "已撤回", "已撤回"


class Disclosure(models.Model):
    """One disclosure, 提出 → 审核（保密审查） → 审批 → 实施 (党务公开条例 第十五条)."""

    organization = models.ForeignKey(Organization, verbose_name="公开主体",
                                     on_delete=models.PROTECT, related_name="disclosures")
    item = models.ForeignKey(CatalogueItem, verbose_name="目录事项", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="disclosures")
    domain = models.CharField("类别", max_length=4, choices=Domain.choices)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("公开内容")
    audience = models.CharField("公开范围", max_length=6, choices=Audience.choices)
    channel = models.CharField("公开方式", max_length=6, choices=Channel.choices)
    matter_on = models.DateField("事项形成日期")
    due_on = models.DateField("应公开日期")
    due_provisional = models.BooleanField("期限暂定", default=False)
    status = models.CharField("状态", max_length=4, choices=DisclosureStatus.choices,
                              default=DisclosureStatus.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="拟稿人")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="审核人")
    review_note = models.TextField("审核意见", blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="审批人")
    published_on = models.DateField("公开日期", null=True, blank=True)
    url = models.URLField("公开网址", blank=True)
    withdrawn_reason = models.TextField("撤回理由", blank=True)
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    # Why the approver lets a 向社会 item out before its 党内 disclosure (rules.INSIDE_FIRST_RULE).
    inside_first_waiver = models.TextField("不先党内公开的理由", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The record a prepared draft was made from ("members.step:12"): one draft per record.
    source = models.CharField("来源", max_length=80, blank=True, default="")

    scope_fields = ORG_SCOPE

    class Meta:
        verbose_name = "公开事项"
        verbose_name_plural = "公开事项"
        ordering = ["-due_on", "-id"]
        indexes = [models.Index(fields=["status", "audience"])]
        constraints = [models.UniqueConstraint(fields=["source"], condition=~models.Q(source=""),
                                               name="one_disclosure_per_source")]

    def __str__(self) -> str:
        return self.title

    @property
    def on_time(self) -> bool | None:
        """公开及时: published on or before the due date (None while unpublished)."""
        return None if self.published_on is None else self.published_on <= self.due_on


class DisclosureAttachment(StoredFile):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT,
                                   related_name="attachments", verbose_name="公开事项")
    file = models.FileField("文件", upload_to="openness/%Y/%m/")

    scope_fields = ScopeFields(path="disclosure__organization__path",
                               organization="disclosure__organization")

    class Meta:
        verbose_name = "公开附件"
        verbose_name_plural = "公开附件"
        ordering = ["disclosure", "id"]


class Feedback(models.Model):
    """A member of the public's message on a published disclosure; the unit answers."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT,
                                   related_name="feedback", verbose_name="公开事项")
    text = models.TextField("留言")
    contact_encrypted = models.TextField("联系方式（密文）", blank=True)
    contact_masked = models.CharField("联系方式", max_length=20, blank=True)
    # Keyed hash of the source address: enough to rate-limit, never the address itself.
    address_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField("留言时间", auto_now_add=True)
    answer_due = models.DateField("答复期限")
    answer = models.TextField("答复", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="答复人")

    scope_fields = ScopeFields(path="disclosure__organization__path",
                               organization="disclosure__organization")

    class Meta:
        verbose_name = "群众留言"
        verbose_name_plural = "群众留言"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.disclosure}：{self.text[:20]}"


class Decision(models.TextChoices):
    """答复类型 of a 依申请公开 request (政府信息公开条例 第三十六条's kinds)."""

    DISCLOSED = "予以公开", "予以公开"
    PARTLY = "部分公开", "部分公开"
    REFUSED = "不予公开", "不予公开"
    NOT_HELD = "信息不存在", "本机关不掌握相关信息"
    NOT_HANDLED = "不予处理", "不予处理"
    OTHER_BODY = "告知其他机关", "告知向其他机关申请"


class DisclosureRequest(models.Model):
    """依申请公开 (政务): received, answered within 20 working days, extended once at most."""

    organization = models.ForeignKey(Organization, verbose_name="受理单位",
                                     on_delete=models.PROTECT, related_name="disclosure_requests")
    applicant = models.CharField("申请人", max_length=100)
    content = models.TextField("申请内容")
    received_on = models.DateField("收到日期")
    due_on = models.DateField("答复期限")
    extended_days = models.PositiveSmallIntegerField("延长工作日数", default=0)
    extension_reason = models.TextField("延长理由", blank=True)
    decision = models.CharField("答复类型", max_length=8, choices=Decision.choices, blank=True)
    decided_on = models.DateField("答复日期", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ORG_SCOPE

    class Meta:
        verbose_name = "依申请公开"
        verbose_name_plural = "依申请公开"
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.applicant}：{self.content[:20]}"
