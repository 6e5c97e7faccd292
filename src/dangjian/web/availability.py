"""Answers while a part of the platform is down: a clear 503 instead of a 500 page.

A database outage (PostgreSQL restarted, network gone) surfaces as ``OperationalError`` or
``InterfaceError`` anywhere in a request, middleware included, so it is caught where Django
turns every uncaught exception into a response: the 500 handler. Nothing here touches the
database or renders a template that might (the context processors read the user).
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = "数据库暂时无法连接，系统正在恢复，请稍后重试；已保存的数据不会丢失"
SERVER_ERROR = "系统内部错误，已记录；请稍后重试，如仍出现请联系系统管理员"
PAGE = ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}"
        "</title></head><body><h1>{title}</h1><p>{message}</p></body></html>")


def database_is_down(error: BaseException | None) -> bool:
    """True for the errors a lost or refused connection raises, not for bad SQL or data."""
    return isinstance(error, OperationalError | InterfaceError)


def _answer(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(PAGE.format(title=title, message=message), status=status,
                                content_type="text/html; charset=utf-8")
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: called inside Django's except block, so the error is still at hand."""
    if database_is_down(sys.exc_info()[1]):
        return _answer(request, 503, "服务暂时不可用", DATABASE_DOWN)
    return _answer(request, 500, "系统错误", SERVER_ERROR)


def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 while the database answers, 503 while it does not.

    The broker (Redis) is not asked: pages and the API never need it, only the daily jobs do,
    and a web node taken out of rotation for it would turn a late reminder into an outage.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down",
                             "detail": DATABASE_DOWN}, status=503,
                            headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return JsonResponse({"status": "ok", "database": "ok"})
