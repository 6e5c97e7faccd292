from typing import Any

from django.apps import apps
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dangjian.core.files.serializers import StoredFileSerializer, fields_with
from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId, ScopedModelSerializer
from dangjian.orgs.models import Organization
from dangjian.oversight.models import (
    Accountability,
    AccountabilityCorrection,
    Campaign,
    Evidence,
    Finding,
    Inspection,
    InspectionFile,
    InspectionItem,
    InspectionTopic,
    ItemResult,
    Measure,
    MeasureStatus,
    Notice,
    NoticeAction,
    Progress,
    Recheck,
    RecheckResult,
    ReplyActionKind,
    RiskPoint,
    SelfCheck,
    Term,
    TermKind,
    Verification,
)
from dangjian.oversight.models.accountability import AccountabilityForm, FourForms
from dangjian.people.models import Person


def term_field(kind: str, **kwargs: Any) -> serializers.SlugRelatedField:
    """A configurable-list value exchanged as its Chinese name, e.g. "source": "巡察反馈"."""
    return serializers.SlugRelatedField(
        slug_field="name", queryset=Term.objects.filter(kind=kind, active=True), **kwargs
    )


class LightMixin(serializers.Serializer):
    light = serializers.SerializerMethodField()

    def get_light(self, obj: Any) -> str:
        return self.context["lights"].light(self.due_of(obj))

    def due_of(self, obj: Any) -> Any:
        raise NotImplementedError


class FindingSerializer(LightMixin, serializers.ModelSerializer):
    # "source" is the API contract's name; DRF's type stubs reserve Field.source.
    source = term_field(TermKind.SOURCE)  # type: ignore[assignment]
    category = term_field(TermKind.CATEGORY)
    severity = term_field(TermKind.SEVERITY)
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    responsible_leader_name = serializers.CharField(source="responsible_leader.name",
                                                    read_only=True, default=None)

    class Meta:
        model = Finding
        fields = [
            "id", "source", "category", "organization", "organization_name", "description",
            "discovered_on", "severity", "regulation", "responsible_leader",
            "responsible_leader_name", "status", "light", "repeat_of", "risk_point",
            "closed_on", "recheck_on", "created_at",
        ]
        read_only_fields = fields

    def due_of(self, obj: Finding) -> Any:
        return getattr(obj, "earliest_open_due", None)


class FindingInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    source = term_field(TermKind.SOURCE)  # type: ignore[assignment]
    category = term_field(TermKind.CATEGORY)
    severity = term_field(TermKind.SEVERITY)
    description = serializers.CharField()
    discovered_on = DateField(label="发现日期")
    regulation = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                       default="")
    risk_point = ScopedId(RiskPoint, required=False, allow_null=True, default=None)


class FindingCorrectSerializer(serializers.Serializer):
    """A correction of a finding: the reason and only what changes."""

    reason = serializers.CharField(max_length=200)  # as a withdrawal's or progress correction's
    description = serializers.CharField(required=False)
    category = serializers.CharField(max_length=40, required=False)
    severity = serializers.CharField(max_length=40, required=False)
    discovered_on = DateField(label="发现日期", required=False)
    regulation = serializers.CharField(max_length=200, required=False, allow_blank=True)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class ProgressCorrectSerializer(serializers.Serializer):
    text = serializers.CharField()
    reason = serializers.CharField(max_length=200)


class NoticeActionSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = NoticeAction
        fields = ["id", "kind", "taken_on", "person", "person_name", "note"]
        read_only_fields = fields


class NoticeSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    actions = NoticeActionSerializer(many=True, read_only=True)

    class Meta:
        model = Notice
        fields = ["id", "number", "title", "recipient", "findings", "reply_due", "status",
                  "issued_on", "acknowledged_at", "reply_text", "replied_at", "closed_at",
                  "organization", "actions"]
        read_only_fields = fields


class NoticeInSerializer(serializers.Serializer):
    recipient = ScopedId(Person)
    findings = ScopedId(Finding, many=True)
    reply_due = DateField(label="回复期限")


class ReplyActionInSerializer(serializers.Serializer):
    """One action of a structured reply (回复措施)."""

    kind = serializers.ChoiceField(choices=ReplyActionKind.choices)
    taken_on = DateField(label="日期")
    person = ScopedId(Person)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ReplySerializer(serializers.Serializer):
    text = serializers.CharField()
    actions = ReplyActionInSerializer(many=True, required=False, default=list)


class InspectionItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectionItem
        fields = ["id", "topic", "text", "result", "note"]
        read_only_fields = fields


class InspectionFileSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = InspectionFile


class InspectionFileUploadSerializer(serializers.Serializer):
    # An empty file reaches the file kernel, which refuses it in the page's words, audited.
    file = serializers.FileField(allow_empty_file=True)


class InspectionSerializer(serializers.ModelSerializer):
    organizer_name = serializers.CharField(source="organizer.name", read_only=True)
    items = InspectionItemSerializer(many=True, read_only=True)
    findings: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    files = InspectionFileSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = ["id", "organizer", "organizer_name", "organization", "targets", "topics",
                  "inspected_on", "report", "items", "findings", "files", "created_at"]
        read_only_fields = fields


class InspectionItemInSerializer(serializers.Serializer):
    topic = serializers.ChoiceField(choices=InspectionTopic.choices)
    text = serializers.CharField(max_length=200)
    result = serializers.ChoiceField(choices=ItemResult.choices)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InspectionInSerializer(serializers.Serializer):
    targets = ScopedId(Organization, many=True)
    topics = serializers.ListField(child=serializers.ChoiceField(choices=InspectionTopic.choices),
                                   max_length=3)
    inspected_on = DateField(label="检查日期")
    items = InspectionItemInSerializer(many=True, required=False, default=list)
    report = serializers.CharField(required=False, allow_blank=True, default="",
                                   max_length=20000)


class InspectionFindingInSerializer(serializers.Serializer):
    """A finding of the inspection: its source is 督导检查."""

    organization = ScopedId(Organization)
    category = term_field(TermKind.CATEGORY)
    severity = term_field(TermKind.SEVERITY)
    description = serializers.CharField()
    discovered_on = DateField(label="发现日期", required=False, allow_null=True, default=None)
    regulation = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                       default="")


class CampaignProgressSerializer(serializers.Serializer):
    findings_open = serializers.IntegerField()
    findings_closed = serializers.IntegerField()
    measures_closed_on_time = serializers.IntegerField()
    measures_closed_late = serializers.IntegerField()
    measures_open_on_time = serializers.IntegerField()
    measures_overdue = serializers.IntegerField()
    plans = serializers.IntegerField()
    tasks_done = serializers.IntegerField()
    tasks_total = serializers.IntegerField()


class CampaignSerializer(serializers.ModelSerializer):
    plans = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = ["id", "name", "organization", "starts_on", "ends_on", "basis", "plans",
                  "progress", "created_at"]
        read_only_fields = fields

    def get_plans(self, obj: Campaign) -> list[int]:
        return sorted(obj.plan_links.values_list("plan_id", flat=True))

    @extend_schema_field(CampaignProgressSerializer)
    def get_progress(self, obj: Campaign) -> dict[str, Any]:
        from dangjian.oversight.services.campaigns import campaign_progress

        request = self.context.get("request")
        progress = campaign_progress(obj, request.user if request else None)
        return dict(CampaignProgressSerializer(progress).data)


class CampaignInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    starts_on = DateField(label="开始日期")
    ends_on = DateField(label="结束日期")
    basis = serializers.CharField(max_length=2000)


class CampaignFindingsSerializer(serializers.Serializer):
    findings = ScopedId(Finding, many=True)


class CampaignPlanInSerializer(serializers.Serializer):
    # The tasks app's plan, resolved within the caller's scope like every body id; looked up
    # by its label, not imported: oversight and tasks are sibling apps (docs/architecture.md).
    plan = ScopedId(apps.get_model("tasks", "Plan"))


class ProgressSerializer(serializers.ModelSerializer):
    class Meta:
        model = Progress
        fields = ["id", "text", "author", "created_at", "corrects", "reason"]
        read_only_fields = ["author", "created_at", "corrects", "reason"]


class EvidenceSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = Evidence
        fields = fields_with("proves_date")


class EvidenceUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    proves_date = DateField(label="佐证日期", required=False, allow_null=True)


class VerificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Verification
        fields = ["id", "decision", "comment", "inspector", "created_at"]


class MeasureSerializer(LightMixin, serializers.ModelSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    verifications = VerificationSerializer(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = ["id", "finding", "description", "owner", "due_on", "criterion", "status",
                  "light", "version", "closed_on", "evidence", "verifications"]
        read_only_fields = fields

    def due_of(self, obj: Measure) -> Any:
        return None if obj.status == MeasureStatus.CLOSED else obj.due_on


class MeasureInSerializer(serializers.Serializer):
    finding = ScopedId(Finding)
    description = serializers.CharField()
    owner = ScopedId(Person)
    due_on = DateField(label="完成时限")
    criterion = serializers.CharField(max_length=200)


class MeasureUpdateSerializer(serializers.Serializer):
    description = serializers.CharField(required=False)
    owner = ScopedId(Person, required=False)
    due_on = DateField(label="完成时限", required=False)
    criterion = serializers.CharField(max_length=200, required=False)
    version = serializers.IntegerField()


class VersionedTextSerializer(serializers.Serializer):
    text = serializers.CharField()
    version = serializers.IntegerField(required=False)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)


class VerifySerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Verification.Decision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False)


class SelfCheckSerializer(serializers.ModelSerializer):
    # the finding a 存在 answer made
    finding: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(
        read_only=True)

    class Meta:
        model = SelfCheck
        fields = ["id", "origin", "organization", "due_on", "answer", "answer_text",
                  "answered_at", "finding"]
        read_only_fields = fields


class SelfCheckSendSerializer(serializers.Serializer):
    origin = ScopedId(Finding)
    due_on = DateField(label="完成时限")
    units = ScopedId(Organization, many=True, required=False)


class SelfCheckAnswerSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=SelfCheck.Answer.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class AccountabilityCorrectionSerializer(serializers.ModelSerializer):
    corrected_by = serializers.CharField(source="corrected_by.username", read_only=True)

    class Meta:
        model = AccountabilityCorrection
        fields = ["id", "reason", "before", "after", "corrected_by", "corrected_at"]
        read_only_fields = fields


class AccountabilitySerializer(serializers.ModelSerializer):
    # Blank until decided: DRF drops allow_blank from read-only model fields, and so the schema.
    form = serializers.ChoiceField(choices=AccountabilityForm.choices, allow_blank=True,
                                   read_only=True)
    four_forms = serializers.ChoiceField(choices=FourForms.choices, allow_blank=True,
                                         read_only=True)
    corrections = AccountabilityCorrectionSerializer(many=True, read_only=True)

    class Meta:
        model = Accountability
        fields = ["id", "organization", "person", "form", "four_forms", "findings", "reason",
                  "status", "decided_on", "deciding_body", "complete_by", "completed_on",
                  "corrections"]
        read_only_fields = fields


class AccountabilityInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    person = ScopedId(Person, required=False, allow_null=True, default=None)
    findings = ScopedId(Finding, many=True, required=False)
    reason = serializers.CharField()


class CompleteSerializer(serializers.Serializer):
    on = DateField(label="手续完成日期")


class CorrectSerializer(serializers.Serializer):
    """A correction of a decided or completed case: the reason and only what changes."""

    reason = serializers.CharField()
    form = serializers.CharField(required=False)
    four_forms = serializers.CharField(required=False, allow_blank=True)
    decided_on = DateField(label="决定日期", required=False)
    deciding_body = serializers.CharField(max_length=100, required=False)
    completed_on = DateField(label="手续完成日期", required=False)


class DecideSerializer(serializers.Serializer):
    form = serializers.CharField()
    decided_on = DateField(label="决定日期")
    deciding_body = serializers.CharField()
    four_forms = serializers.CharField(required=False, allow_blank=True, default="")


class RiskPointSerializer(serializers.ModelSerializer):
    area = term_field(TermKind.RISK_AREA)

    class Meta:
        model = RiskPoint
        fields = ["id", "organization", "post", "area", "risk", "level", "controls", "owner",
                  "review_on"]
        read_only_fields = fields


class RiskPointInSerializer(ScopedModelSerializer):
    """The model's own field checks (post, risk, level, controls, review_on), with the
    organisation and owner resolved in the caller's scope."""

    organization = ScopedId(Organization)
    owner = ScopedId(Person, required=False, allow_null=True)
    area = term_field(TermKind.RISK_AREA)

    class Meta:
        model = RiskPoint
        fields = ["organization", "post", "area", "risk", "level", "controls", "owner",
                  "review_on"]


class RiskPointUpdateSerializer(ScopedModelSerializer):
    """An edit of a risk point: any of its fields but the organisation, each optional."""

    owner = ScopedId(Person, required=False, allow_null=True)
    area = term_field(TermKind.RISK_AREA)

    class Meta:
        model = RiskPoint
        fields = ["post", "area", "risk", "level", "controls", "owner", "review_on"]


class RecheckInSerializer(serializers.Serializer):
    """回头看 of a closed finding: the day, 巩固 or 反弹, and what was seen."""

    checked_on = DateField(label="回头看日期")
    result = serializers.ChoiceField(choices=RecheckResult.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class RecheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = Recheck
        fields = ["id", "finding", "checked_on", "checked_by", "result", "note", "relapse",
                  "created_at"]
        read_only_fields = fields
