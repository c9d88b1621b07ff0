"""Incident log: intake, timeline, reporting deadlines, search."""
