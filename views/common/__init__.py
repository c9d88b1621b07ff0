"""Shared pieces of the feature panels."""
