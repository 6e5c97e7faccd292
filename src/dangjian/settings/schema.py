"""Hooks of the OpenAPI schema generator (SPECTACULAR_SETTINGS), kept beside the settings."""

from collections.abc import Iterator, Mapping
from typing import Any

Endpoint = tuple[str, str, str, Any]  # path, path regex, method, view


def drop_slash_aliases(endpoints: list[Endpoint], **kwargs: Any) -> list[Endpoint]:
    """Leave out ``…/x/`` where the contract names ``…/x`` (e.g. ``document.docx``).

    A router action and an explicit slash-less route serve the same view; listing both gives
    two operations with one id, which the deployment check reports as a warning.
    """
    slashless = {(path, method) for path, _, method, _ in endpoints if not path.endswith("/")}
    return [
        endpoint for endpoint in endpoints
        if not (endpoint[0].endswith("/") and (endpoint[0][:-1], endpoint[2]) in slashless)
    ]


class ChoiceNames(Mapping[str, Any]):
    """ENUM_NAME_OVERRIDES that name every choice set after its ``models.Choices`` class.

    Without it drf-spectacular names enums after field names (``kind``, ``status``) and warns,
    in the deployment check, whenever two apps use one field name for different choices; a
    hand-kept list would break with every new app. Read lazily: the classes are known only
    once the models and serializers are imported, which schema generation has done.
    """

    def _names(self) -> dict[str, Any]:
        from django.db.models import Choices

        names: dict[str, Any] = {}
        seen: set[tuple[tuple[str, str], ...]] = set()
        for cls in _subclasses(Choices):
            if not cls.__module__.startswith("dangjian.") or not cls.choices:
                continue
            values = tuple(sorted((str(v), str(label)) for v, label in cls.choices))
            if values in seen:  # one name per choice set
                continue
            seen.add(values)
            name = cls.__qualname__.replace(".", "") + "Enum"
            if name in names:  # two apps chose the same class name: prefix the app
                name = cls.__module__.split(".")[1].capitalize() + name
            names[name] = cls
        return names

    def __getitem__(self, key: str) -> Any:
        return self._names()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def _subclasses(cls: Any) -> Iterator[Any]:
    sub: Any
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


ERROR_BODY = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "中文说明"},
        "errors": {"description": "各字段的错误信息（输入有误时）",
                   "oneOf": [{"type": "object"}, {"type": "array"}]},
    },
    "required": ["detail"],
}
ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_DESCRIPTIONS = {
    "400": "输入有误，或当前状态不允许该操作；未做任何更改",
    "401": "未登录，或接口令牌无效、已过期",
    "403": "无权执行该操作",
    "404": "未找到该记录（或它不在您的查看范围内），或页码超出范围",
    "409": "记录已被他人修改（version 不符），请刷新后重试",
    "415": "请求体的媒体类型不受支持",
}


def document_error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Declare the refusals dangjian.core.api.exception_handler gives, in its one body shape.

    drf-spectacular documents only the success status; a client (and the fuzzer in
    tests/fuzz) must also know which refusals an operation can give. A status a view declares
    keeps its body, or gets the standard one if it declared none; a declared 400 also admits
    the standard body, because the request serializer runs before the view's own refusal.
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_BODY
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            declared = [code for code in responses if code.isdecimal() and int(code) >= 400]
            for status in {*_error_statuses(method, operation, schemas), *declared}:
                _add_error_response(responses, status)
    return result


def _error_statuses(method: str, operation: dict[str, Any], schemas: dict[str, Any]) -> list[str]:
    parameters = operation.get("parameters", [])
    statuses = []
    query = [p for p in parameters if p["in"] == "query"]
    if operation.get("requestBody") or query or method != "get":
        statuses.append("400")  # bad input, or a transition the current state forbids
    if {} not in operation.get("security", [{}]):
        statuses += ["401", "403"]  # signed-in users only; roles and scope may refuse
    if any(p["in"] == "path" or p["name"] == "page" for p in parameters):
        statuses.append("404")  # an id out of scope, or a page past the end
    version = _body_properties(operation, schemas).get("version")
    if version and not version.get("readOnly"):
        statuses.append("409")  # optimistic locking: the client sent a stale version
    if operation.get("requestBody"):
        statuses.append("415")  # a body in a media type no parser of the view reads
    return statuses


def _body_properties(operation: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    for media in operation.get("requestBody", {}).get("content", {}).values():
        ref = media.get("schema", {}).get("$ref", "")
        return dict(schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}))
    return {}


def _add_error_response(responses: dict[str, Any], status: str) -> None:
    declared = responses.setdefault(status, {"description": ERROR_DESCRIPTIONS.get(status, "")})
    content = declared.setdefault("content", {"application/json": {"schema": ERROR_REF}})
    media = content.get("application/json")
    if status == "400" and media and media.get("schema") != ERROR_REF:
        media["schema"] = {"anyOf": [media["schema"], ERROR_REF]}
