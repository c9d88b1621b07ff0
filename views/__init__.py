"""Watchroom views layer (see DESIGN.md)."""
