"""Statuses are named through their enums only (issue 11): no status value is written out as a
literal where code or a template compares against it or sets it, so renaming a status or its
label can never leave a stale copy behind."""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.db import models

SRC = Path(__file__).resolve().parents[2] / "src" / "dangjian"
STATUS_FIELDS = ("status", "state", "stage")


def status_values() -> set[str]:
    """Every value of a status-like field's choices, across the platform's models."""
    values: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("dangjian."):
            continue
        for field in model._meta.get_fields():
            if field.name in STATUS_FIELDS and getattr(field, "choices", None):
                values |= {str(value) for value, _ in field.choices}
    return values


def _statusy(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return any(word in name for word in STATUS_FIELDS)


def _literals(node: ast.AST, values: set[str]) -> list[str]:
    found = [n.value for n in ast.walk(node)
             if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in values]
    return found


def python_uses(path: Path, values: set[str]) -> list[str]:
    """Comparisons of a status attribute with a literal, and status keyword arguments given
    one (``filter(status="已销号")``, ``status__in=[...]``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
                _statusy(side) for side in (node.left, *node.comparators)):
            found += [f"{path}:{node.lineno}: {value}" for value in _literals(node, values)]
        elif isinstance(node, ast.keyword) and node.arg and node.arg.split("__")[0] in \
                STATUS_FIELDS:
            found += [f"{path}:{node.value.lineno}: {value}"
                      for value in _literals(node.value, values)]
    return found


def template_uses(path: Path, values: set[str]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    quoted = "|".join(re.escape(value) for value in sorted(values))
    pattern = re.compile(
        rf"(status|state|stage)\w*\s*(==|!=|in)\s*[\"']({quoted})[\"']"
        rf"|[\"']({quoted})[\"']\s*(==|!=)\s*\w*(status|state|stage)"
        rf"|get_item:[\"']({quoted})[\"']")
    return [f"{path}:{text[:match.start()].count(chr(10)) + 1}: {match.group(0)}"
            for match in pattern.finditer(text)]


def test_the_scan_knows_the_statuses() -> None:
    values = status_values()
    assert {"已销号", "待核查", "草稿", "已完成"} <= values


def test_the_scan_finds_a_literal_it_is_shown() -> None:
    values = status_values()
    sample = ast.parse('qs.filter(status="已销号")\nif m.status == "待核查": pass\n')
    path = SRC / "sample.py"
    found = []
    for node in ast.walk(sample):
        if isinstance(node, ast.Compare) and _statusy(node.left):
            found += _literals(node, values)
        elif isinstance(node, ast.keyword) and node.arg == "status":
            found += _literals(node.value, values)
    assert found == ["已销号", "待核查"] or sorted(found) == ["已销号", "待核查"]
    assert path.suffix == ".py"


def test_no_status_literal_in_code_or_templates() -> None:
    values = status_values()
    found: list[str] = []
    for path in SRC.rglob("*.py"):
        if "migrations" not in path.parts:
            found += python_uses(path, values)
    for path in SRC.rglob("templates/**/*.html"):
        found += template_uses(path, values)
    assert not found, "statuses written out instead of named by their enum:\n" + "\n".join(
        str(line).replace(str(SRC), "src/dangjian") for line in found)


def test_models_are_loaded() -> None:
    assert any(issubclass(m, models.Model) for m in apps.get_models())
