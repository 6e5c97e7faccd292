"""Domain errors that are neither bad input (ValidationError) nor a refusal (PermissionDenied)."""


class Conflict(Exception):
    """Someone else changed the record since it was read: reload, then try again (HTTP 409)."""

    def __init__(self, message: str = "该记录已被他人修改，请刷新后再提交") -> None:
        super().__init__(message)
        self.message = message
