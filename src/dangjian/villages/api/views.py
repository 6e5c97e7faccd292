"""The villages API: thin views over villages.services, scoped by access.scoping."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access.actor import actor_of
from dangjian.access.predicates import has_business_scope
from dangjian.core.viewsets import ScopedViewSet
from dangjian.people.models import Link

from .. import selectors
from ..filtersets import IncomeFilterSet
from ..models import Income, Target, Village
from ..services import incomes, links, profiles, targets
from . import serializers as s

NO_BUSINESS_DATA = "您的角色不查看业务数据"


class VillageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """村情: one profile per 村/社区; POST creates or replaces it."""

    serializer_class = s.VillageSerializer
    base_queryset = Village.objects.select_related("organization")

    @extend_schema(request=s.VillageSaveSerializer, responses={201: s.VillageSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.VillageSaveSerializer)
        return self.created(profiles.village_save(actor=actor_of(request), **values))


class IncomeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """村集体经济收入: 草稿 → 村已报 → 乡镇审核（通过/退回）→ 县核定（锁定）."""

    serializer_class = s.IncomeSerializer
    filterset_class = IncomeFilterSet
    base_queryset = Income.objects.select_related("organization")

    def _answer(self, income: Income, code: int = status.HTTP_200_OK) -> Response:
        return Response(s.IncomeSerializer(self.get_queryset().get(pk=income.pk)).data,
                        status=code)

    @extend_schema(request=s.IncomeCreateSerializer, responses={201: s.IncomeSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.IncomeCreateSerializer)
        income = incomes.income_create(actor=actor_of(request), **values)
        return self._answer(income, status.HTTP_201_CREATED)

    @extend_schema(request=s.IncomeUpdateSerializer, responses=s.IncomeSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.IncomeUpdateSerializer)
        income = incomes.income_update(actor=actor_of(request), income=self.get_object(),
                                       **values)
        return self._answer(income)

    @extend_schema(request=s.IncomeVersionSerializer, responses=s.IncomeSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        values = self.validated(s.IncomeVersionSerializer)
        income = incomes.income_submit(actor=actor_of(request), income=self.get_object(),
                                       **values)
        return self._answer(income)

    @extend_schema(request=s.IncomeVerifySerializer, responses=s.IncomeSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        """乡镇审核: ``decision`` accept or return (a return needs ``comment``)."""
        income = self.get_object()
        values = self.validated(s.IncomeVerifySerializer)
        income = incomes.income_verify(actor=actor_of(request), income=income, **values)
        return self._answer(income)

    @extend_schema(request=s.IncomeVersionSerializer, responses=s.IncomeSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        values = self.validated(s.IncomeVersionSerializer)
        income = incomes.income_confirm(actor=actor_of(request), income=self.get_object(),
                                        **values)
        return self._answer(income)


class TargetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """村集体经济目标 of a county and year; POST sets (or changes) it."""

    serializer_class = s.TargetSerializer
    base_queryset = Target.objects.all()

    @extend_schema(request=s.TargetSaveSerializer, responses={201: s.TargetSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.TargetSaveSerializer)
        return self.created(targets.target_save(actor=actor_of(request), **values))


class LinkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """包联: a leader → a township or village, with a period (read access for the leader)."""

    serializer_class = s.LinkSerializer
    base_queryset = Link.objects.select_related("leader", "organization")

    @extend_schema(request=s.LinkCreateSerializer, responses={201: s.LinkSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.LinkCreateSerializer)
        return self.created(links.link_create(actor=actor_of(request), **values))

    @extend_schema(request=s.LinkEndSerializer, responses=s.LinkSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        link = self.get_object()
        values = self.validated(s.LinkEndSerializer)
        return Response(self.get_serializer(
            links.link_end(actor=actor_of(request), link=link, **values)).data)


def summary_data(summary: selectors.Summary) -> dict[str, Any]:
    target = summary.target
    return {
        "year": summary.year, "villages": len(summary.rows), "reported": len(summary.reported),
        "measure": summary.measure, "threshold": target.threshold if target else None,
        "shell_line": summary.shell_line, "shell": summary.shell,
        "shell_count": len(summary.shell), "at_or_above": summary.at_or_above,
        "share": summary.share, "target_share": target.target_share if target else None,
        "declined": summary.declined, "growth_met": summary.growth_met,
        "by_township": summary.by_township(),
        "anomalies": [{"id": row.village.pk, "name": row.village.name, "flag": flag}
                      for row, flag in summary.anomalies()],
    }


class SummaryView(APIView):
    """The year's figures over the villages in scope (optionally one township): 空壳村,
    villages at or above the threshold and their share against the target, declines."""

    @extend_schema(parameters=[s.SummaryQuerySerializer], responses=s.SummarySerializer)
    def get(self, request: Request) -> Response:
        if not has_business_scope(request.user):
            raise PermissionDenied(NO_BUSINESS_DATA)
        query = s.SummaryQuerySerializer(data=request.query_params,
                                         context={"request": request})
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year", timezone.localdate().year)
        summary = selectors.summary(request.user, year, query.validated_data.get("township"))
        return Response(s.SummarySerializer(summary_data(summary),
                                            context={"measure": summary.measure}).data)
