"""Audit retention: at least 6 calendar months (网络安全法 第二十一条（三）), configurable."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from dangjian.audit.archive import prune_archived
from dangjian.audit.checks import retention_is_lawful
from dangjian.audit.retention import months_before, retention_cutoff, retention_months
from dangjian.audit.rules import LOG_RETENTION, RETENTION_RULES
from dangjian.core.citations import Status

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 30, tzinfo=SHANGHAI)


def test_the_default_is_six_months() -> None:
    assert retention_months() == 6 and retention_is_lawful() == []


def test_longer_retention_is_accepted() -> None:
    with override_settings(DANGJIAN_AUDIT_RETENTION_MONTHS="12"):
        assert retention_months() == 12


@pytest.mark.parametrize("months", [5, 0, -1, "六", None])
def test_shorter_or_garbled_retention_is_refused_with_the_citation(months: object) -> None:
    with override_settings(DANGJIAN_AUDIT_RETENTION_MONTHS=months):
        with pytest.raises(ImproperlyConfigured, match=r"整数月数|网络安全法"):
            retention_months()
        assert [e.id for e in retention_is_lawful()] == ["dangjian.audit.E001"]


@pytest.mark.django_db
def test_prune_refuses_to_run_under_an_unlawful_retention() -> None:
    with override_settings(DANGJIAN_AUDIT_RETENTION_MONTHS=3), \
            pytest.raises(ImproperlyConfigured, match="第二十一条"):
        prune_archived()


def test_the_rule_cites_the_cybersecurity_law() -> None:
    assert "网络安全法" in LOG_RETENTION.citation and "第二十一条（三）" in LOG_RETENTION.citation
    assert "六个月" in LOG_RETENTION.text and LOG_RETENTION.status == Status.CONFIRMED_2ND
    assert any("第二百零二条" in rule.citation for rule in RETENTION_RULES)


@pytest.mark.parametrize(("today", "first_kept"), [
    (date(2026, 8, 31), date(2026, 2, 28)),  # no 31 February: the month's last day
    (date(2024, 8, 31), date(2024, 2, 29)),  # leap year
    (date(2026, 3, 15), date(2025, 9, 15)),  # across the new year
    (date(2026, 7, 1), date(2026, 1, 1)),
])
def test_six_months_are_calendar_months(today: date, first_kept: date) -> None:
    assert months_before(today, 6) == first_kept
    cutoff = retention_cutoff(now=_at(today), months=6)
    assert cutoff == datetime(first_kept.year, first_kept.month, first_kept.day, tzinfo=SHANGHAI)


def test_six_months_are_not_180_days() -> None:
    # 31 August keeps everything from 28 February: 184 days, never only 180.
    cutoff = retention_cutoff(now=_at(date(2026, 8, 31)), months=6)
    assert (date(2026, 8, 31) - cutoff.date()).days == 184
