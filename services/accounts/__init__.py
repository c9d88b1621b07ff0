"""Accounts as both ends know them: the password policy, the admin API's wire
shapes and the clearance range (no Qt, no sync)."""
