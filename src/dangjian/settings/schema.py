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
