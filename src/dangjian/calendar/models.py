"""The administrator's side of the working-day calendar (工作日历).

The ``chinesecalendar`` package knows the holidays only up to the year it was released, so each
year's State Council notice (国务院办公厅关于当年部分节假日安排的通知) is entered here as well.
``services`` reads both tables; rules.py says what the days mean.
"""

from django.db import models


class HolidayOverride(models.Model):
    """One day whose status the notice fixes. It wins over the package, so a wrong or
    late package release can be corrected without waiting for an upgrade."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日", help_text="调休上班（补班）选“是”，放假选“否”")
    name = models.CharField("名称", max_length=40, help_text="如“春节”“补班”")
    source = models.CharField("依据", max_length=200, help_text="如“国办发明电〔2026〕x号”")
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ("date",)

    def __str__(self) -> str:
        kind = "上班" if self.is_workday else "放假"
        return f"{self.date:%Y-%m-%d} {self.name}（{kind}）"


class CalendarYear(models.Model):
    """A year the package has no data for, marked complete once every override from that
    year's notice has been entered. Until then its dates are only provisional (暂定): a few
    override rows alone do not prove that the rest of the year is plain Mon–Fri."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    complete = models.BooleanField("放假安排已录入完整", default=False)
    source = models.CharField(
        "依据", max_length=200, blank=True, help_text="当年放假安排通知的文号"
    )

    class Meta:
        verbose_name = "日历年度"
        verbose_name_plural = "日历年度"
        ordering = ("year",)

    def __str__(self) -> str:
        return f"{self.year}年（{'已完整' if self.complete else '未完整'}）"
