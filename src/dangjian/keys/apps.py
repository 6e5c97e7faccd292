from django.apps import AppConfig


class KeysConfig(AppConfig):
    name = "dangjian.keys"
    verbose_name = "密钥轮换"
