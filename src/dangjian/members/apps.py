from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "dangjian.members"
    verbose_name = "党员发展与教育"
