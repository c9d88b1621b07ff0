"""案例: closed incidents as precedents for the one on the officer's screen (the most
similar ones, and a text search across them). Reads the mirror only."""
