"""Errors every feature raises and views may catch (views need not reach into
offline_cache): storage failures, input problems, a record that is not there."""

from offline_cache.errors import StorageError, StorageProblem
from services.input_checks import Problem, ValidationError


class NotFound(LookupError):
    """The record asked for is not in the mirror."""


__all__ = ["NotFound", "Problem", "StorageError", "StorageProblem", "ValidationError"]
