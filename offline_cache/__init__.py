"""Watchroom offline_cache layer (see DESIGN.md)."""
