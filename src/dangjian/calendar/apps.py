from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "dangjian.calendar"
    label = "workcalendar"  # "calendar" would shadow nothing, but reads like the stdlib module
    verbose_name = "工作日历"
