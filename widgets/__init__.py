"""Watchroom widgets layer (see DESIGN.md)."""
