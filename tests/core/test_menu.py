"""The menu kernel on its own: registration by section, visibility, the active item."""

from typing import Any

import pytest

from dangjian.core import menu
from dangjian.core.menu import MenuItem, MenuSection, ShownItem, ShownSection


def _item(label: str, path: str, query: tuple[tuple[str, str], ...] = ()) -> ShownItem:
    return ShownItem(label, path, path, query)


def _active(items: list[ShownItem], path: str, query: dict[str, str] | None = None) -> str:
    menu._mark_active(items, path, query or {})
    return ",".join(i.label for i in items if i.active)


def test_the_longest_matching_path_is_the_active_item() -> None:
    items = [_item("首页", "/"), _item("发展党员", "/members/"), _item("学习", "/members/study/")]
    assert _active(items, "/members/study/new/") == "学习"


def test_the_home_page_is_active_only_on_itself() -> None:
    assert _active([_item("首页", "/")], "/persons/") == ""
    assert _active([_item("首页", "/")], "/") == "首页"


def test_among_equal_paths_the_item_whose_query_the_page_has_wins() -> None:
    items = [_item("全部", "/findings/"), _item("逾期", "/findings/", (("status", "overdue"),))]
    assert _active(items, "/findings/", {"status": "overdue"}) == "逾期"


def test_the_breadcrumbs_are_the_section_and_the_active_item() -> None:
    item = _item("责任清单", "/duties/")
    item.active = True
    section = ShownSection("duties", "主体责任", [item])
    assert menu.breadcrumbs([section]) == [section, item]
    assert menu.breadcrumbs([ShownSection("desk", "工作台", [_item("首页", "/")])]) == []


def test_two_apps_fill_one_section_in_item_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(menu, "_sections", {})
    menu.register(MenuSection("base", "基础数据", 70, (MenuItem("人员", "web:persons", order=2),)))
    menu.register(MenuSection("base", "其他名字", 1, (MenuItem("组织", "web:organizations",
                                                              order=1),)))
    (section,) = menu._sections.values()
    assert section.label == "基础数据" and section.order == 70
    assert [i.label for i in section.items] == ["组织", "人员"]


def test_an_item_the_user_may_not_see_and_an_emptied_section_are_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def nobody(user: Any) -> bool:
        return False

    monkeypatch.setattr(menu, "_sections", {})
    monkeypatch.setattr(menu, "_discovered", True)
    menu.register(MenuSection("desk", "工作台", 10, (MenuItem("首页", "web:home"),
                                                     MenuItem("人员", "web:persons", nobody))))
    menu.register(MenuSection("admin", "系统管理", 80, (MenuItem("审计", "web:audit", nobody),)))
    shown = menu.menu_for(object(), "/")
    assert [(s.label, [i.label for i in s.items]) for s in shown] == [("工作台", ["首页"])]
    assert shown[0].items[0].active


def test_a_query_is_part_of_the_link() -> None:
    item = MenuItem("逾期", "web:persons", query=(("status", "overdue"),))
    assert item.href == "/persons/?status=overdue"
