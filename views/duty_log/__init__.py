"""值班日志 (the log panel) and 值班日报 (the daily report, its PDF and its sending)."""
