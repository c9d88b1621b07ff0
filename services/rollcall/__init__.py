"""查岗/点名: the superior level's roll call of a watch room, and its answer."""
