from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "dangjian.oversight"
    verbose_name = "监督整改"
