"""Sync state for the officer: rejected operations and what to do about them."""
