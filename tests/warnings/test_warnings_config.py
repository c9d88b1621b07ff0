"""The [warnings] table: codes checked, paths relative to the config file, a
clear error naming the key."""

from __future__ import annotations

import pytest

from app.config import ConfigError, load_config


def write(tmp_path, body: str):
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_warnings_table_is_read(tmp_path):
    cfg = load_config(write(tmp_path, '[warnings]\nregion_codes = ["500000", "500100"]\nagency_code = "416"\n'
                                      'folder = "inbox"\nsigning_key = "k.pem"\nsigning_cert = "c.pem"\n'))
    w = cfg.warnings
    assert w.region_codes == ("500000", "500100") and w.region_code == "500000" and w.agency_code == "416"
    assert w.folder == (tmp_path / "inbox").resolve() and w.signing_key == (tmp_path / "k.pem").resolve()
    assert load_config(write(tmp_path, "")).warnings.folder is None


@pytest.mark.parametrize("body", ['region_codes = ["5000"]', 'agency_code = "41"', 'sender = "a b"',
                                  'folder = 3', 'region_code = "abc"'])
def test_bad_values_name_the_key(tmp_path, body):
    with pytest.raises(ConfigError, match=r"\[warnings\]"):
        load_config(write(tmp_path, "[warnings]\n" + body + "\n"))
