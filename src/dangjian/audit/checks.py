"""Start-up checks: a retention shorter than the law allows stops every command that checks."""

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .retention import retention_months
from .segments import DEV_ARCHIVE_KEY


@checks.register("dangjian")
def retention_is_lawful(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        retention_months()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="dangjian.audit.E001")]
    return []


@checks.register("dangjian", deploy=True)
def archive_key_is_set(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    key = getattr(settings, "DANGJIAN_AUDIT_ARCHIVE_KEY", "") or DEV_ARCHIVE_KEY
    if key == DEV_ARCHIVE_KEY:
        return [checks.Warning(
            "未设置 DANGJIAN_AUDIT_ARCHIVE_KEY：审计归档的签名密钥仍是开发默认值",
            id="dangjian.audit.W001",
        )]
    return []
