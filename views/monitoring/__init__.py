"""监测预警 in the watch room: station charts, the alarm list, the new-alarm prompt."""
