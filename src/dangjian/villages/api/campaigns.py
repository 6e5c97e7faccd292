"""创建 campaigns through the API: the county launches, the villages declare, each step advances
(``services.campaigns``)."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.inputs import YEARS
from dangjian.core.scoped_ids import ScopedId
from dangjian.core.viewsets import ScopedViewSet
from dangjian.orgs.models import Organization

from ..models import CampaignEntry, CampaignKind, CampaignStep, CreationCampaign
from ..services import campaigns


class CreationCampaignSerializer(serializers.ModelSerializer):
    organiser_name = serializers.CharField(source="organiser.name", read_only=True)

    class Meta:
        model = CreationCampaign
        fields = ["id", "name", "kind", "year", "dimensions", "organiser", "organiser_name",
                  "participants", "basis"]
        read_only_fields = fields


class CreationCampaignCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(CampaignKind.choices)
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1])
    organiser = ScopedId(Organization)
    participants = ScopedId(Organization, many=True)
    dimensions = serializers.ListField(child=serializers.CharField(max_length=20),
                                       required=False, max_length=20)
    basis = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CampaignStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignStep
        fields = ["stage", "passed", "on", "actor", "comment"]
        read_only_fields = fields


class CampaignEntrySerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    steps = CampaignStepSerializer(many=True, read_only=True)

    class Meta:
        model = CampaignEntry
        fields = ["id", "campaign", "organization", "organization_name", "dimension", "stage",
                  "steps"]
        read_only_fields = fields


class CampaignEntryCreateSerializer(serializers.Serializer):
    campaign = ScopedId(CreationCampaign)
    organization = ScopedId(Organization)
    dimension = serializers.CharField(max_length=20)
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CampaignAdvanceSerializer(serializers.Serializer):
    decision = serializers.ChoiceField([("pass", "通过"), ("fail", "未通过")])
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CampaignViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """创建活动 (五面红旗, 森林管护区, …): launched by the county for its villages."""

    serializer_class = CreationCampaignSerializer
    base_queryset = CreationCampaign.objects.select_related("organiser").prefetch_related(
        "participants")

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().distinct()  # seen through any participating village

    @extend_schema(request=CreationCampaignCreateSerializer,
                   responses={201: CreationCampaignSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(CreationCampaignCreateSerializer)
        return self.created(campaigns.campaign_create(actor=actor_of(request), **values))


class EntryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """创建申报: one village × one dimension, 申报 → 自评 → 乡镇初验 → 县验收 → 命名 | 未通过."""

    serializer_class = CampaignEntrySerializer
    base_queryset = CampaignEntry.objects.select_related("organization").prefetch_related(
        "steps")
    filterset_fields = ["campaign", "stage"]

    def _answer(self, entry: CampaignEntry, code: int = status.HTTP_200_OK) -> Response:
        entry = self.get_queryset().get(pk=entry.pk)
        return Response(CampaignEntrySerializer(entry).data, status=code)

    @extend_schema(request=CampaignEntryCreateSerializer, responses={201: CampaignEntrySerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(CampaignEntryCreateSerializer)
        entry = campaigns.entry_declare(actor=actor_of(request), **values)
        return self._answer(entry, status.HTTP_201_CREATED)

    @extend_schema(request=CampaignAdvanceSerializer, responses=CampaignEntrySerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request: Request, pk: str | None = None) -> Response:
        """The next step passed, or ``fail`` (未通过, ``comment`` the reason)."""
        entry = self.get_object()
        values = self.validated(CampaignAdvanceSerializer)
        return self._answer(campaigns.entry_advance(actor=actor_of(request), entry=entry,
                                                    **values))
