"""The person picker's type-ahead: scoped, by name or pinyin, optionally within an
organisation's subtree, at most 20 rows."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access.scoping import restrict
from dangjian.core.pickers import PICKER_LIMIT, PickerQuery, PickerResult, matching
from dangjian.core.scoped_ids import OUT_OF_SCOPE
from dangjian.orgs.models import Organization
from dangjian.people.leaders import persons_reaching
from dangjian.people.models import Person


class PersonPicker(APIView):
    """选择人员：姓名片段、拼音首字母或全拼前缀查找，可限定组织（或按 reaching 找授课人），
    最多返回20人。"""

    @extend_schema(parameters=[PickerQuery], responses=PickerResult(many=True))
    def get(self, request: Request) -> Response:
        query = PickerQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = restrict(Person.objects.all(), request.user)
        if "reaching" in query.validated_data:  # a 党课's lecturer: see people.leaders
            at = restrict(Organization.objects.all(), request.user).filter(
                pk=query.validated_data["reaching"]).first()
            if at is None:
                raise ValidationError({"reaching": OUT_OF_SCOPE})
            rows = persons_reaching(at, timezone.localdate())
        if "organization" in query.validated_data:
            org = restrict(Organization.objects.all(), request.user).filter(
                pk=query.validated_data["organization"]).first()
            if org is None:
                raise ValidationError({"organization": OUT_OF_SCOPE})
            rows = rows.filter(organization__path__startswith=org.path)
        if query.validated_data.get("party_status"):
            rows = rows.filter(party_status__in=query.validated_data["party_status"])
        rows = matching(rows, query.validated_data["q"]).select_related("organization")
        return Response([{"id": p.pk, "label": p.name, "detail": p.organization.name}
                         for p in rows.order_by("name", "id")[:PICKER_LIMIT]])
