"""Accounts in the client: the admin's user management dialog and the words
for the platform's refusals (issue 18 item 2)."""
