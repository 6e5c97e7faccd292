from datetime import date
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dangjian.core.inputs import YEARS, CountField, DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.members.models import Candidate, Step, StudyKind, StudyRecord, Visit
from dangjian.members.models.visits import VisitCampaign, VisitKind
from dangjian.members.reports import CAMPAIGNS, COLUMNS
from dangjian.members.services.due import Due, next_due
from dangjian.orgs.models import Organization
from dangjian.people.models import Gender, Person


class CandidateDueSerializer(serializers.Serializer):
    step = serializers.IntegerField()
    name = serializers.CharField()
    earliest = DateField(allow_null=True)
    due = DateField(allow_null=True)
    provisional = serializers.BooleanField()
    overdue = serializers.BooleanField()
    rule = serializers.SerializerMethodField()
    citation = serializers.SerializerMethodField()

    def get_rule(self, item: Due) -> str | None:
        return item.rule.text if item.rule else None

    def get_citation(self, item: Due) -> str | None:
        return item.rule.citation if item.rule else None


class CandidateStepSerializer(serializers.ModelSerializer):
    step = serializers.IntegerField(source="number")
    name = serializers.CharField(read_only=True)
    contacts = serializers.SerializerMethodField()
    introducers = serializers.SerializerMethodField()

    class Meta:
        model = Step
        fields = ["id", "step", "name", "date", "document", "note", "contacts", "introducers",
                  "passed", "training_days", "training_hours", "should_attend", "present",
                  "ayes", "written_ayes", "late_reason", "publicity_from"]
        read_only_fields = fields

    def get_contacts(self, step: Step) -> list[int]:
        return [pk for pk in (step.first_contact_id, step.second_contact_id) if pk]

    def get_introducers(self, step: Step) -> list[int]:
        return [pk for pk in (step.first_introducer_id, step.second_introducer_id) if pk]


class CandidateSerializer(serializers.ModelSerializer):
    """A development record with its steps and what is due next (on the request's day)."""

    person_name = serializers.CharField(source="person.name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    stage = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    steps = CandidateStepSerializer(many=True, read_only=True)
    next_due = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = ["id", "person", "person_name", "organization", "organization_name",
                  "applied_on", "current_step", "stage", "status", "steps", "next_due",
                  "probation_ends_on", "extension_months", "extension_decided_on",
                  "extension_reason", "closed_on", "close_reason"]
        read_only_fields = fields

    @extend_schema_field(CandidateDueSerializer(many=True))
    def get_next_due(self, candidate: Candidate) -> Any:
        today: date = self.context["today"]
        return CandidateDueSerializer(next_due(candidate, today), many=True).data


class CandidateCreateSerializer(serializers.Serializer):
    """Either ``person`` (someone on file) or the new applicant's identity."""

    organization = ScopedId(Organization)
    applied_on = DateField(label="递交入党申请书日期")
    person = ScopedId(Person, required=False)
    name = serializers.CharField(max_length=50, required=False)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    birth_date = DateField(label="出生日期", required=False)
    id_number = serializers.CharField(max_length=32, required=False)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        identity = {"name", "id_number"}
        if "person" in attrs and identity & set(attrs):
            raise serializers.ValidationError("已选择人员时，不再填写姓名、身份证号")
        if "person" not in attrs and not identity <= set(attrs):
            raise serializers.ValidationError(
                "请选择人员，或填写新申请人的姓名、性别、出生日期、身份证号")
        return attrs


class CandidateStepCreateSerializer(serializers.Serializer):
    step = serializers.IntegerField()
    date = DateField(label="日期")
    document = serializers.CharField(max_length=200, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)
    contacts = ScopedId(Person, many=True, required=False)
    introducers = ScopedId(Person, many=True, required=False)
    passed = serializers.BooleanField(required=False, allow_null=True, default=None)
    training_days = CountField(required=False, allow_null=True)
    training_hours = CountField(required=False, allow_null=True)
    should_attend = CountField(required=False, allow_null=True)
    present = CountField(required=False, allow_null=True)
    ayes = CountField(required=False, allow_null=True)
    written_ayes = CountField(required=False, allow_null=True)
    late_reason = serializers.CharField(max_length=200, required=False, allow_blank=True)
    publicity_from = DateField(label="公示开始日期", required=False, allow_null=True)


class ProbationExtendSerializer(serializers.Serializer):
    decided_on = DateField(label="延长预备期决定日期")
    months = serializers.IntegerField()
    reason = serializers.CharField(max_length=200)


class CandidateCloseSerializer(serializers.Serializer):
    closed_on = DateField(label="终止日期")
    reason = serializers.CharField(max_length=200)


class StudyRecordSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    person_name = serializers.CharField(source="person.name", read_only=True, default=None)

    class Meta:
        model = StudyRecord
        fields = ["id", "organization", "organization_name", "person", "person_name", "kind",
                  "date", "hours", "topic"]
        read_only_fields = fields


class StudyRecordCreateSerializer(serializers.Serializer):
    """A member's record (``person``) or a leading group's (``organization``)."""

    person = ScopedId(Person, required=False)
    organization = ScopedId(Organization, required=False)
    kind = serializers.ChoiceField(choices=StudyKind.choices)
    date = DateField(label="学习日期")
    hours = serializers.DecimalField(max_digits=5, decimal_places=1)
    topic = serializers.CharField(max_length=200)


class VisitSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    visitors: serializers.PrimaryKeyRelatedField[Person] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True)

    class Meta:
        model = Visit
        fields = ["id", "person", "person_name", "organization", "organization_name", "kind",
                  "campaign", "date", "visitors", "other_visitors", "gifts", "amount",
                  "follow_up"]
        read_only_fields = fields


class VisitCreateSerializer(serializers.Serializer):
    person = ScopedId(Person)
    kind = serializers.ChoiceField(choices=VisitKind.choices)
    campaign = serializers.ChoiceField(choices=VisitCampaign.choices)
    date = DateField(label="走访日期")
    visitors = ScopedId(Person, many=True, required=False)
    other_visitors = serializers.CharField(max_length=200, required=False, allow_blank=True)
    gifts = serializers.CharField(max_length=200, required=False, allow_blank=True)
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, required=False,
                                      allow_null=True)
    follow_up = serializers.CharField(required=False, allow_blank=True)


class RosterUploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class RosterImportedSerializer(serializers.Serializer):
    imported = serializers.IntegerField()


class MemberRuleSerializer(serializers.Serializer):
    text = serializers.CharField()
    citation = serializers.CharField()


class MemberStructureColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    group = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class MemberStructureRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id", allow_null=True)
    organization_name = serializers.CharField(source="organization")
    counts = serializers.ListField(child=serializers.IntegerField(), source="cells")


class MemberStructureSerializer(serializers.Serializer):
    """优化党员队伍结构: ``counts`` follow ``columns``; ``total`` is the whole scope."""

    as_of = DateField()
    columns = serializers.SerializerMethodField()
    total = MemberStructureRowSerializer()
    organizations = MemberStructureRowSerializer(many=True)
    veteran_rule = MemberRuleSerializer()
    age_rule = MemberRuleSerializer()

    @extend_schema_field(MemberStructureColumnSerializer(many=True))
    def get_columns(self, report: Any) -> Any:
        return MemberStructureColumnSerializer(COLUMNS, many=True).data


class VisitCoverageQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1], required=False)
    campaign = serializers.ChoiceField(choices=list(CAMPAIGNS), required=False)


class VisitDueSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="person.pk")
    person_name = serializers.CharField(source="person.name")
    organization = serializers.IntegerField(source="person.organization_id")
    organization_name = serializers.CharField(source="person.organization.name")
    reasons = serializers.ListField(child=serializers.CharField())
    visited_on = DateField(allow_null=True)


class VisitCoverageSerializer(serializers.Serializer):
    """走访慰问 coverage: who was due a visit in the campaign, and whether they had one."""

    year = serializers.IntegerField()
    campaign = serializers.CharField()
    on = DateField()
    due_count = serializers.SerializerMethodField()
    visited_count = serializers.IntegerField(source="visited")
    due = VisitDueSerializer(many=True)
    veteran_rule = MemberRuleSerializer()
    visit_rule = MemberRuleSerializer()

    def get_due_count(self, coverage: Any) -> int:
        return len(coverage.due)
