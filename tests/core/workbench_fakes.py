"""Test-only to-do providers: the workbench asks these instead of the apps' ``todos.py``."""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps

from dangjian.core import workbench

Provider = Callable[[Any], list[workbench.Todo]]


def use_providers(monkeypatch: pytest.MonkeyPatch, by_app: dict[str, Provider]) -> None:
    """Replace every app's ``todos.py`` by ``by_app`` (app label → ``todos(user)``)."""
    found = [(apps.get_app_config(label), SimpleNamespace(todos=todos))
             for label, todos in by_app.items()]
    monkeypatch.setattr(workbench, "providers", lambda: found)
