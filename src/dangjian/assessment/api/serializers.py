from typing import Any

from rest_framework import serializers

from dangjian.access.scoping import restrict
from dangjian.core.inputs import CountField
from dangjian.core.scoped_ids import ScopedId
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import Appeal, Indicator, Method, Result, Scheme, Score, ScoringPeriod, TargetKind
from ..selectors import scores_for


def points_field(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=6, decimal_places=2, **kwargs)


class SchemeSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Scheme
        fields = ["id", "year", "name", "target_kind", "organization", "organization_name",
                  "total_points", "grade_bands", "grade_bands_unconfirmed", "basis",
                  "document_number", "appeal_days", "accountability_grades", "status",
                  "published_at", "approved_by_assessor", "approved_by_leader", "released_at"]
        read_only_fields = fields


class SchemeInSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    name = serializers.CharField(max_length=120)
    target_kind = serializers.ChoiceField(choices=TargetKind.choices)
    organization = ScopedId(Organization)
    basis = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    document_number = serializers.CharField(max_length=60, required=False, allow_blank=True,
                                            default="")
    total_points = points_field(min_value=1, required=False)
    grade_bands = serializers.JSONField(required=False)
    appeal_days = serializers.IntegerField(min_value=0, max_value=30, required=False)
    accountability_grades = serializers.ListField(child=serializers.CharField(max_length=10),
                                                  required=False, max_length=10)


class SchemeUpdateSerializer(SchemeInSerializer):
    organization = None  # type: ignore[assignment]  # a scheme's range is fixed once created


def _edited(user: Any) -> Any:
    """Schemes over the user's own range: the only ones a body may name to change."""
    return restrict(Scheme.objects.all(), user)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "scheme", "parent", "code", "name", "max_points", "method",
                  "scoring_department", "period", "citation", "provider", "params", "order"]
        read_only_fields = fields


class IndicatorInSerializer(serializers.Serializer):
    scheme = ScopedId(Scheme, within=_edited)
    parent = ScopedId(  # type: ignore[assignment]  # the body's field, not DRF's binding
        Indicator, required=False, allow_null=True, default=None)
    code = serializers.CharField(max_length=20)
    name = serializers.CharField(max_length=200)
    max_points = points_field()
    method = serializers.ChoiceField(choices=Method.choices)
    provider = serializers.CharField(max_length=60, required=False, allow_blank=True,
                                     default="")
    params = serializers.JSONField(required=False, default=dict)
    period = serializers.ChoiceField(choices=ScoringPeriod.choices, required=False,
                                     default=ScoringPeriod.YEAR)
    citation = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                     default="")
    scoring_department = ScopedId(Organization, required=False, allow_null=True, default=None)
    order = CountField(required=False, default=0)


class IndicatorUpdateSerializer(IndicatorInSerializer):
    scheme = None  # type: ignore[assignment]


class ScoreSerializer(serializers.ModelSerializer):
    scheme = serializers.IntegerField(source="indicator.scheme_id", read_only=True)
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    max_points = points_field(source="indicator.max_points", read_only=True)
    target = serializers.IntegerField(source="organization_id", read_only=True)
    target_name = serializers.CharField(source="organization.name", read_only=True)
    basis = serializers.SerializerMethodField()

    class Meta:
        model = Score
        fields = ["id", "scheme", "indicator", "indicator_code", "indicator_name", "max_points",
                  "target", "target_name", "person", "period", "points", "raw_value", "basis",
                  "basis_text", "source", "frozen", "computed_at"]
        read_only_fields = fields

    def get_basis(self, score: Score) -> list[dict[str, Any]]:
        """[{model, id}]: the records the score came from."""
        return [{"model": ref.get("model"), "id": ref.get("id")} for ref in score.basis or []]


class ScoreInSerializer(serializers.Serializer):
    indicator = ScopedId(Indicator)
    organization = ScopedId(Organization)
    person = ScopedId(Person, required=False, allow_null=True, default=None)
    period = serializers.CharField(max_length=10)
    points = points_field(required=False, allow_null=True, default=None)
    basis_text = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                       default="")
    counts = serializers.DictField(child=CountField(), required=False, allow_empty=True)


class AppealSerializer(serializers.ModelSerializer):
    scheme = serializers.IntegerField(source="score.indicator.scheme_id", read_only=True)
    target = serializers.IntegerField(source="score.organization_id", read_only=True)

    class Meta:
        model = Appeal
        fields = ["id", "score", "scheme", "target", "reason", "status", "raised_by",
                  "handled_by", "points_before", "points_after", "answer", "created_at",
                  "decided_at"]
        read_only_fields = fields


class AppealInSerializer(serializers.Serializer):
    score = ScopedId(Score, within=scores_for)
    reason = serializers.CharField(max_length=2000)


class AppealDecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[Appeal.Status.UPHELD, Appeal.Status.ADJUSTED])
    answer = serializers.CharField(max_length=2000)
    points = points_field(required=False, allow_null=True, default=None)


class ResultSerializer(serializers.ModelSerializer):
    target = serializers.IntegerField(source="organization_id", read_only=True)
    target_name = serializers.CharField(source="organization.name", read_only=True)
    person_name = serializers.SerializerMethodField()

    class Meta:
        model = Result
        fields = ["id", "scheme", "target", "target_name", "person", "person_name", "total",
                  "rank", "grade", "breakdown"]
        read_only_fields = fields

    def get_person_name(self, result: Result) -> str:
        return result.person.name if result.person else ""
