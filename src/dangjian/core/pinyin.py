"""The pinyin of a name, for the type-ahead pickers: "县政府" is found by "xzf" (initials) and by
"xianzheng" (a prefix of the full spelling). Stored beside the name (``name_initials``,
``name_pinyin``) because converting 8,000 names on every keystroke is too slow."""

from typing import Any

from pypinyin import lazy_pinyin

SPELLING_MAX = 200  # the column's length: a 50-character name spells to at most ~300 letters


# Characters pypinyin does not know (Latin letters, digits, brackets) come back one by one, so
# that "XX县" spells x, x, xian (pypinyin accepts a list here; its stubs say str).
_EACH_CHARACTER: Any = list


def _syllables(name: str) -> list[str]:
    return [s.lower() for s in lazy_pinyin(name, errors=_EACH_CHARACTER) if s.strip()]


def initials(name: str) -> str:
    """The first letter of each syllable: 县政府 → xzf (digits and letters kept)."""
    return "".join(s[0] for s in _syllables(name) if s[0].isalnum())[:SPELLING_MAX]


def spelling(name: str) -> str:
    """The full pinyin without tones or spaces: 县政府 → xianzhengfu."""
    return "".join(s for s in _syllables(name) if s.isalnum())[:SPELLING_MAX]


__all__ = ["SPELLING_MAX", "initials", "spelling"]
