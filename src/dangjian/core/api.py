"""What every API view shares: Chinese error bodies and the scoped queryset."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found
from django.views.defaults import permission_denied as page_permission_denied
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from dangjian.core.errors import Conflict

NOT_FOUND = "未找到该记录，或它不在您的查看范围内"
FORBIDDEN = "您没有执行该操作的权限"


def _validation_body(exc: DjangoValidationError) -> dict[str, Any]:
    if hasattr(exc, "error_dict"):
        errors = {name: [str(m) for m in msgs] for name, msgs in exc.message_dict.items()}
        first = next(iter(errors.values()))[0]
    else:
        errors = {"non_field_errors": exc.messages}
        first = exc.messages[0]
    return {"detail": first, "errors": errors}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Service-layer Django exceptions become API answers with a clear Chinese message."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        return Response({"detail": f"请求内容过大：不能超过 {limit:g} MB"},
                        status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return Response({"detail": "请求中的字段或文件过多"}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, exceptions.APIException):
        _in_chinese(exc)
    if isinstance(exc, DjangoValidationError):
        return Response(_validation_body(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Conflict):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or "您没有执行该操作的权限")
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        errors = response.data
        response.data = {"detail": _first_message(errors), "errors": errors}
    return response


# Messages DRF writes in English whatever the language: (start of the text, Chinese).
ENGLISH_MESSAGES = (
    ("CSRF Failed", "CSRF 校验失败：请刷新页面后重新提交（使用接口令牌的请求无需 CSRF）"),
    ("No data provided", "未提交任何数据"),
    ("JSON parse error", "请求内容不是有效的 JSON"),
    ("Multipart form parse error", "上传的表单格式有误，无法读取"),
)


def _in_chinese(exc: exceptions.APIException) -> None:
    """Replace the English texts of ``ENGLISH_MESSAGES`` in ``exc.detail``, in place."""
    exc.detail = _translated(exc.detail)


def _translated(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {key: _translated(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_translated(value) for value in detail]
    for english, chinese in ENGLISH_MESSAGES:
        if isinstance(detail, str) and detail.startswith(english):
            return exceptions.ErrorDetail(chinese, code=getattr(detail, "code", None))
    return detail


def is_api_request(request: HttpRequest) -> bool:
    """Whether the request is for the API, which answers JSON even where Django would not."""
    return request.path_info.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler404``: a URL no API route matches (``/api/v1/tasks/0.35/``) answers in JSON,
    as the API's own 404s do; pages keep Django's."""
    if is_api_request(request):
        return JsonResponse({"detail": NOT_FOUND}, status=404)
    return page_not_found(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler403``: a refusal outside DRF's views (middleware, a plain view under
    ``/api/``) answers the API in JSON; pages keep the Chinese ``403.html``."""
    if is_api_request(request):
        message = str(exception)
        chinese = any("\u4e00" <= char <= "\u9fff" for char in message)
        return JsonResponse({"detail": message if chinese else FORBIDDEN}, status=403)
    return page_permission_denied(request, exception)


def _first_message(errors: Any) -> str:
    while isinstance(errors, dict | list) and errors:
        errors = next(iter(errors.values())) if isinstance(errors, dict) else errors[0]
    return str(errors) if errors else "输入有误"


class Pagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most 500) on every list."""

    page_size_query_param = "page_size"
    max_page_size = 500

