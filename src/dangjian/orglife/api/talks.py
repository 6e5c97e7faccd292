"""谈心谈话 (``/api/v1/heart-talks/``) and 民主生活会 (``/api/v1/life-meetings/``): thin views
over ``orglife.services.talks`` and ``orglife.services.lifemeetings``, scoped by
``access.scoping``. A talk's summary is blanked (``summary_visible: false``) for everyone but
the two persons and the organisation's secretary."""

from typing import Any

from django.http import Http404, HttpResponse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.files.checks import DOCX, attachment
from dangjian.core.inputs import DateField
from dangjian.core.scoped_ids import ScopedId
from dangjian.core.viewsets import ScopedViewSet
from dangjian.orglife import selectors
from dangjian.orglife.documents import life_meeting_docx
from dangjian.orglife.filtersets import HeartTalkFilterSet, LifeMeetingFilterSet
from dangjian.orglife.models import HeartTalk, LifeMeeting, RectificationItem, TalkKind
from dangjian.orglife.services import lifemeetings as lm
from dangjian.orglife.services.talks import coverage, may_read_summary, talk_create, talk_update
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

# ---- serializers ---------------------------------------------------------------------------


class HeartTalkSerializer(serializers.ModelSerializer):
    """A talk as read; ``summary`` is empty unless the reader may see it."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    talker_name = serializers.CharField(source="talker.name", read_only=True)
    talkee_name = serializers.CharField(source="talkee.name", read_only=True)
    summary = serializers.SerializerMethodField()
    summary_visible = serializers.SerializerMethodField()

    class Meta:
        model = HeartTalk
        fields = ["id", "organization", "organization_name", "year", "talker", "talker_name",
                  "talkee", "talkee_name", "kind", "held_on", "summary", "summary_visible",
                  "life_meeting", "created_at"]

    def _visible(self, talk: HeartTalk) -> bool:
        request = self.context.get("request")
        return request is not None and may_read_summary(request.user, talk)

    def get_summary(self, talk: HeartTalk) -> str:
        return talk.summary if self._visible(talk) else ""

    def get_summary_visible(self, talk: HeartTalk) -> bool:
        return self._visible(talk)


class HeartTalkCreateSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    talker = ScopedId(Person)
    talkee = ScopedId(Person)
    kind = serializers.ChoiceField(choices=TalkKind.choices)
    held_on = DateField(label="谈话日期")
    summary = serializers.CharField(required=False, default="", allow_blank=True,
                                    max_length=5000)


class HeartTalkUpdateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TalkKind.choices, required=False)
    held_on = DateField(label="谈话日期", required=False)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class HeartTalkCoverageQuerySerializer(serializers.Serializer):
    organization = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    year = serializers.IntegerField(min_value=2000, max_value=2100)


class HeartTalkCoverageLineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    expected = serializers.CharField()
    met = serializers.BooleanField()
    persons = serializers.ListField(child=serializers.IntegerField())


class HeartTalkCoverageSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization.pk")
    organization_name = serializers.CharField(source="organization.name")
    year = serializers.IntegerField()
    rule = serializers.CharField(source="rule.text")
    citation = serializers.CharField(source="rule.citation")
    status = serializers.CharField(source="rule.status")
    expected_count = serializers.SerializerMethodField()
    met_count = serializers.IntegerField()
    lines = HeartTalkCoverageLineSerializer(many=True)
    missing = HeartTalkCoverageLineSerializer(many=True)

    def get_expected_count(self, report: Any) -> int:
        return len(report.lines)


class RectificationItemSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)

    class Meta:
        model = RectificationItem
        fields = ["number", "problem", "category", "severity", "measure", "owner", "owner_name",
                  "due_on", "criterion", "finding_id"]


class LifeMeetingSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    talks: serializers.PrimaryKeyRelatedField[HeartTalk] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True)
    items = RectificationItemSerializer(many=True, read_only=True)
    next_step = serializers.SerializerMethodField()

    class Meta:
        model = LifeMeeting
        fields = ["id", "organization", "organization_name", "year", "topic", "stage",
                  "next_step", "planned_on", "plan", "opinions_on", "opinions_count",
                  "opinions", "talks_on", "talks", "materials_on", "materials", "meeting",
                  "rectified_on", "items", "reported_on", "reported_to", "report_number",
                  "version", "created_at"]

    def get_next_step(self, meeting: LifeMeeting) -> str | None:
        return lm.next_step(meeting)


class LifeMeetingCreateSerializer(serializers.Serializer):
    organization = ScopedId(Organization)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    topic = serializers.CharField(max_length=200)
    planned_on = DateField(label="计划召开日期")
    plan = serializers.CharField()


class LifeMeetingStepSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False, allow_null=True, default=None,
                                       min_value=1, max_value=2**31 - 1)


class LifeMeetingOpinionsSerializer(LifeMeetingStepSerializer):
    opinions_on = DateField(label="征求意见日期")
    count = serializers.IntegerField(min_value=0, max_value=10000)
    opinions = serializers.CharField()


class LifeMeetingTalksSerializer(LifeMeetingStepSerializer):
    talks = ScopedId(HeartTalk, many=True, allow_empty=False)


class LifeMeetingMaterialsSerializer(LifeMeetingStepSerializer):
    materials_on = DateField(label="材料形成日期")
    materials = serializers.CharField()


class LifeMeetingAbsenteeSerializer(serializers.Serializer):
    person = ScopedId(Person)
    reason = serializers.CharField(allow_blank=True, default="", max_length=100)


class LifeMeetingHoldSerializer(LifeMeetingStepSerializer):
    held_on = DateField(label="会议日期")
    attendees = ScopedId(Person, many=True, allow_empty=False)
    absentees = LifeMeetingAbsenteeSerializer(many=True, required=False, default=list)
    place = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    minutes = serializers.CharField(required=False, default="", allow_blank=True)


class LifeMeetingItemInSerializer(serializers.Serializer):
    problem = serializers.CharField()
    category = serializers.CharField(max_length=50)
    severity = serializers.CharField(max_length=20)
    measure = serializers.CharField()
    owner = ScopedId(Person)
    due_on = DateField(label="完成时限")
    criterion = serializers.CharField(max_length=200)


class LifeMeetingRectifySerializer(LifeMeetingStepSerializer):
    items = serializers.ListField(child=LifeMeetingItemInSerializer(), allow_empty=False,
                                  max_length=lm.MAX_ITEMS)
    rectified_on = DateField(label="整改清单形成日期", required=False, allow_null=True,
                             default=None)


class LifeMeetingReportSerializer(LifeMeetingStepSerializer):
    reported_on = DateField(label="报告日期")
    reported_to = serializers.CharField(max_length=100)
    number = serializers.CharField(max_length=50)


# ---- views ---------------------------------------------------------------------------------


class HeartTalkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """谈心谈话: list, record, correct (kind, date, summary), the yearly coverage of a branch."""

    serializer_class = HeartTalkSerializer
    base_queryset = HeartTalk.objects.select_related("organization", "talker", "talkee")
    filterset_class = HeartTalkFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=HeartTalkCreateSerializer, responses=HeartTalkSerializer)
    def create(self, request: Request) -> Response:
        data = self.validated(HeartTalkCreateSerializer)
        talk = talk_create(actor=actor_of(request), **data)
        return self.created(talk)

    @extend_schema(request=HeartTalkUpdateSerializer, responses=HeartTalkSerializer)
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(HeartTalkUpdateSerializer, partial=True)
        talk = talk_update(actor=actor_of(request), talk=self.get_object(), **data)
        return Response(self.get_serializer(talk).data)

    @extend_schema(parameters=[OpenApiParameter("organization", int, required=True),
                               OpenApiParameter("year", int, required=True)],
                   responses={200: HeartTalkCoverageSerializer,
                              404: OpenApiResponse(description="该党支部不存在，或不在您的范围内")})
    @action(detail=False, methods=["get"])
    def coverage(self, request: Request) -> Response:
        """The yearly coverage of a branch: the pairs the 条例 expects, met and missing."""
        query = HeartTalkCoverageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        branch = selectors.scoped_organization(request.user, query.validated_data["organization"])
        if branch is None:
            raise Http404
        report = coverage(organization=branch, year=query.validated_data["year"])
        return Response(HeartTalkCoverageSerializer(report).data)


STEP_SERIALIZERS: dict[str, type[LifeMeetingStepSerializer]] = {
    "opinions": LifeMeetingOpinionsSerializer, "talks": LifeMeetingTalksSerializer,
    "materials": LifeMeetingMaterialsSerializer, "hold": LifeMeetingHoldSerializer,
    "rectify": LifeMeetingRectifySerializer, "report": LifeMeetingReportSerializer,
}


class LifeMeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """民主生活会 of leading groups: the plan, then one action per stage, and the report."""

    serializer_class = LifeMeetingSerializer
    base_queryset = LifeMeeting.objects.select_related("organization").prefetch_related(
        "talks", "items__owner")
    filterset_class = LifeMeetingFilterSet

    @extend_schema(request=LifeMeetingCreateSerializer, responses=LifeMeetingSerializer)
    def create(self, request: Request) -> Response:
        data = self.validated(LifeMeetingCreateSerializer)
        meeting = lm.life_meeting_create(actor=actor_of(request), **data)
        return self.created(self.get_queryset().get(pk=meeting.pk))

    def _step(self, step: str) -> Response:
        data = self.validated(STEP_SERIALIZERS[step])
        service = getattr(lm, f"life_meeting_{step}")
        if step == "hold":
            data["absentees"] = [(a["person"], a["reason"]) for a in data["absentees"]]
            data["attendees"] = list(dict.fromkeys(data["attendees"]))
        meeting = service(actor=actor_of(self.request), meeting=self.get_object(), **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=meeting.pk)).data,
                        status=status.HTTP_200_OK)

    @extend_schema(request=LifeMeetingOpinionsSerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def opinions(self, request: Request, pk: str | None = None) -> Response:
        """征求意见."""
        return self._step("opinions")

    @extend_schema(request=LifeMeetingTalksSerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def talks(self, request: Request, pk: str | None = None) -> Response:
        """谈心谈话: the 民主生活会前 talks taken in."""
        return self._step("talks")

    @extend_schema(request=LifeMeetingMaterialsSerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def materials(self, request: Request, pk: str | None = None) -> Response:
        """对照检查材料."""
        return self._step("materials")

    @extend_schema(request=LifeMeetingHoldSerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def hold(self, request: Request, pk: str | None = None) -> Response:
        """召开会议 (recorded as the group's 民主生活会 meeting)."""
        return self._step("hold")

    @extend_schema(request=LifeMeetingRectifySerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def rectify(self, request: Request, pk: str | None = None) -> Response:
        """整改清单: each item becomes a finding (民主生活会查摆) with its measure."""
        return self._step("rectify")

    @extend_schema(request=LifeMeetingReportSerializer, responses=LifeMeetingSerializer)
    @action(detail=True, methods=["post"])
    def report(self, request: Request, pk: str | None = None) -> Response:
        """向上级报告."""
        return self._step("report")

    @extend_schema(request=None, responses={(200, DOCX): bytes})
    @action(detail=True, methods=["get"], url_path="report.docx")
    def report_document(self, request: Request, pk: str | None = None) -> HttpResponse:
        """The report to the higher level as a GB/T 9704-2012 Word file."""
        meeting = self.get_object()
        return attachment(life_meeting_docx(meeting), DOCX,
                          f"{meeting.organization.name}{meeting.year}年度民主生活会情况报告.docx")
