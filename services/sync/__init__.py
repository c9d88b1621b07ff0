"""Client side of the sync contract: wire schemas, engine, platform client."""
