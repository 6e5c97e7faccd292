from typing import Any

from rest_framework import serializers

from dangjian.access.scoping import restrict
from dangjian.core.files.serializers import StoredFileSerializer
from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import OUT_OF_SCOPE, ScopedId
from dangjian.duties.kinds import Period
from dangjian.duties.models import (
    Fulfilment,
    FulfilmentEvidence,
    ResponsibilityItem,
    ResponsibilityList,
)
from dangjian.duties.selectors import own_person, own_post_bodies
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class ResponsibilityListSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    person_name = serializers.CharField(source="person.name", read_only=True, default=None)

    class Meta:
        model = ResponsibilityList
        fields = ["id", "organization", "organization_name", "person", "person_name", "holder",
                  "year", "title", "created_at"]
        read_only_fields = fields


class DutyProgressSerializer(serializers.Serializer):
    state = serializers.CharField()
    done = serializers.IntegerField()
    # "required" and "source" are the response's names; DRF's stubs reserve them on Field.
    required = serializers.IntegerField()  # type: ignore[assignment]
    overdue = serializers.IntegerField()


class FactSerializer(serializers.Serializer):
    on = DateField()
    text = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]
    link = serializers.CharField()


class ResponsibilityItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResponsibilityItem
        fields = ["id", "list", "template_key", "category", "text", "citation",
                  "citation_status", "period", "times", "evidence_hint", "provider", "order",
                  "active"]
        read_only_fields = fields


class ResponsibilityItemProgressSerializer(serializers.Serializer):
    """An item as the year-end view shows it: progress, proof found, records kept."""

    item = ResponsibilityItemSerializer()
    progress = DutyProgressSerializer()
    facts = FactSerializer(many=True)
    late = FactSerializer(many=True)
    fulfilments = serializers.SerializerMethodField()
    source = serializers.CharField()  # type: ignore[assignment]
    proof = serializers.ChoiceField(
        choices=["自动取证", "手工登记"], read_only=True,
        help_text="自动取证：由平台已有记录证明（facts 各带链接）；手工登记：由履责记实证明")

    def get_fulfilments(self, obj: Any) -> list[dict[str, Any]]:
        return FulfilmentSerializer(obj.fulfilments, many=True).data  # type: ignore[return-value]


class ResponsibilityListDetailSerializer(ResponsibilityListSerializer):
    counts = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()

    class Meta(ResponsibilityListSerializer.Meta):
        fields = [*ResponsibilityListSerializer.Meta.fields, "counts", "items"]

    def get_counts(self, obj: ResponsibilityList) -> dict[str, int]:
        return dict(self.context["view_of"](obj).counts)

    def get_items(self, obj: ResponsibilityList) -> list[dict[str, Any]]:
        return ResponsibilityItemProgressSerializer(self.context["view_of"](obj).items,  # type: ignore[return-value]
                                      many=True).data


class ListCreateSerializer(serializers.Serializer):
    """A body's list, or a leader's own (``person``): one's own person and the bodies of one's
    posts may lie outside one's scope (a vice head's post is at the county party group)."""

    organization = ScopedId(Organization, also=own_post_bodies)
    year = serializers.IntegerField()
    person = ScopedId(Person, also=own_person, required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        user = self.context["request"].user
        own = attrs["person"] is not None and attrs["person"].pk == user.person_id
        if not own and not restrict(Organization.objects.filter(pk=attrs["organization"].pk),
                                    user).exists():
            raise serializers.ValidationError({"organization": OUT_OF_SCOPE})
        if attrs["person"] is not None and not own and not restrict(
                Person.objects.filter(pk=attrs["person"].pk), user).exists():
            raise serializers.ValidationError({"person": OUT_OF_SCOPE})
        return attrs


class ItemCreateSerializer(serializers.Serializer):
    list = ScopedId(ResponsibilityList)
    text = serializers.CharField()
    category = serializers.CharField(required=False, default="本单位细化")
    period = serializers.ChoiceField(choices=Period.choices, required=False, default=Period.YEAR)
    times = serializers.IntegerField(required=False, default=1)
    evidence_hint = serializers.CharField(required=False, allow_blank=True, default="")
    citation = serializers.CharField(required=False, allow_blank=True, default="")


class ItemUpdateSerializer(serializers.Serializer):
    text = serializers.CharField(required=False)
    category = serializers.CharField(required=False)
    period = serializers.ChoiceField(choices=Period.choices, required=False)
    times = serializers.IntegerField(required=False)
    evidence_hint = serializers.CharField(required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)


class FulfilmentEvidenceSerializer(StoredFileSerializer):
    class Meta(StoredFileSerializer.Meta):
        model = FulfilmentEvidence


class FulfilmentSerializer(serializers.ModelSerializer):
    evidence = FulfilmentEvidenceSerializer(many=True, read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.display_name", read_only=True)

    class Meta:
        model = Fulfilment
        fields = ["id", "item", "done_on", "description", "recorded_by", "recorded_at",
                  "evidence"]
        read_only_fields = fields


class FulfilmentCreateSerializer(serializers.Serializer):
    item = ScopedId(ResponsibilityItem)
    done_on = DateField(label="履责日期")
    description = serializers.CharField()
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    file = serializers.FileField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        single = attrs.pop("file", None)
        if single is not None:
            attrs["files"] = [*attrs["files"], single]
        return attrs
