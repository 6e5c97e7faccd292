"""The view set every scoped API endpoint builds on.

Kept out of ``dangjian.core.api``, which DRF's settings import while ``rest_framework.viewsets``
itself is still loading.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from dangjian.access.scoping import restrict
from dangjian.core.burden import api_submission, collecting
from dangjian.core.files.checks import CONTENT_TYPES, OCTET_STREAM
from dangjian.core.files.views import download_response

# The responses of a stored file's download (core.files.views.download_response): each type it
# may be served as, then 404 out of scope and 409 when the file is missing or no longer
# matches its SHA-256 (their body is the standard error, added by settings.schema).
FILE_DOWNLOAD: dict[Any, Any] = {
    **{(200, content_type): OpenApiTypes.BINARY
       for content_type in (*CONTENT_TYPES.values(), OCTET_STREAM)},
    404: OpenApiResponse(description="不存在，或不在您的查看范围内"),
    409: OpenApiResponse(description="文件缺失或与登记的 SHA-256 不符，已记入审计日志"),
}


def download_schema(file_id: str) -> Any:
    """``extend_schema`` of a download action whose path names the file's id ``file_id`` (typed
    here: the generator would look for a model field of that name and find a relation)."""
    return extend_schema(request=None, responses=FILE_DOWNLOAD, parameters=[
        OpenApiParameter(file_id, int, OpenApiParameter.PATH, description="文件的 id")])


WRITES = frozenset({"POST", "PUT", "PATCH"})


class ScopedViewSet(viewsets.GenericViewSet):
    """A view set whose rows all pass through access.scoping (out of scope: 404).

    Subclasses name ``base_queryset``. Ids a client sends in a body (a finding, an
    organisation) are ``dangjian.core.scoped_ids.ScopedId`` fields of the input serializer, which
    ``validated`` runs with the request, so a write can never reach outside the scope.
    """

    base_queryset: QuerySet[Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """Every request; an accepted write (2xx) counts for its clerk's 填报负担
        (``core.burden``): the fields of its body typed, imported cells filled."""
        with collecting() as tally:
            response = super().dispatch(request, *args, **kwargs)
        if self.request.method in WRITES and status.is_success(response.status_code):
            form = f"api:{getattr(self, 'basename', '') or type(self).__name__}."
            form += str(getattr(self, "action", "") or "")
            try:
                data = self.request.data
            except (exceptions.ParseError, exceptions.UnsupportedMediaType):
                data = {}  # a body the view never read, and could not have: no fields
            api_submission(self.request.user, form, data, tally)
        return response

    def get_queryset(self) -> QuerySet[Any]:
        return restrict(self.base_queryset.all(), self.request.user)

    def validated(self, serializer_class: type[serializers.Serializer],
                  partial: bool = False) -> dict[str, Any]:
        """The request body checked by the input serializer ``serializer_class`` (400 with its
        messages if bad), its ids resolved within the user's scope."""
        data = serializer_class(data=self.request.data, partial=partial,
                                context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        return dict(data.validated_data)

    def created(self, obj: Any) -> Response:
        """201 with ``obj`` in the view set's output serializer."""
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)

    def download(self, files: QuerySet[Any], pk: Any) -> HttpResponseBase:
        """One of ``files`` (the evidence of a record ``get_object`` found in scope, so an
        unknown, malformed or out-of-scope id is a 404), served by dangjian.core.files.checks:
        verified, audited."""
        return download_response(evidence=get_object_or_404(files, pk=pk),
                                 actor=self.request.user)
