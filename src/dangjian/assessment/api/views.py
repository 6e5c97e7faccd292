"""The assessment API: thin views over assessment.services, scoped by the selectors."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.viewsets import ScopedViewSet

from .. import selectors
from ..filtersets import (
    AppealFilterSet,
    IndicatorFilterSet,
    ResultFilterSet,
    SchemeFilterSet,
    ScoreFilterSet,
)
from ..models import Appeal, Indicator, Method, Result, Scheme, Score
from ..services import appeals, schemes, scoring
from . import serializers as s


class SchemeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    mixins.UpdateModelMixin, ScopedViewSet):
    """考核方案: 草稿 → 已发布 → 评分中 → 待审定 → 已公布."""

    serializer_class = s.SchemeSerializer
    base_queryset = Scheme.objects.all()
    filterset_class = SchemeFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.schemes_for(self.request.user)

    def _out(self, scheme: Scheme, code: int = status.HTTP_200_OK) -> Response:
        return Response(s.SchemeSerializer(Scheme.objects.get(pk=scheme.pk)).data, status=code)

    @extend_schema(request=s.SchemeInSerializer, responses={201: s.SchemeSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.SchemeInSerializer)
        return self._out(schemes.create_scheme(actor_of(request), **data),
                         status.HTTP_201_CREATED)

    @extend_schema(request=s.SchemeUpdateSerializer, responses=s.SchemeSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        scheme = self.get_object()
        data = self.validated(s.SchemeUpdateSerializer, partial=True)
        return self._out(schemes.update_scheme(actor_of(request), scheme, **data))

    @extend_schema(request=None, responses=s.SchemeSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        return self._out(schemes.publish(actor_of(request), self.get_object()))

    @extend_schema(request=None, responses=s.SchemeSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """考核管理员审核 (results frozen), then 县领导审定 (another person)."""
        return self._out(schemes.approve(actor_of(request), self.get_object()))

    @extend_schema(request=None, responses=s.SchemeSerializer)
    @action(detail=True, methods=["post"])
    def release(self, request: Request, pk: str | None = None) -> Response:
        return self._out(schemes.release(actor_of(request), self.get_object()))


class IndicatorViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       mixins.CreateModelMixin, mixins.UpdateModelMixin,
                       mixins.DestroyModelMixin, ScopedViewSet):
    """考核指标 of the schemes the user sees."""

    serializer_class = s.IndicatorSerializer
    base_queryset = Indicator.objects.all()
    filterset_class = IndicatorFilterSet
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Any]:
        return Indicator.objects.filter(
            scheme__in=selectors.schemes_for(self.request.user)).select_related("scheme")

    @extend_schema(request=s.IndicatorInSerializer, responses={201: s.IndicatorSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.IndicatorInSerializer)
        scheme = data.pop("scheme")
        return self.created(schemes.add_indicator(actor_of(request), scheme, **data))

    @extend_schema(request=s.IndicatorUpdateSerializer, responses=s.IndicatorSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        indicator = self.get_object()
        data = self.validated(s.IndicatorUpdateSerializer, partial=True)
        updated = schemes.update_indicator(actor_of(request), indicator, **data)
        return Response(s.IndicatorSerializer(updated).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        schemes.remove_indicator(actor_of(request), self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ScoreViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                   ScopedViewSet):
    """考核得分 (``?scheme=&target=``); POST enters a MANUAL, BONUS or 民主测评 score."""

    serializer_class = s.ScoreSerializer
    base_queryset = Score.objects.select_related("indicator", "organization")
    filterset_class = ScoreFilterSet

    @extend_schema(request=s.ScoreInSerializer, responses={201: s.ScoreSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.ScoreInSerializer)
        indicator, actor = data["indicator"], actor_of(request)
        where = {"organization": data["organization"], "period": data["period"],
                 "person": data["person"]}
        if indicator.method == Method.EVALUATION:
            if "counts" not in data:
                raise ValidationError(
                    {"counts": "民主测评请填写满意、比较满意、基本满意、不满意票数"})
            score = scoring.enter_evaluation(actor, indicator, counts=data["counts"], **where)
        elif indicator.method in (Method.MANUAL, Method.BONUS):
            if data["points"] is None:
                raise ValidationError({"points": "请填写得分"})
            enter = scoring.enter_manual if indicator.method == Method.MANUAL \
                else scoring.enter_bonus
            score = enter(actor, indicator, points=data["points"],
                          basis_text=data["basis_text"], **where)
        else:
            raise ValidationError(
                {"indicator": "系统计算和扣分指标的得分由平台每日计算，不能手工录入"})
        return self.created(self.base_queryset.get(pk=score.pk))


class AppealViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    ScopedViewSet):
    """复核: 提出 → 受理 → 维持 | 调整."""

    serializer_class = s.AppealSerializer
    base_queryset = Appeal.objects.select_related("score__indicator")
    filterset_class = AppealFilterSet

    @extend_schema(request=s.AppealInSerializer, responses={201: s.AppealSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.AppealInSerializer)
        return self.created(appeals.raise_appeal(actor_of(request), data["score"],
                                                 reason=data["reason"]))

    @extend_schema(request=None, responses=s.AppealSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        appeal = appeals.accept(actor_of(request), self.get_object())
        return Response(s.AppealSerializer(appeal).data)

    @extend_schema(request=s.AppealDecisionSerializer, responses=s.AppealSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        appeal = self.get_object()
        data = self.validated(s.AppealDecisionSerializer)
        decided = appeals.decide(actor_of(request), appeal, **data)
        return Response(s.AppealSerializer(decided).data)


class ResultViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """考核结果 (frozen at approval): ``?scheme=`` → rows ``{target, total, rank, grade}``."""

    serializer_class = s.ResultSerializer
    base_queryset = Result.objects.all()
    filterset_class = ResultFilterSet

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.results_for(self.request.user).order_by("scheme", "rank", "id")
