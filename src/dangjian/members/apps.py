from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "dangjian.members"
    verbose_name = "党员发展与教育"

    def ready(self) -> None:
        from dangjian.core.crossings import provide

        from .selectors import publicity_facts
        from .services import permissions  # noqa: F401  (registers the action table)

        # openness drafts a 发展党员公示 from a step's publicity start (core.crossings).
        provide("members.publicity_facts", publicity_facts)
