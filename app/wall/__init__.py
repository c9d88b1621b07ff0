"""The commander's display (指挥大屏) and the wall-command channel's two ends."""
