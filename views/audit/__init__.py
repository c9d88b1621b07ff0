"""The audit in the client: the admin's read-only audit panel, the status-bar
warning when the platform's audit history disagrees with the checkpoints kept
here, and the helper every export and print calls to be recorded."""
