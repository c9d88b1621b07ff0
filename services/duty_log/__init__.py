"""值班日志 and 值班日报: the shift's records in time order, and the day summarised for the leader."""
