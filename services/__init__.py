"""Watchroom services layer (see DESIGN.md)."""
