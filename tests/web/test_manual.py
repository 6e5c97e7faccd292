"""The user manual: every role has a chapter, every image a chapter shows is one a browser test
takes (tests/browser/manual.SHOTS) and is in the repository, and /help/ serves it all."""

import re
from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.web.help import CHAPTERS, MANUAL
from tests.browser.manual import SHOTS

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _images(name: str) -> list[str]:
    return IMAGE.findall((MANUAL / f"{name}.md").read_text(encoding="utf-8"))


def test_every_role_has_a_chapter_in_the_index() -> None:
    assert {c.role for c in CHAPTERS} == set(Role.values)
    index = (MANUAL / "index.md").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        assert chapter.source.is_file()
        assert f"({chapter.slug}.md)" in index


@pytest.mark.parametrize("chapter", [c.slug for c in CHAPTERS])
def test_a_chapter_shows_only_images_a_browser_test_takes_and_that_are_there(
    chapter: str,
) -> None:
    images = _images(chapter)
    assert images, "every chapter shows its pages"
    for src in images:
        assert src.startswith("img/") and src.endswith(".png"), src
        assert src[4:-4] in SHOTS, f"{src}: no browser test takes it"
        assert (MANUAL / src).is_file(), f"{src}: regenerate with DANGJIAN_MANUAL_SHOTS=1"


def test_every_image_in_the_manual_is_one_the_tests_take_and_a_chapter_shows() -> None:
    stored = {p.stem for p in (MANUAL / "img").glob("*")}
    names = ["index", *(c.slug for c in CHAPTERS)]
    shown = {src[4:-4] for name in names for src in _images(name)}
    assert stored == SHOTS == shown


@pytest.mark.django_db
def test_help_serves_the_chapters_with_anchors_and_images(user: Callable[[str], User]) -> None:
    client = Client()
    client.force_login(user("finance_clerk"))
    index = client.get("/help/").content.decode()
    assert 'href="/help/unit-clerk/"' in index
    chapter = client.get("/help/unit-clerk/").content.decode()
    assert '<h2 id="oversight">监督整改</h2>' in chapter
    assert 'src="/help/img/unit-clerk-orglife.png"' in chapter
    image = client.get("/help/img/unit-clerk-orglife.png")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert client.get("/help/nowhere/").status_code == 404
    assert client.get("/help/img/..%2Fmember.md").status_code == 404


@pytest.mark.django_db
def test_help_asks_for_a_login(client: Client) -> None:
    assert client.get("/help/member/").status_code == 302
