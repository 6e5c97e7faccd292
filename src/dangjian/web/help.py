"""使用手册 inside the app: the Markdown chapters of ``web/manual/`` rendered at ``/help/``.

The chapters live inside the package so that an installed copy serves them; ``docs/manual``
is a link to the same folder, so the repository shows the same text. One chapter per role;
a chapter's headings named like a menu section get that section's key as their anchor, so
the help link of a page lands on its part of the reader's chapter.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render as render_page
from django.urls import reverse
from markdown_it import MarkdownIt
from markdown_it.token import Token

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.menu import sections

MANUAL = Path(__file__).with_name("manual")
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    role: str

    @property
    def source(self) -> Path:
        return MANUAL / f"{self.slug}.md"


CHAPTERS = [
    Chapter("county-leader", "县领导", Role.COUNTY_LEADER),
    Chapter("vice-head", "分管副县长", Role.VICE_HEAD),
    Chapter("inspector", "纪检监察组", Role.INSPECTOR),
    Chapter("unit-secretary", "部门党组书记", Role.UNIT_SECRETARY),
    Chapter("unit-clerk", "部门党务干事（文书）", Role.UNIT_CLERK),
    Chapter("member", "普通党员", Role.MEMBER),
    Chapter("assessor", "考核管理员", Role.ASSESSOR),
    Chapter("system-admin", "系统管理员", Role.SYSTEM_ADMIN),
    Chapter("security-admin", "安全管理员", Role.SECURITY_ADMIN),
    Chapter("audit-admin", "审计管理员", Role.AUDIT_ADMIN),
]
BY_SLUG = {c.slug: c for c in CHAPTERS}


def chapter_for(user: Any) -> Chapter | None:
    """The chapter of the user's first role in the order of ``Role`` (the widest first)."""
    held = roles_of(user)
    return next((c for c in CHAPTERS if c.role in held), None)


def help_url(user: Any, section_key: str = "") -> str:
    chapter = chapter_for(user)
    if chapter is None:
        return reverse("web:help")
    url = reverse("web:help-chapter", args=[chapter.slug])
    return f"{url}#{section_key}" if section_key else url


def _retarget(tokens: list[Token], anchors: dict[str, str]) -> None:
    """Chapter links and images point into /help/; section headings get their anchors."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            key = anchors.get(tokens[index + 1].content.strip())
            if key:
                token.attrSet("id", key)
        for child in token.children or []:
            href = str(child.attrGet("href") or "")
            if child.type == "link_open" and href.endswith(".md") and "/" not in href:
                child.attrSet("href", reverse("web:help-chapter", args=[href[:-3]]))
            src = str(child.attrGet("src") or "")
            if child.type == "image" and src.startswith("img/"):
                child.attrSet("src", reverse("web:help-image", args=[src[4:]]))


@cache
def render(name: str) -> str:
    """The chapter as HTML; raw HTML in the Markdown is escaped, not passed through."""
    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse((MANUAL / f"{name}.md").read_text(encoding="utf-8"))
    _retarget(tokens, {s.label: s.key for s in sections()})
    return str(parser.renderer.render(tokens, parser.options, {}))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render_page(request, "web/help.html", {
        "title": "使用手册", "body": render("index"), "chapters": CHAPTERS,
        "current": chapter_for(request.user),
    })


@login_required
def chapter(request: HttpRequest, slug: str) -> HttpResponse:
    found = BY_SLUG.get(slug)
    if found is None:
        raise Http404("没有这一章")
    return render_page(request, "web/help.html", {
        "title": found.title, "body": render(slug), "chapters": CHAPTERS, "current": found,
    })


@login_required
def image(request: HttpRequest, name: str) -> FileResponse:
    path = MANUAL / "img" / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404("没有这张图")
    return FileResponse(path.open("rb"), content_type="image/png")
