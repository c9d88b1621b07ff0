"""What every import of an officer's file shares: a parser run in a child
process under a time and memory budget (bounded.py), hardened readers of the
formats (formats.py) and the rule for control characters in text (text.py).
A hostile file ends in a result code the dialogs word in Chinese, never in a
hang, an exhausted machine or a raw Python error."""
