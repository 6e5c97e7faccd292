"""Answers while a part of the platform is down: a clear 503 instead of a 500 page.

A database outage (PostgreSQL restarted, network gone) surfaces as ``OperationalError`` or
``InterfaceError`` anywhere in a request, middleware included, so it is caught where Django
turns every uncaught exception into a response: the 500 handler. Nothing here touches the
database or renders a template that might (the context processors read the user).
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from dangjian.core.api import is_api_request

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = "数据库暂时无法连接，系统正在恢复，请稍后重试；已保存的数据不会丢失"
DATABASE_BUSY = "数据库繁忙，请稍后重试；请先刷新查看本次操作是否已生效，再决定是否重新提交"
SERVER_ERROR = "系统内部错误，已记录；请稍后重试，如仍出现请联系系统管理员"
PAGE = ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}"
        "</title></head><body><h1>{title}</h1><p>{message}</p></body></html>")


# SQLSTATE classes of a database that is away or overloaded for a while (PostgreSQL appendix
# A): 08 connection exception, 57 operator intervention (shutting down, starting up), 53
# insufficient resources (too many connections). Class 40 (deadlock, serialisation failure)
# is a clash of two writers: the same answer, with its own message, for the client to retry.
DOWN_CLASSES = {"08", "57", "53"}
RETRY_CLASSES = {"40"}


def unavailability(error: BaseException | None) -> str | None:
    """The 503 message for an error that says "the database is not there right now", or None
    for anything else (bad SQL, bad data: those stay 500 and are fixed in code)."""
    if isinstance(error, InterfaceError):  # the connection object itself is gone
        return DATABASE_DOWN
    if not isinstance(error, OperationalError):
        return None
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate == "57014":  # query_canceled: a statement timeout, the query is to blame
        return None
    if sqlstate:
        return (DATABASE_DOWN if sqlstate[:2] in DOWN_CLASSES
                else DATABASE_BUSY if sqlstate[:2] in RETRY_CLASSES else None)
    message = str(error).lower()
    if "locked" in message or "busy" in message:  # SQLite: another writer holds the file
        return DATABASE_BUSY
    if type(cause).__module__.startswith("sqlite3") and "unable to open" not in message:
        return None  # SQLite: "no such table" and the like are errors of code, not outages
    return DATABASE_DOWN  # PostgreSQL without a SQLSTATE: the connection failed or was cut


def _answer(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if is_api_request(request):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(PAGE.format(title=title, message=message), status=status,
                                content_type="text/html; charset=utf-8")
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: called inside Django's except block, so the error is still at hand."""
    message = unavailability(sys.exc_info()[1])
    if message:
        return _answer(request, 503, "服务暂时不可用", message)
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
