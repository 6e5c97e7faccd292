from typing import Any

from django.urls import reverse
from rest_framework import serializers

from dangjian.core.files.serializers import StoredFileSerializer
from dangjian.core.inputs import DateField
from dangjian.core.models import ReviewDecision
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import (
    Audience,
    Cadence,
    CatalogueItem,
    Channel,
    Decision,
    Disclosure,
    DisclosureAttachment,
    DisclosureRequest,
    Domain,
    Feedback,
)
from ..services.requests import is_overdue


class CatalogueItemSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    responsible_name = serializers.CharField(source="responsible.name", read_only=True,
                                             default=None)

    class Meta:
        model = CatalogueItem
        fields = ["id", "organization", "organization_name", "year", "domain", "content",
                  "audience", "cadence", "working_days", "channel", "basis", "responsible",
                  "responsible_name", "inside_first", "active", "created_at"]
        read_only_fields = fields


class CatalogueItemInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    domain = serializers.ChoiceField(choices=Domain.choices)
    content = serializers.CharField(max_length=200)
    audience = serializers.ChoiceField(choices=Audience.choices)
    cadence = serializers.ChoiceField(choices=Cadence.choices)
    working_days = serializers.IntegerField(min_value=1, max_value=60, required=False,
                                            allow_null=True)
    channel = serializers.ChoiceField(choices=Channel.choices)
    basis = serializers.CharField(max_length=200, required=False, allow_blank=True)
    responsible = ScopedId(Person, required=False, allow_null=True)
    inside_first = serializers.BooleanField(required=False, default=False)


class CatalogueItemUpdateSerializer(serializers.Serializer):
    """An edit of a catalogue line: any field but the organisation, each optional."""

    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    domain = serializers.ChoiceField(choices=Domain.choices, required=False)
    content = serializers.CharField(max_length=200, required=False)
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    cadence = serializers.ChoiceField(choices=Cadence.choices, required=False)
    working_days = serializers.IntegerField(min_value=1, max_value=60, required=False,
                                            allow_null=True)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    basis = serializers.CharField(max_length=200, required=False, allow_blank=True)
    responsible = ScopedId(Person, required=False, allow_null=True)
    inside_first = serializers.BooleanField(required=False)


class AttachmentSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = DisclosureAttachment


class DisclosureSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Disclosure
        fields = ["id", "organization", "organization_name", "item", "domain", "title", "body",
                  "audience", "channel", "matter_on", "due_on", "due_provisional", "status",
                  "status_display", "drafted_by", "reviewed_by", "review_note", "approved_by",
                  "published_on", "on_time", "url", "withdrawn_reason", "withdrawn_on",
                  "inside_first_waiver", "attachments", "source", "created_at"]
        read_only_fields = fields


class DisclosureInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    item = ScopedId(CatalogueItem, required=False, allow_null=True)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=20000)
    matter_on = DateField()
    domain = serializers.ChoiceField(choices=Domain.choices, required=False)
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)


class DisclosureEditSerializer(serializers.Serializer):
    """An edit of a draft by its drafter: any of these fields, each optional."""

    title = serializers.CharField(max_length=200, required=False)
    body = serializers.CharField(max_length=20000, required=False)
    matter_on = DateField(required=False)
    domain = serializers.ChoiceField(choices=Domain.choices, required=False)
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)


class ApproveSerializer(serializers.Serializer):
    """审批: the decision, and for a 向社会 item due first 党内, why it need not wait."""

    decision = serializers.ChoiceField(choices=ReviewDecision.choices)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                    default="")
    inside_first_waiver = serializers.CharField(max_length=1000, required=False,
                                                allow_blank=True, default="")


class PrepareSerializer(serializers.Serializer):
    organization = ScopedId(Organization)


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=ReviewDecision.choices)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                    default="")


class PublishSerializer(serializers.Serializer):
    published_on = DateField(required=False)
    url = serializers.URLField(required=False, allow_blank=True, default="")


class DisclosureReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class FeedbackSerializer(serializers.ModelSerializer):
    """The unit's view of a message: the contact masked, never decrypted here."""

    class Meta:
        model = Feedback
        fields = ["id", "disclosure", "text", "contact_masked", "created_at", "answer_due",
                  "answer", "answered_on"]
        read_only_fields = fields


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=2000)


class DisclosureRequestSerializer(serializers.ModelSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureRequest
        fields = ["id", "organization", "applicant", "content", "received_on", "due_on",
                  "extended_days", "extension_reason", "decision", "decided_on", "overdue",
                  "created_at"]
        read_only_fields = fields

    def get_overdue(self, obj: DisclosureRequest) -> bool:
        return is_overdue(obj)


class DisclosureRequestInSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    applicant = serializers.CharField(max_length=100)
    content = serializers.CharField(max_length=5000)
    received_on = DateField()


class ExtendSerializer(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=20)
    reason = serializers.CharField(max_length=1000)


class RequestDecideSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    decided_on = DateField(required=False)


# --- public (no sign-in) ------------------------------------------------------------------

class PublicAttachmentSerializer(serializers.ModelSerializer):
    """An attachment of a public disclosure: its name, size and public download link."""

    url = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureAttachment
        fields = ["id", "original_name", "extension", "size", "url"]
        read_only_fields = fields

    def get_url(self, obj: DisclosureAttachment) -> str:
        return reverse("gongkai:file", args=[obj.disclosure_id, obj.pk])


class PublicDisclosureSerializer(serializers.ModelSerializer):
    """What the portal shows: the disclosure itself, nothing about who drafted or approved it."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    attachments = PublicAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Disclosure
        fields = ["id", "organization", "organization_name", "domain", "title", "body",
                  "channel", "published_on", "url", "attachments"]
        read_only_fields = fields


class PublicFeedbackInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=1000)
    contact = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class PublicFeedbackOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    answer_due = DateField()
    contact_masked = serializers.CharField()

    def to_representation(self, instance: Any) -> Any:
        return {"id": instance.pk, "answer_due": str(instance.answer_due),
                "contact_masked": instance.contact_masked}
