"""Errors a user can be shown as they are: each message is one plain sentence."""

from __future__ import annotations

import dataclasses


class ConveneError(Exception):
    """Base of the errors whose message is meant for the user."""


@dataclasses.dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field, for showing next to it in a form."""

    field: str
    message: str


class ValidationError(ConveneError):
    """The input breaks one or more rules; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__(" ".join(p.message for p in problems))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldProblem(field, message)])

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class ConflictError(ConveneError):
    """Someone else changed or deleted the record since it was loaded; nothing was written."""


class NotFoundError(ConveneError):
    """The record asked for does not exist (or is in the recycle bin)."""
