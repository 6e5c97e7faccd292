from typing import Any

from rest_framework import serializers

from dangjian.core.files.serializers import StoredFileSerializer
from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from dangjian.tasks.models import (
    Bulletin,
    Milestone,
    Plan,
    PlanKind,
    PlanRevision,
    ProgressEvidence,
    ProgressReport,
    Proposal,
    ReportCycle,
    Review,
    Task,
)
from dangjian.tasks.selectors import leaders_for, light_of


class DocumentSerializer(serializers.Serializer):
    """Pasted text or an uploaded .docx/.txt (multipart ``file``)."""

    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    file = serializers.FileField(required=False)


class CutReasonSerializer(serializers.Serializer):
    """Why an item was cut where it was (切分依据)."""

    kind = serializers.CharField(
        help_text="marker 提纲标号 · label 标签行 · directive 工作要求句 · split 审核时拆分")
    cue = serializers.CharField(allow_blank=True)
    label_line = serializers.CharField(allow_blank=True, help_text="标签行（如“工作目标”）")
    note = serializers.CharField()
    needs_review = serializers.BooleanField()


class OutlineItemSerializer(serializers.Serializer):
    path = serializers.ListField(child=serializers.CharField())
    title = serializers.CharField()
    text = serializers.CharField()
    owners = serializers.ListField(child=serializers.CharField())
    deadline = serializers.CharField(allow_null=True)
    targets = serializers.ListField(child=serializers.CharField())
    reason = CutReasonSerializer()


class ParseResultSerializer(serializers.Serializer):
    items = OutlineItemSerializer(many=True)


class PlanCreateSerializer(DocumentSerializer):
    organization = ScopedId(Organization)
    kind = serializers.ChoiceField(choices=[k for k in PlanKind.values
                                            if k != PlanKind.BREAKDOWN])
    year = serializers.IntegerField()
    title = serializers.CharField(required=False, allow_blank=True, default="")


class ProposalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Proposal
        fields = ["id", "position", "path", "title", "text", "owners", "deadline", "targets",
                  "suggestions", "lead_unit", "co_units", "leader", "due_on", "dropped", "task",
                  "reason"]


class RevisionSerializer(serializers.ModelSerializer):
    proposals = ProposalSerializer(many=True, read_only=True)

    class Meta:
        model = PlanRevision
        fields = ["number", "status", "source_name", "created_at", "confirmed_at", "changes",
                  "proposals"]


class PlanSummarySerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "organization", "organization_name", "title", "kind", "year",
                  "created_at"]


class PlanSerializer(PlanSummarySerializer):
    """A plan with every version: the proposals under review and what each version changed."""

    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta(PlanSummarySerializer.Meta):
        fields = [*PlanSummarySerializer.Meta.fields, "revisions"]


class MilestoneInSerializer(serializers.Serializer):
    title = serializers.CharField()
    due_on = DateField(label="节点时限")


class ReviewedItemSerializer(serializers.Serializer):
    """One reviewed item of ``confirm``; ids of units and persons, as everywhere."""

    path = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    title = serializers.CharField()
    text = serializers.CharField(required=False, allow_blank=True, default="")
    deadline = serializers.CharField(required=False, allow_blank=True, allow_null=True,
                                     default="")
    targets = serializers.ListField(child=serializers.CharField(), required=False,
                                    default=list)
    lead_unit = ScopedId(Organization, required=False, allow_null=True, default=None)
    co_units = ScopedId(Organization, many=True, required=False, default=list)
    leader = ScopedId(Person, within=leaders_for, required=False, allow_null=True,
                      default=None)
    due_on = DateField(label="完成时限", required=False, allow_null=True, default=None)
    task = ScopedId(Task, required=False, allow_null=True, default=None)
    report_cycle = serializers.ChoiceField(choices=ReportCycle.choices, required=False,
                                           default=ReportCycle.MONTHLY)
    report_day = serializers.IntegerField(required=False, allow_null=True, default=None)
    milestones = MilestoneInSerializer(many=True, required=False, allow_null=True,
                                       default=None)


class ConfirmSerializer(serializers.Serializer):
    items = ReviewedItemSerializer(many=True, required=False, allow_null=True, default=None)
    accept_past_due = serializers.BooleanField(
        required=False, default=False,
        help_text="完成时限已过的任务仍然确认（否则返回400并列出这些任务）")


class ImportSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    title = serializers.CharField()
    year = serializers.IntegerField()
    file = serializers.FileField()


class ImportResultSerializer(serializers.Serializer):
    status = serializers.CharField()
    plan = serializers.IntegerField(allow_null=True)
    rows = serializers.IntegerField()
    # "errors" is the response's name; DRF's type stubs reserve Serializer.errors.
    errors = serializers.ListField(child=serializers.CharField())  # type: ignore[assignment]


class MilestoneInOneSerializer(MilestoneInSerializer):
    """A milestone added to a confirmed task."""


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "done_on"]


class TaskSerializer(serializers.ModelSerializer):
    light = serializers.SerializerMethodField()
    plan_title = serializers.CharField(source="plan.title", read_only=True)
    lead_unit_name = serializers.CharField(source="lead_unit.name", read_only=True)
    leader_name = serializers.CharField(source="leader.name", read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = ["id", "plan", "plan_title", "number", "path", "title", "text", "lead_unit",
                  "lead_unit_name", "co_units", "leader", "leader_name", "due_on",
                  "deadline_text", "targets", "report_cycle", "report_day", "status", "light",
                  "completion_requested_on", "completed_on", "added_in", "changed_in",
                  "version", "milestones"]
        read_only_fields = fields

    def get_light(self, obj: Task) -> str:
        return light_of(obj, self.context["lights"])


class TaskUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    due_on = DateField(label="完成时限", required=False)
    leader = ScopedId(Person, within=leaders_for, required=False)
    co_units = ScopedId(Organization, many=True, required=False)
    report_cycle = serializers.ChoiceField(choices=ReportCycle.choices, required=False)
    report_day = serializers.IntegerField(required=False)
    targets = serializers.ListField(child=serializers.CharField(), required=False)


class ProgressEvidenceSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = ProgressEvidence


class TaskProgressSerializer(serializers.ModelSerializer):
    evidence = ProgressEvidenceSerializer(many=True, read_only=True)
    reported_by = serializers.CharField(source="reported_by.display_name", read_only=True)

    class Meta:
        model = ProgressReport
        fields = ["id", "period", "text", "percent", "milestone", "reported_by", "reported_on",
                  "evidence"]


class ProgressInSerializer(serializers.Serializer):
    text = serializers.CharField()
    percent = serializers.IntegerField(required=False, allow_null=True, default=None)
    milestone = ScopedId(Milestone, required=False, allow_null=True, default=None)
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    file = serializers.FileField(required=False)
    request_completion = serializers.BooleanField(required=False, default=False)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        single = attrs.pop("file", None)
        if single is not None:
            attrs["files"] = [*attrs["files"], single]
        return attrs


class ReviewInSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Review.Decision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class BulletinSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)

    class Meta:
        model = Bulletin
        fields = ["id", "number", "title", "organization", "plan", "year", "sequence",
                  "issued_on", "figures"]
        read_only_fields = fields


class BulletinInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    plan = ScopedId(Plan, required=False, allow_null=True, default=None)
