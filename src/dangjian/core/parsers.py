"""The API's request body parsers: bounded JSON and multipart, refusing in Chinese.

Every API view, the token endpoint before sign-in included, parses with these
(``REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]``). The body's size is capped by Django
(``DATA_UPLOAD_MAX_MEMORY_SIZE``, answered 413 by ``dangjian.core.api``); here JSON is refused when
it nests deeper than any request of the platform needs (Python's decoder recurses once a
level, so a few thousand levels were a RecursionError: a 500), and when a number is too large
to be one (``1e309`` decodes to infinity, which no field can take).
"""

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http.multipartparser import MultiPartParserError
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 20  # the deepest request body the API takes nests 3 levels
# A string (with its escapes) is one token, so brackets inside strings are not counted.
JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
NOT_JSON = "请求内容不是有效的 JSON"


def json_depth_exceeds(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``text`` opens more than ``limit`` arrays or objects inside each other."""
    depth = 0
    for token in JSON_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return True
        elif bracket in "]}":
            depth -= 1
    return False


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ParseError(f"{NOT_JSON}：数值 {text[:40]} 超出范围")
    return number


def _no_constant(name: str) -> None:
    raise ParseError(f"{NOT_JSON}：不接受 {name}")


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: Mapping[str, Any] | None = None) -> Any:
        encoding = (parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET
        try:
            text = stream.read().decode(encoding)
        except UnicodeDecodeError as error:
            raise ParseError(f"{NOT_JSON}：字符编码应为 {encoding}") from error
        if json_depth_exceeds(text):
            raise ParseError(f"{NOT_JSON}：嵌套超过 {MAX_JSON_DEPTH} 层，已拒绝")
        try:
            return json.loads(text, parse_float=_finite, parse_constant=_no_constant)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"{NOT_JSON}：{_where(error)}") from error


def _where(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"第 {error.lineno} 行第 {error.colno} 列有误"
    return "格式有误"


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: Mapping[str, Any] | None = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except ParseError as error:
            if isinstance(error.__context__, MultiPartParserError):
                raise ParseError("上传的表单格式有误，无法读取") from error
            raise


FormParser = parsers.FormParser  # Django's own limits apply (DATA_UPLOAD_MAX_*); Chinese in api
