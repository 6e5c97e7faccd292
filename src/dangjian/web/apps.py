import os

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "dangjian.web"
    verbose_name = "页面"

    def ready(self) -> None:
        from dangjian.core.inputs import bind_model_dates

        bind_model_dates()  # every model date a serializer takes is bounded (dangjian.core.inputs)
        # The embedded default's daily jobs (`make run`); production uses Celery beat. Only in
        # the serving process: runserver's autoreloader parent sets no RUN_MAIN.
        if os.environ.get("DANGJIAN_INPROCESS_SCHEDULER") and os.environ.get("RUN_MAIN"):
            from dangjian.core.scheduler import start

            start()
