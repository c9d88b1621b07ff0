"""Where the shipped, editable resource files live."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
