"""Watchroom app layer (see DESIGN.md)."""
