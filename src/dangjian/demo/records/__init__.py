"""A year of work in the demo county, so the cockpit and the assessment have something to show.

The organisations, persons and meetings come from ``generator``; this package adds what a
county records in a year: 责任清单 with fulfilments (``duties``), a 工作要点 and its supervised
tasks with progress reports (``tasks``), findings, 提示单, measures, 举一反三, 屡查屡犯 and
问责 (``oversight``), development records, study and visits (``members``), 谈心谈话 and
the 党组's 民主生活会 (``lifemeetings``), and 党务政务公开 (``openness``).

Every date is placed relative to ``today`` and every choice comes from the seed. Rows are bulk
inserted, but each one is in the state the services would have left it in (a red task is
逾期, a closed measure has its evidence and its verification, a finding follows its
measures), so the pages, the lights and the daily jobs read it as they read real work.
Only the first county gets records: they are what the demo accounts open.
"""

import random
from datetime import date

from dangjian.audit.services import record
from dangjian.orgs.models import Organization

from . import duties, lifemeetings, members, openness, orglife, oversight, tasks
from .cast import Cast


def generate_records(root: Organization, *, today: date, seed: int) -> dict[str, int]:
    """Insert the year's records of the county under ``root`` (its 县委); the counts."""
    cast = Cast.of(root, today)
    rng = random.Random(seed + 1)
    counts: dict[str, int] = {}
    counts.update(duties.generate(cast, rng))
    counts.update(tasks.generate(cast, rng))
    counts.update(oversight.generate(cast, rng))
    counts.update(members.generate(cast, rng))
    counts.update(orglife.generate(cast, rng))
    counts.update(lifemeetings.generate(cast, rng))
    counts.update(openness.generate(cast, rng))
    record(actor=None, action="demo.records", after=counts)
    return counts


__all__ = ["generate_records"]
