"""值班提醒: timed tasks of a watch room (reports upward, hourly checks, weather checks)."""
