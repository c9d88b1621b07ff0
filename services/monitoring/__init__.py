"""监测预警: monitoring stations, their readings and the alarms the platform raises."""
