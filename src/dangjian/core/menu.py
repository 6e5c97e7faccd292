"""The menu kernel: each app declares its menu items in its own ``menu.py``; the layout asks
this registry what one user may see and which item the current page belongs to.

Sections are shared by key, so two apps may fill one section (基础数据 has organisations from
``web`` and persons from ``people``); a section's place in the sidebar is its ``order``.
Who may see an item is a predicate on the user, given by the app (``access.predicates``): this
module knows nothing of roles.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

Predicate = Callable[[Any], bool]


def everyone(user: Any) -> bool:
    return True


@dataclass(frozen=True)
class MenuItem:
    """One link. ``query`` narrows a register page (e.g. ``{"status": "open"}``)."""

    label: str
    url_name: str
    visible: Predicate = everyone
    query: tuple[tuple[str, str], ...] = ()
    order: int = 50  # within the section; apps filling one section interleave by it

    @property
    def path(self) -> str:
        return reverse(self.url_name)

    @property
    def href(self) -> str:
        return f"{self.path}?{urlencode(self.query)}" if self.query else self.path


@dataclass(frozen=True)
class MenuSection:
    """A heading of the sidebar (工作台, 监督整改 …); ``key`` is also the manual's anchor."""

    key: str
    label: str
    order: int
    items: tuple[MenuItem, ...] = ()


@dataclass
class ShownItem:
    label: str
    href: str
    path: str
    query: tuple[tuple[str, str], ...]
    active: bool = False


@dataclass
class ShownSection:
    key: str
    label: str
    items: list[ShownItem] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(item.active for item in self.items)


_sections: dict[str, MenuSection] = {}
_discovered = False


def register(section: MenuSection) -> None:
    """Add ``section``'s items; a section already registered under the key keeps its label."""
    known = _sections.get(section.key, section)
    items = known.items + section.items if known is not section else section.items
    _sections[section.key] = MenuSection(known.key, known.label, known.order,
                                         tuple(sorted(items, key=lambda i: i.order)))


def sections() -> list[MenuSection]:
    global _discovered
    if not _discovered:
        autodiscover_modules("menu")  # every installed app's menu.py registers once
        _discovered = True
    return sorted(_sections.values(), key=lambda s: s.order)


def menu_for(user: Any, path: str = "", query: dict[str, str] | None = None) -> list[ShownSection]:
    """The sections ``user`` sees, empty ones left out, with the current page's item active."""
    shown = []
    for section in sections():
        items = [ShownItem(i.label, i.href, i.path, i.query)
                 for i in section.items if i.visible(user)]
        if items:
            shown.append(ShownSection(section.key, section.label, items))
    _mark_active([i for s in shown for i in s.items], path, query or {})
    return shown


def _matches(item: ShownItem, path: str) -> bool:
    # The home page "/" is the prefix of everything: it is active only on itself.
    return path == item.path if item.path == "/" else path.startswith(item.path)


def _mark_active(items: list[ShownItem], path: str, query: dict[str, str]) -> None:
    """The longest matching path wins; among equal paths, the one whose query the page has."""
    candidates = [i for i in items if _matches(i, path)]
    if not candidates:
        return
    longest = max(len(i.path) for i in candidates)
    candidates = [i for i in candidates if len(i.path) == longest]
    best = max(candidates, key=lambda i: sum(query.get(k) == v for k, v in i.query))
    best.active = True


def breadcrumbs(menu: list[ShownSection]) -> list[ShownItem | ShownSection]:
    """Section › item of the active page; nothing where the page is in no menu."""
    for section in menu:
        for item in section.items:
            if item.active:
                return [section, item]
    return []


def active_section(menu: list[ShownSection]) -> ShownSection | None:
    return next((s for s in menu if s.active), None)
