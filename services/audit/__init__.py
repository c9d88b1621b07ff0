"""The client's side of the platform's tamper-evident audit: its own exports
and prints as outbox operations, and the checkpoints it has seen."""
