"""What every synced record kind shares, below the features and the sync engine:
the kind's declaration, checks of platform records, the generic upsert into the
mirror and the writer of local records with their outbox operations."""
