"""Issue 11: query values that Python calls digits but int() refuses (superscripts, ²) must
not crash a page: `str.isdigit()` accepts '²', `int('²')` raises ValueError (a 500)."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from dangjian.core.lists import RegisterListView
from tests.web.walk import page_patterns

pytestmark = pytest.mark.django_db
ODD = "²"  # isdigit() is True, isdecimal() is False


def _list_paths() -> list[str]:
    return sorted(reverse(name) for name, pattern in page_patterns()
                  if issubclass(getattr(pattern.callback, "view_class", object),
                                RegisterListView))


def test_every_register_list_answers_an_odd_per_page_with_its_first_size(
    as_user: Callable[[str], Client],
) -> None:
    admin = as_user("county_head")
    paths = _list_paths()
    assert len(paths) > 10
    crashed = [path for path in paths
               if admin.get(path, {"per_page": ODD}).status_code >= 500]
    assert crashed == []


@pytest.mark.parametrize(("path", "params"), [
    ("/orglife/compliance/", {"organization": ODD}),
    ("/orglife/compliance/", {"year": ODD}),
    ("/duties/", {"year": ODD}),
])
def test_a_page_filter_given_an_odd_digit_falls_back_instead_of_crashing(
    as_user: Callable[[str], Client], path: str, params: dict[str, str],
) -> None:
    assert as_user("county_head").get(path, params).status_code == 200
