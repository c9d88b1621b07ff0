"""The incident log panel (接报 / 续报 / 值班日志)."""
