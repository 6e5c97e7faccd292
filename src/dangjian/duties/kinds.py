"""The vocabulary of responsibility lists; values are the Chinese words the API exchanges."""

from django.db import models


class Holder(models.TextChoices):
    """Whose duty: the party committee (group) itself, its secretary, or another member."""

    ORGANIZATION = "党委（党组）", "党委（党组）"
    SECRETARY = "书记", "书记（第一责任人）"
    MEMBER = "班子成员", "班子成员（一岗双责）"


class Period(models.TextChoices):
    YEAR = "每年", "每年"
    HALF = "每半年", "每半年"
    QUARTER = "每季度", "每季度"
    MONTH = "每月", "每月"
    ONGOING = "随时", "随时（有事项即办）"


class State(models.TextChoices):
    DONE = "已完成", "已完成"
    DUE = "待完成", "待完成"
    OVERDUE = "逾期", "逾期"
    NOT_ARISEN = "无事项", "无事项"  # an "as it arises" duty with nothing arising this year
