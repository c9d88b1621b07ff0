"""Configuration file: defaults, overrides, clear errors."""

from __future__ import annotations

import pytest

from app.config import ConfigError, load_config


def test_missing_file_gives_defaults(tmp_path):
    cfg = load_config(tmp_path / "none.toml")
    assert cfg.language == "zh_CN" and cfg.timezone == "Asia/Shanghai"


def test_values_and_relative_paths(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text(
        'config_version = 1\n[site]\ncode = "WZ"\nname = "万州区值班室"\n'
        '[mirror]\npath = "data/m.db"\n[ui]\nlanguage = "en"\n'
        "[reporting.II]\ninitial_minutes = 30\n",
        encoding="utf-8",
    )
    cfg = load_config(f)
    assert cfg.site_code == "WZ" and cfg.language == "en"
    assert cfg.mirror_path == (tmp_path / "data" / "m.db").resolve()
    assert cfg.reporting_overrides == {"II": {"initial_minutes": 30}}


@pytest.mark.parametrize(
    "body",
    [
        "config_version = 99\n",
        "[ui]\nlanguage = 'fr'\n",
        "[site]\ntimezone = 'Mars/Olympus'\n",
        "[site\n",
        "site = 3\n",
        "[region]\nmin_lat = 'x'\n",
    ],
)
def test_bad_files_raise_config_error(tmp_path, body):
    f = tmp_path / "c.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(f)
