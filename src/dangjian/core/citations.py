"""Rules from regulations, kept as data with their source (shared/domain/rules.md).

Every app that encodes a regulation builds its rules from ``Rule``, so that a compliance report
or an error message can name the article a gap breaks, and a reviewer can check how sure we are.
"""

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How well a rule has been checked against its official text."""

    CONFIRMED = "已核实"  # read in the official text or a verbatim reprint
    CONFIRMED_2ND = "已核实（二手来源）"  # read only in a secondary source
    UNCERTAIN = "待核实"  # convention or memory: check before relying on it; kept configurable


@dataclass(frozen=True)
class Rule:
    text: str  # what the rule says, in Chinese, for display
    citation: str  # where it comes from, as users read it: no verification marks
    status: Status
    # For reviewers only, never shown: what is unsure about the citation (article number
    # unconfirmed, quoted from memory …). Users see the citation, and "本县可配置" where the
    # rule is the county's choice; the status and this note stay in the data and the docs.
    note: str = ""

    def __post_init__(self) -> None:
        marks = [m for m in INTERNAL_MARKS if m in self.citation]
        if marks:
            raise ValueError(f"citation carries research marks {marks}: move them to note: "
                             f"{self.citation}")


# Words of the verification work that must not reach users as the legal basis.
INTERNAL_MARKS = ("待核实", "凭记忆", "已核实", "据称", "rules.md", "二手来源", "自动统计")
