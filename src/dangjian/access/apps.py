from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "dangjian.access"
    verbose_name = "权限"

    def ready(self) -> None:
        from dangjian.core import burden

        # The action tables of the account pages, and of orgs and people (below access).
        from . import account_permissions, org_permissions, people_permissions  # noqa: F401
        from .api import schema  # noqa: F401  (registers the bearer token with the schema)
        from .burden import clerk_organization
        from .scoping import restrict

        # The burden counter sits below access: it learns here who counts and what one sees.
        burden.connect(restrict=restrict, clerk_organization=clerk_organization)
