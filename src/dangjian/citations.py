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
    citation: str  # where it comes from; an UNCERTAIN rule says so here as well
    status: Status
