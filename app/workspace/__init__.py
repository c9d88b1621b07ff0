"""Windows, screens and station profiles: which panel goes on which screen,
remembered per machine, and what happens when a monitor comes or goes."""
