"""Duty overview: what needs the officer's attention now."""
