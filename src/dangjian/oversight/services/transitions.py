"""Workflows as explicit maps of allowed moves; anything else is refused by name."""

from django.core.exceptions import ValidationError


def check_move(transitions: dict[str, set[str]], current: str, new: str, what: str) -> None:
    if new not in transitions.get(current, set()):
        raise ValidationError(f"{what}不能从“{current}”变为“{new}”")
