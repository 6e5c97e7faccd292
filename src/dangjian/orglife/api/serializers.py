from typing import Any

from rest_framework import serializers

from dangjian.core.files.serializers import StoredFileSerializer, fields_with
from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orglife.models import (
    AgendaItem,
    AgendaTag,
    Attachment,
    AttachmentKind,
    LectureReach,
    Meeting,
    MeetingKind,
)
from dangjian.orglife.selectors import lecturers_for
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class MeetingAttachmentSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = Attachment
        fields = fields_with(lead=("kind",))


class MeetingAbsenteeSerializer(serializers.Serializer):
    person = ScopedId(Person)
    reason = serializers.CharField(allow_blank=True, default="", max_length=100)


class MeetingAgendaTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaTag
        fields = ["key", "name"]


class MeetingAgendaItemSerializer(serializers.ModelSerializer):
    """One 议题 of a 党组（党委）会议 with its tags."""

    tags = MeetingAgendaTagSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["order", "title", "tags"]


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting as read: 应到 (``expected``), 实到 (``present``), who and why absent; a
    党组（党委）会议's 议题 with their tags (``agenda``), a 党课's lecturer."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    attendees = serializers.SerializerMethodField()
    absentees = serializers.SerializerMethodField()
    expected = serializers.SerializerMethodField()
    present = serializers.SerializerMethodField()
    attachments = MeetingAttachmentSerializer(many=True, read_only=True)
    lecturer_name = serializers.CharField(source="lecturer.name", read_only=True, default=None,
                                          allow_null=True)
    agenda = MeetingAgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "organization", "organization_name", "kind", "held_on", "place",
                  "chair", "recorder", "topic", "minutes", "decisions", "attendees",
                  "absentees", "expected", "present", "attachments", "created_at",
                  "lecturer", "lecturer_name", "lecturer_reach", "agenda"]

    def get_attendees(self, meeting: Meeting) -> list[int]:
        return [a.person_id for a in meeting.attendance.all() if a.present]

    def get_absentees(self, meeting: Meeting) -> list[dict[str, Any]]:
        return [{"person": a.person_id, "reason": a.absence_reason}
                for a in meeting.attendance.all() if not a.present]

    def get_expected(self, meeting: Meeting) -> int:
        return len(meeting.attendance.all())

    def get_present(self, meeting: Meeting) -> int:
        return sum(a.present for a in meeting.attendance.all())


class MeetingAgendaItemInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    # Tags are county data named by their key (no ids): resolved here against the active ones.
    tags = serializers.ListField(
        child=serializers.CharField(max_length=30), required=False, default=list, max_length=10,
        help_text="标签的标识（key），如 discipline（全面从严治党）、party_report（党建工作汇报）")

    def validate_tags(self, keys: list[str]) -> list[AgendaTag]:
        found = {t.key: t for t in AgendaTag.objects.filter(active=True, key__in=keys)}
        unknown = [k for k in keys if k not in found]
        if unknown:
            raise serializers.ValidationError(f"没有启用的议题标签：{'、'.join(unknown)}")
        return [found[k] for k in dict.fromkeys(keys)]


class MeetingCreateSerializer(serializers.Serializer):
    """The contract's body; persons and the organisation are ids, resolved within scope (a
    党课's lecturer may also be a leader above it: ``orglife.lecturers``)."""

    organization = ScopedId(Organization)
    kind = serializers.ChoiceField(choices=MeetingKind.choices)
    held_on = DateField(label="会议日期")
    topic = serializers.CharField(max_length=200)
    attendees = ScopedId(Person, many=True, allow_empty=False)
    absentees = MeetingAbsenteeSerializer(many=True, required=False, default=list)
    place = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    chair = ScopedId(Person, required=False, allow_null=True, default=None)
    recorder = ScopedId(Person, required=False, allow_null=True, default=None)
    minutes = serializers.CharField(required=False, default="", allow_blank=True)
    decisions = serializers.CharField(required=False, default="", allow_blank=True)
    agenda = MeetingAgendaItemInSerializer(many=True, required=False, default=list,
                                           help_text="党组（党委）会议的议题及标签")
    lecturer = ScopedId(Person, also=lecturers_for, required=False, allow_null=True,
                        default=None, help_text="党课的授课人")
    lecturer_reach = serializers.ChoiceField(choices=LectureReach.choices, required=False,
                                             default="")


class MeetingWithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField()


class MeetingAttachmentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AttachmentKind.choices)
    file = serializers.FileField()


class MeetingLedgerUploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class OrglifeComplianceQuerySerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)


class OrglifeComplianceRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    organization_name = serializers.CharField()
    kind = serializers.CharField()
    rule = serializers.CharField()
    period = serializers.CharField()
    # "required" is the API contract's name; DRF's type stubs reserve Field.required.
    required = serializers.IntegerField()  # type: ignore[assignment]
    held = serializers.IntegerField()
    gap = serializers.IntegerField()
    missing = serializers.ListField(child=serializers.CharField())
    citation = serializers.CharField()
    status = serializers.CharField()


class BranchStructureGapSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    organization_name = serializers.CharField()
    rule = serializers.CharField()
    detail = serializers.CharField()
    citation = serializers.CharField()
    status = serializers.CharField()


class OrglifeComplianceReportSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="root.pk")
    year = serializers.IntegerField()
    as_of = DateField()
    results = OrglifeComplianceRowSerializer(source="rows", many=True)
    structure = BranchStructureGapSerializer(many=True)
