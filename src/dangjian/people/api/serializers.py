from rest_framework import serializers

from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization
from dangjian.people.models import Education, PartyStatus, Person


class PersonSerializer(serializers.ModelSerializer):
    """A person as lists show them: ID number and phone only ever masked."""

    kind = serializers.CharField(source="party_status", read_only=True)
    # "parent" is the API contract's name; DRF's type stubs reserve Field.parent.
    parent = serializers.IntegerField(  # type: ignore[assignment]
        source="organization_id", read_only=True
    )
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    id_number = serializers.CharField(source="id_number_masked", read_only=True)
    phone = serializers.CharField(source="phone_masked", read_only=True)
    # Blank when not recorded: the schema must say so (its enum alone would refuse "").
    education = serializers.ChoiceField(choices=Education.choices, allow_blank=True,
                                        read_only=True)

    class Meta:
        model = Person
        fields = [
            "id", "name", "kind", "parent", "organization", "organization_name",
            "party_status", "gender", "id_number", "phone", "joined_party_on",
            "education", "front_line", "in_hardship",
        ]
        read_only_fields = fields


class PersonCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=50)
    id_number = serializers.CharField(max_length=32)
    organization = ScopedId(Organization)
    party_status = serializers.ChoiceField(choices=PartyStatus.choices, default=PartyStatus.MASSES)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    joined_party_on = DateField(label="入党时间", required=False, allow_null=True)


class PersonFactsUpdateSerializer(serializers.Serializer):
    """学历, 一线或关键岗位, 生活困难: a field left out keeps its recorded value."""

    education = serializers.CharField(
        label="学历", max_length=20, required=False, allow_blank=True,
        help_text="研究生、大学本科、大学专科、中专、高中、初中及以下之一；空为未登记")
    front_line = serializers.BooleanField(label="一线或关键岗位", required=False)
    in_hardship = serializers.BooleanField(label="生活困难", required=False)


class UnmaskedSerializer(serializers.Serializer):
    id_number = serializers.CharField()
    phone = serializers.CharField()
