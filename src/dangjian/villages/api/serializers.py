from decimal import Decimal
from typing import Any

from rest_framework import serializers

from dangjian.core.inputs import YEARS, DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization
from dangjian.people.models import Link, Person

from ..models import Growth, Income, Measure, Target, Village, VillageKind
from ..rules import accounting_system
from ..services.profiles import POPULATION_MAX


class VillageSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Village
        fields = ["id", "organization", "organization_name", "kind", "population", "households",
                  "collective_name", "credit_code", "updated_at"]
        read_only_fields = fields


class VillageSaveSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    kind = serializers.ChoiceField(VillageKind.choices)
    population = serializers.IntegerField(min_value=0, max_value=POPULATION_MAX)
    households = serializers.IntegerField(min_value=0, max_value=POPULATION_MAX)
    collective_name = serializers.CharField(max_length=100)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True)


class IncomeSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    amounts = serializers.SerializerMethodField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    operating_income = serializers.DecimalField(max_digits=12, decimal_places=2,
                                                read_only=True)

    class Meta:
        model = Income
        fields = ["id", "organization", "organization_name", "year", "amounts", "total",
                  "operating_income", "status", "version", "submitted_by", "submitted_at",
                  "verified_by", "verified_at", "comment", "confirmed_by", "confirmed_at"]
        read_only_fields = fields

    def get_amounts(self, income: Income) -> dict[str, str]:
        system = accounting_system(income.year)
        amounts = income.amounts()
        names = system.categories if system else tuple(amounts)
        return {name: str(amounts[name]) for name in names}


class AmountsField(serializers.DictField):
    child = serializers.CharField(allow_blank=True, max_length=30)


class IncomeCreateSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1])
    amounts = AmountsField()


class IncomeUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    amounts = AmountsField()


class IncomeVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)


class IncomeVerifySerializer(IncomeVersionSerializer):
    decision = serializers.ChoiceField([("accept", "通过"), ("return", "退回")])
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "organization", "year", "measure", "threshold", "target_share",
                  "shell_line", "growth"]
        read_only_fields = fields


class TargetSaveSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1])
    measure = serializers.ChoiceField(Measure.choices, default=Measure.TOTAL)
    threshold = serializers.DecimalField(max_digits=10, decimal_places=2)
    target_share = serializers.DecimalField(max_digits=5, decimal_places=2,
                                            default=Decimal("40"))
    shell_line = serializers.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"))
    growth = serializers.ChoiceField(Growth.choices, default=Growth.EACH)


class LinkSerializer(serializers.ModelSerializer):
    leader_name = serializers.CharField(source="leader.name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Link
        fields = ["id", "leader", "leader_name", "organization", "organization_name",
                  "start_on", "end_on"]
        read_only_fields = fields


class LinkCreateSerializer(serializers.Serializer):
    leader = ScopedId(Person)
    organization = ScopedId(Organization)
    start_on = DateField()
    end_on = DateField(required=False, allow_null=True)


class LinkEndSerializer(serializers.Serializer):
    end_on = DateField()


class SummaryQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1], required=False)
    # A 乡镇 (or any unit in scope, e.g. one village): the figures of its villages only.
    township = ScopedId(Organization, required=False)


class SummaryVillageSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="village.pk")
    name = serializers.CharField(source="village.name")
    township = serializers.CharField()
    total = serializers.SerializerMethodField()
    operating_income = serializers.SerializerMethodField()
    previous = serializers.SerializerMethodField()

    def get_total(self, row: Any) -> str | None:
        return str(row.income.total) if row.income else None

    def get_operating_income(self, row: Any) -> str | None:
        return str(row.income.operating_income) if row.income else None

    def get_previous(self, row: Any) -> str | None:
        """Last year's amount on the target's measure."""
        value = row.measure(self.context["measure"], row.previous)
        return None if value is None else str(value)


class AnomalySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    flag = serializers.CharField()


class SummarySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    villages = serializers.IntegerField()
    reported = serializers.IntegerField()
    measure = serializers.CharField()
    threshold = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    shell_line = serializers.DecimalField(max_digits=10, decimal_places=2)
    shell = SummaryVillageSerializer(many=True)
    shell_count = serializers.IntegerField()
    at_or_above = serializers.IntegerField(allow_null=True)
    share = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    target_share = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    declined = SummaryVillageSerializer(many=True)
    growth_met = serializers.BooleanField()
    by_township = serializers.ListField(child=serializers.DictField())
    anomalies = AnomalySerializer(many=True)
