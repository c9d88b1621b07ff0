"""查岗 at the duty workstation: the prompt that pops up and the watcher that opens it."""
