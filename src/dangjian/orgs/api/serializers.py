from rest_framework import serializers

from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization, OrgKind


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "parent", "code", "founded_on", "depth", "numchild"]
        read_only_fields = fields


class OrganizationWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=OrgKind.choices, required=False)
    # "parent" is the API contract's name; DRF's type stubs reserve Field.parent.
    parent = ScopedId(Organization, required=False)  # type: ignore[assignment]
    code = serializers.CharField(max_length=40, required=False, allow_blank=True)
    founded_on = DateField(label="成立日期", required=False, allow_null=True)
