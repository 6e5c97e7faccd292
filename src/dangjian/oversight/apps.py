import os

from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "dangjian.oversight"
    verbose_name = "监督整改"

    def ready(self) -> None:
        # Only in the serving process: runserver's autoreloader parent sets no RUN_MAIN.
        if os.environ.get("DANGJIAN_INPROCESS_SCHEDULER") and os.environ.get("RUN_MAIN"):
            from .scheduler import start

            start()
