"""LIKE patterns that match the officer's words literally (% and _ included)."""


def like_pattern(term: str) -> str:
    """Use with escape='\\\\'."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
