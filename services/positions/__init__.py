"""Live positions (AVL) of field units: contract, record kind, store, CoT."""
