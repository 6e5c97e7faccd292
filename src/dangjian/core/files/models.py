"""The abstract stored file every evidence and attachment model extends."""

from django.conf import settings
from django.db import models


class StoredFile(models.Model):
    """A file checked on upload by ``dangjian.core.files.checks.checked_upload`` and stored with its
    SHA-256, so every later read can prove it unchanged (``dangjian.core.files.views``).

    A subclass sets where its files go (``file = models.FileField(upload_to=...)``); the
    uploader is nullable only for rows written before it was recorded."""

    file = models.FileField("文件")
    original_name = models.CharField("原文件名", max_length=200)
    extension = models.CharField("类型", max_length=10)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name
