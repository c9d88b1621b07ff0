"""Errors views may catch, re-exported so views need not reach into offline_cache."""

from offline_cache.errors import StorageError, StorageProblem
from services.incidents.service import NotFound
from services.incidents.validation import Problem, ValidationError

__all__ = ["NotFound", "Problem", "StorageError", "StorageProblem", "ValidationError"]
