from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile
from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class MeetingKind(models.TextChoices):
    """Meetings and activities of 组织生活; values are the Chinese names the API exchanges."""

    BRANCH_ASSEMBLY = "支部党员大会", "支部党员大会"
    COMMITTEE = "支部委员会会议", "支部委员会会议"
    CELL = "党小组会", "党小组会"
    LECTURE = "党课", "党课"
    THEME_DAY = "主题党日", "主题党日"
    ORG_LIFE = "组织生活会", "组织生活会"
    EVALUATION = "民主评议党员", "民主评议党员"
    DEMOCRATIC_LIFE = "民主生活会", "民主生活会"
    HEART_TALK = "谈心谈话", "谈心谈话"
    # 党组（党委）会议: a leading group's own meeting, its 议题 tagged (AgendaItem).
    PARTY_GROUP = "党组会议", "党组（党委）会议"


class LectureReach(models.TextChoices):
    """Where a lecturer from outside the branch comes from (讲党课 "深入分管战线和包联地区")."""

    OWN = "", "本组织"
    CHARGE = "分管领域", "分管领域"
    LINK = "包联地区", "包联地区（联系点）"


class Meeting(Recorded):
    """One meeting as the 会议记录 keeps it: 时间、地点、主持人、记录人、议题、决议及表决情况."""

    organization = models.ForeignKey(Organization, verbose_name="组织", on_delete=models.PROTECT,
                                     related_name="meetings")
    kind = models.CharField("类型", max_length=10, choices=MeetingKind.choices)
    held_on = models.DateField("日期")
    place = models.CharField("地点", max_length=100, blank=True)
    chair = models.ForeignKey(Person, verbose_name="主持人", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    recorder = models.ForeignKey(Person, verbose_name="记录人", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    topic = models.CharField("议题", max_length=200)
    minutes = models.TextField("会议记录", blank=True)
    # 党课: who gave it (any person, not necessarily a member here: a county leader lecturing
    # in his 分管 or 包联 area). It counts toward the lecturer's own yearly 讲党课 duty.
    lecturer = models.ForeignKey(Person, verbose_name="授课人", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="lectures_given")
    lecturer_reach = models.CharField("授课人来自", max_length=10, blank=True,
                                      choices=LectureReach.choices)
    decisions = models.TextField("决议及表决情况", blank=True)
    # None for rows the demo generator or a data migration wrote, not a user.
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               member_branch=True)

    class Meta:
        verbose_name = "会议"
        verbose_name_plural = "会议"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organization", "kind", "held_on"])]
        # The same meeting entered twice would be counted twice (services.meetings refuses it
        # with a message first; this holds under concurrent entries too).
        constraints = [models.UniqueConstraint(fields=["organization", "kind", "held_on", "topic"],
                                               name="one_meeting_per_topic_and_day")]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.organization} {self.kind}"


class AgendaTag(models.Model):
    """A tag of a 党组会议's 议题 (全面从严治党, 党建工作汇报, 意识形态, 三重一大 …): county data,
    renamed or added by the county; ``key`` is what the duty proofs look for, never renamed."""

    key = models.SlugField("标识", max_length=30, unique=True)
    name = models.CharField("名称", max_length=30, unique=True)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "议题标签"
        verbose_name_plural = "议题标签"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """One 议题 of a meeting (a 党组会议's agenda), with its tags."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField("序号")
    title = models.CharField("议题", max_length=200)
    tags = models.ManyToManyField(AgendaTag, verbose_name="标签", blank=True,
                                  related_name="items")

    class Meta:
        verbose_name = "会议议题"
        verbose_name_plural = "会议议题"
        ordering = ["meeting", "order"]
        constraints = [models.UniqueConstraint(fields=["meeting", "order"],
                                               name="one_agenda_item_per_place")]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Attendance(models.Model):
    """One person 应到 at a meeting: present, or absent with the reason given."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, verbose_name="人员", on_delete=models.PROTECT,
                               related_name="+")
    present = models.BooleanField("到会")
    absence_reason = models.CharField("缺席原因", max_length=100, blank=True)
    # The vote at the time of the meeting: a 预备党员 made full later did not vote then.
    voting = models.BooleanField("有表决权")

    class Meta:
        verbose_name = "参会情况"
        verbose_name_plural = "参会情况"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} {'到会' if self.present else '缺席'}"


class AttachmentKind(models.TextChoices):
    SIGN_IN = "签到表", "签到表"
    PHOTO = "照片", "照片"
    RECORD = "会议记录", "会议记录"
    OTHER = "其他", "其他"


class Attachment(StoredFile):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("类别", max_length=10, choices=AttachmentKind.choices)
    file = models.FileField("文件", upload_to="orglife/%Y/%m/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = "会议附件"
        verbose_name_plural = "会议附件"
