"""docs/security.md names, for every 等保 L3 application item, code and a test that exist."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
REFERENCE = re.compile(r"`((?:src|tests|bench|docs)/[^`:\s]+)(?:::(\w+))?`")
ITEMS = {
    "身份鉴别": "abcd", "访问控制": "abcdefg", "安全审计": "abcd",
    "入侵防范": "", "数据完整性": "", "数据保密性": "", "备份恢复": "", "剩余信息保护": "",
    "个人信息保护": "",
}


def _section(heading: str) -> str:
    start = DOC.index(f"## {heading}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start:end if end != -1 else None]


@pytest.mark.parametrize(("control", "letters"), ITEMS.items())
def test_every_item_has_a_row_with_code_and_a_test(control: str, letters: str) -> None:
    if letters:  # a section of its own, one row per lettered item
        section = _section(control)
        for letter in letters:
            row = next(r for r in section.splitlines() if r.startswith(f"| {letter}."))
            assert "`src/" in row and "`tests/" in row, f"{control} {letter}"
    else:  # rows named after the control in the shared section
        rows = [r for r in DOC.splitlines() if r.startswith(f"| {control}")]
        assert rows and any("`tests/" in r for r in rows), control


def test_every_named_file_and_test_exists() -> None:
    references = REFERENCE.findall(DOC)
    assert len(references) > 40
    for path, name in references:
        target = ROOT / path
        assert target.exists(), path
        if name:
            text = target.read_text(encoding="utf-8")
            assert re.search(rf"def {name}\(", text), f"{path}::{name}"


def test_what_is_out_of_reach_is_named() -> None:
    out = _section("Out of the application's reach")
    for area in ["Network", "Physical", "Management centre", "Management system"]:
        assert area in out
