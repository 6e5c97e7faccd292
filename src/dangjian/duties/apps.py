from django.apps import AppConfig


class DutiesConfig(AppConfig):
    name = "dangjian.duties"
    verbose_name = "主体责任"
