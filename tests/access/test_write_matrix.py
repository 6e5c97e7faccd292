"""The write-side matrix: every write endpoint of the schema × every id its request body carries.

The ids come from the request serializers drf-spectacular documents (``get_request_serializer``
of each operation), walked field by field, nested lists included: a new endpoint, or a new id in
a body, is covered without touching this file. Each id must be a ``ScopedId`` (resolved through
``access.scoping``), and is then sent by ``finance_clerk`` (县财政局) once naming an object
outside the clerk's scope and once naming none at all: both must answer the same 400 with the
same Chinese message, and nothing is written. The administrators' own endpoints (accounts and
grants name users and organisations of the whole system by design) are left out by name.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import spectacular_settings
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.access.scoping import restrict
from dangjian.audit.models import AuditEvent
from dangjian.core.inputs import IdField
from dangjian.core.scoped_ids import OUT_OF_SCOPE, ScopedId
from dangjian.tasks.models import Milestone
from tests.access.authorization import API, RESOURCES, Endpoint
from tests.tasks import test_scope as tasks_scope

pytestmark = pytest.mark.django_db

CALLER = "finance_clerk"
ADMIN_RESOURCES = {"users", "grants", "auth"}  # the 三员's own work: system-wide by design
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# Names of the relations of every model: an integer field so named in a body is an id.
RELATION_NAMES = {f.name for model in apps.get_models() for f in model._meta.get_fields()
                  if f.is_relation and not f.auto_created}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    resource: str
    view: Any
    serializers: tuple[type[serializers.Serializer] | serializers.Serializer, ...]

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _request_serializers(view: Any) -> tuple[Any, ...]:
    found = view.schema.get_request_serializer()
    candidates = found.values() if isinstance(found, dict) else [found]
    return tuple(c for c in candidates
                 if isinstance(c, serializers.BaseSerializer)
                 or (isinstance(c, type) and issubclass(c, serializers.BaseSerializer)))


def write_operations() -> list[Operation]:
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    operations = []
    for path, regex, method, view in generator._get_paths_and_endpoints():
        if method not in WRITES or not path.startswith(API):
            continue
        view.request = spectacular_settings.GET_MOCK_REQUEST(method, path, view, None)
        view.schema.method, view.schema.path, view.schema.path_regex = method, path, regex
        resource = Endpoint.of(method, path).resource
        operations.append(Operation(method, path, resource, view, _request_serializers(view)))
    return operations


# --- the ids of a body ------------------------------------------------------------------------

Segment = tuple[str, bool]  # a field name, and whether its value is a list


@dataclass(frozen=True)
class BodyId:
    path: tuple[Segment, ...]
    field: serializers.Field

    @property
    def name(self) -> str:
        return ".".join(name + ("[]" if many else "") for name, many in self.path)

    @property
    def model(self) -> type[Model]:
        relation = self.field.child_relation if isinstance(
            self.field, serializers.ManyRelatedField) else self.field
        return relation.queryset.model  # type: ignore[attr-defined,no-any-return]

    def body(self, pk: int) -> dict[str, Any]:
        """The body naming ``pk`` at this id's place, e.g. {"absentees": [{"person": pk}]}."""
        value: Any = [pk] if isinstance(self.field, serializers.ManyRelatedField) else pk
        for name, many in reversed(self.path):
            value = {name: [value] if many else value}
        return dict(value)

    def errors_at(self, errors: Any) -> Any:
        for name, many in self.path:
            errors = errors.get(name) if isinstance(errors, dict) else None
            if many and isinstance(errors, list):
                errors = errors[0] if errors else None
            elif many and isinstance(errors, dict):  # DRF keys a list's errors by index
                errors = errors.get("0", errors.get(0))  # type: ignore[call-overload]
        return errors


def _fields(serializer: Any, path: tuple[Segment, ...] = ()) -> Iterator[tuple[Any, Any]]:
    instance = serializer() if isinstance(serializer, type) else serializer
    for name, field in instance.fields.items():
        if field.read_only:
            continue
        if isinstance(field, serializers.ListSerializer):
            yield from _fields(field.child, (*path, (name, True)))
        elif isinstance(field, serializers.Serializer):
            yield from _fields(field, (*path, (name, False)))
        else:
            yield (*path, (name, False)), field


def _is_id(name: str, field: Any) -> bool:
    if isinstance(field, serializers.SlugRelatedField):
        return False  # configurable lists by their Chinese name, not ids
    if isinstance(field, serializers.RelatedField | serializers.ManyRelatedField):
        return True
    if isinstance(field, serializers.ListField):
        return _is_id(name, field.child)
    return isinstance(field, IdField) or (
        isinstance(field, serializers.IntegerField) and name in RELATION_NAMES)


def _is_scoped(field: Any) -> bool:
    if isinstance(field, serializers.ManyRelatedField):
        return isinstance(field.child_relation, ScopedId)
    return isinstance(field, ScopedId)


def body_ids(operation: Operation) -> list[BodyId]:
    return [BodyId(path, field) for serializer in operation.serializers
            for path, field in _fields(serializer) if _is_id(path[-1][0], field)]


def business_writes() -> list[Operation]:
    return [op for op in write_operations() if op.resource not in ADMIN_RESOURCES]


# --- tests ------------------------------------------------------------------------------------

def test_every_id_a_request_body_carries_is_resolved_within_the_scope() -> None:
    unscoped = [f"{op} {body_id.name}: {type(body_id.field).__name__}"
                for op in business_writes() for body_id in body_ids(op)
                if not _is_scoped(body_id.field)]
    assert not unscoped, "use dangjian.core.scoped_ids.ScopedId for these ids"


PROBES = [(op, body_id) for op in business_writes() for body_id in body_ids(op)
          if _is_scoped(body_id.field)]


def test_the_matrix_covers_the_ids_of_every_domain() -> None:
    named = {f"{op} {body_id.name}" for op, body_id in PROBES}
    assert len(named) >= 40
    assert {"POST /api/v1/measures/ owner", "PATCH /api/v1/measures/{id}/ owner",
            "POST /api/v1/meetings/ absentees[].person",
            "POST /api/v1/plans/{id}/confirm/ items[].co_units"} <= named


def _outside(model: type[Model], user: User) -> Model | None:
    visible = restrict(model._default_manager.all(), user).values("pk")
    return model._default_manager.exclude(pk__in=visible).order_by("pk").first()


def _make_outside_objects() -> None:
    """The objects of every resource of the authorization matrix (one of each outside the
    clerk's scope, at 县教育局), and a milestone of 县教育局's task."""
    for resource in RESOURCES.values():
        if resource.objects:
            resource.objects()
    Milestone.objects.get_or_create(task=tasks_scope._task("县教育局"), title="节点",
                                    defaults={"due_on": timezone.localdate() + timedelta(30)})


def _path_object(operation: Operation) -> str:
    if "{id}" not in operation.path:
        return operation.path
    inside = RESOURCES[operation.resource].objects()[0]  # type: ignore[misc]
    return operation.path.replace("{id}", str(inside.pk))


def _send(client: APIClient, operation: Operation, path: str, body: dict[str, Any]) -> Any:
    json_ok = any(issubclass(parser, JSONParser) for parser in operation.view.parser_classes)
    with transaction.atomic():
        response = getattr(client, operation.method.lower())(
            path, body if json_ok else _flat(body), format="json" if json_ok else "multipart")
        transaction.set_rollback(True)
    return response


def _flat(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if not isinstance(v, dict)}


@pytest.mark.parametrize(("operation", "body_id"), PROBES,
                         ids=[f"{op}-{body_id.name}" for op, body_id in PROBES])
def test_an_id_outside_the_scope_is_refused_as_a_missing_one(
    operation: Operation, body_id: BodyId, api_as: Any, user: Any,
) -> None:
    caller = user(CALLER)
    client = api_as(CALLER)
    model = body_id.model
    outside = _outside(model, caller)
    if outside is None:
        _make_outside_objects()
        outside = _outside(model, caller)
    assert outside is not None, f"no {model.__name__} outside {CALLER}'s scope"
    missing = (model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
               or 0) + 1000
    path = _path_object(operation)
    events = AuditEvent.objects.count()
    rows = model._default_manager.count()
    answers = [_send(client, operation, path, body_id.body(pk)) for pk in (outside.pk, missing)]
    for response in answers:
        assert response.status_code == 400, (response.status_code, response.content)
        errors = response.json()["errors"]
        assert OUT_OF_SCOPE in json.dumps(body_id.errors_at(errors), ensure_ascii=False), errors
    assert answers[0].json() == answers[1].json()  # no oracle: outside reads as missing
    assert AuditEvent.objects.count() == events and model._default_manager.count() == rows
