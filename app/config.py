"""Configuration: a versioned TOML file in the platform's config folder.

Command-line options override the file; missing keys take defaults. Older
files are migrated in memory (and never rewritten behind the user's back)."""

from __future__ import annotations

import logging
import re
import stat
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir, user_log_dir

from app.warnings_config import WarningsConfig, load_warnings
from services.incidents.numbering import SITE_CODE
from services.maps.online import TileSourceConfig
from services.stream_urls import DEFAULT_SCHEMES
from services.sync.endpoint import Endpoint
from services.sync.tls import TlsSettings

CONFIG_VERSION = 1
APP_NAME = "watchroom"
log = logging.getLogger(__name__)
_warned_readable: set[Path] = set()


class ConfigError(ValueError):
    """The config file cannot be used; the message names the file and the key."""


@dataclass
class AppConfig:
    path: Path | None = None
    site_code: str = "CQ"
    site_name: str = ""
    timezone: str = "Asia/Shanghai"
    operator: str = ""
    mirror_path: Path = field(default_factory=lambda: Path(user_data_dir(APP_NAME)) / "mirror.db")
    # [mirror] encryption: off | keyring | passphrase (offline_cache/mirror_key.py).
    mirror_encryption: str = "off"
    language: str = "zh_CN"
    log_level: str = "INFO"
    log_file: Path = field(default_factory=lambda: Path(user_log_dir(APP_NAME)) / "watchroom.log")
    taxonomy_path: Path | None = None
    reporting_overrides: dict[str, Any] = field(default_factory=dict)
    region: tuple[float, float, float, float] | None = (3.8, 53.6, 73.4, 135.1)
    # Platform endpoints in order of preference (HQ first, then the backup site).
    endpoints: list[Endpoint] = field(default_factory=list)
    # [sync] ca_file, client_cert, client_key: the centre's CA and this workstation's certificate
    # (services/sync/tls.py); auth_mode "certificate": the certificate logs in, no password asked.
    sync_tls: TlsSettings = field(default_factory=TlsSettings)
    sync_auth_mode: str = "password"
    # Online tile servers (天地图, EGIS), cached as viewed; none by default (offline first).
    tile_sources: list[TileSourceConfig] = field(default_factory=list)
    # Which library decodes camera streams: auto (libVLC where it can, else PyAV), vlc or pyav.
    video_decoder: str = "auto"
    # Stream URL schemes the wall and conferences open: network streams, plus what a centre adds.
    url_schemes: tuple[str, ...] = DEFAULT_SCHEMES
    # Station profile: duty (值班席), commander (指挥大屏) or backup (掩体备份).
    profile: str = "duty"
    # The screen (name or 1-based number) of the commander's display; "" = the largest screen.
    # On a duty workstation it opens the display on that screen in this program too.
    wall_screen: str = ""
    # The wall this station shows (commander) or pushes to (duty): a name shared through the platform.
    wall_id: str = "main"
    # The longest continuous duty the roster allows here, in hours ([duty] max_shift_hours; the
    # platform has its own, --duty-max-hours, and refuses by it).
    duty_max_hours: float = 24.0
    # [warnings]: region and agency codes, the watched folder, signing (app/warnings_config.py).
    warnings: WarningsConfig = field(default_factory=WarningsConfig)
    # Days of raw readings the mirror keeps ([monitoring] history_days); older ones hourly.
    monitoring_history_days: int = 7


PROFILES = {"duty": "duty", "值班席": "duty", "commander": "commander", "指挥大屏": "commander",
            "backup": "backup", "掩体备份": "backup"}


def normalise_profile(value: str) -> str:
    """duty / commander / backup, or their Chinese names."""
    found = PROFILES.get(value.strip().lower()) or PROFILES.get(value.strip())
    if found is None:
        raise ConfigError(f"workspace.profile must be one of duty (值班席), commander (指挥大屏), backup (掩体备份); "
                          f"not {value!r}")
    return found


# The machine's config, installed by the Debian package (packaging/): IT sets the platform there once.
SYSTEM_CONFIG = Path("/etc/watchroom/config.toml")


def default_config_path() -> Path:
    """The user's own file; without one, the machine's (a packaged workstation)."""
    user = Path(user_config_dir(APP_NAME)) / "config.toml"
    if not user.exists() and SYSTEM_CONFIG.is_file():
        return SYSTEM_CONFIG
    return user


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Brings an older config document up to CONFIG_VERSION."""
    version = doc.get("config_version", 1)
    if not isinstance(version, int) or version > CONFIG_VERSION:
        raise ConfigError(f"unsupported config_version {version!r}")
    # Version 1 is the first; later versions add their steps here.
    doc["config_version"] = CONFIG_VERSION
    return doc


def _url_schemes(video: dict[str, Any], path: Path) -> tuple[str, ...]:
    extra = video.get("url_schemes", [])
    if not isinstance(extra, list) or not all(isinstance(x, str) and re.fullmatch(r"[a-z][a-z0-9+.-]{0,15}", x)
                                              for x in extra):
        raise ConfigError(f"{path}: video.url_schemes must be a list of URL schemes such as [\"rtmp\"]")
    refused = {"file", "pipe", "concat", "javascript", "data", "fd", "subfile", "crypto"} & set(extra)
    if refused:
        raise ConfigError(f"{path}: video.url_schemes may not open local files or programs: "
                          f"{', '.join(sorted(refused))}")
    return tuple(dict.fromkeys((*DEFAULT_SCHEMES, *extra)))


def _table(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table")
    return value


def _str(table: dict[str, Any], key: str, default: str, where: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(f"{where}.{key} must be text")
    return value


def load_config(path: Path | None = None, *, must_exist: bool = False) -> AppConfig:
    path = Path(path) if path else default_config_path()
    cfg = AppConfig(path=path)
    if not path.exists():
        if must_exist:
            raise ConfigError(f"{path}: file not found")
        return cfg
    try:
        doc = migrate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    warn_if_password_readable(path, doc)
    base = path.parent
    site = _table(doc, "site")
    cfg.site_code = _str(site, "code", cfg.site_code, "site").strip().upper() or cfg.site_code
    if not SITE_CODE.match(cfg.site_code):
        raise ConfigError(f"{path}: site.code must be 1 to 16 letters or digits (it starts every incident "
                          f"number, CQ-2026-0042), not {cfg.site_code!r}")
    cfg.site_name = _str(site, "name", cfg.site_name, "site")
    cfg.timezone = _str(site, "timezone", cfg.timezone, "site")
    cfg.operator = _str(_table(doc, "operator"), "name", cfg.operator, "operator")
    mirror = _str(_table(doc, "mirror"), "path", "", "mirror")
    if mirror:
        cfg.mirror_path = (base / Path(mirror).expanduser()).resolve()
    cfg.mirror_encryption = _str(_table(doc, "mirror"), "encryption", cfg.mirror_encryption, "mirror").strip()
    if cfg.mirror_encryption not in ("off", "keyring", "passphrase"):
        raise ConfigError(f"{path}: mirror.encryption must be \"off\", \"keyring\" or \"passphrase\", "
                          f"not {cfg.mirror_encryption!r}")
    cfg.language = _str(_table(doc, "ui"), "language", cfg.language, "ui")
    logging_t = _table(doc, "logging")
    cfg.log_level = _str(logging_t, "level", cfg.log_level, "logging").upper()
    log_file = _str(logging_t, "file", "", "logging")
    if log_file:
        cfg.log_file = (base / Path(log_file).expanduser()).resolve()
    taxonomy = _str(_table(doc, "incidents"), "taxonomy_path", "", "incidents")
    if taxonomy:
        cfg.taxonomy_path = (base / Path(taxonomy).expanduser()).resolve()
    cfg.reporting_overrides = _table(doc, "reporting")
    region = _table(doc, "region")
    if region.get("enabled") is False:
        cfg.region = None
    elif region:
        try:
            cfg.region = tuple(float(region[k]) for k in ("min_lat", "max_lat", "min_lon", "max_lon"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: [region] needs min_lat, max_lat, min_lon, max_lon") from exc
    cfg.endpoints = _endpoints(_table(doc, "sync"), path)
    cfg.sync_tls, cfg.sync_auth_mode = _sync_tls(_table(doc, "sync"), base, path)
    cfg.tile_sources = _tile_sources(_table(doc, "map"), path)
    cfg.video_decoder = _str(_table(doc, "video"), "decoder", cfg.video_decoder, "video").strip().lower()
    workspace = _table(doc, "workspace")
    cfg.profile = normalise_profile(_str(workspace, "profile", cfg.profile, "workspace"))
    cfg.wall_screen = _str(workspace, "wall_screen", cfg.wall_screen, "workspace").strip()
    cfg.wall_id = _str(_table(doc, "wall"), "id", cfg.wall_id, "wall").strip()
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", cfg.wall_id):
        raise ConfigError("wall.id must be 1-40 letters, digits, '-' or '_'")
    if cfg.video_decoder not in ("auto", "vlc", "pyav"):
        raise ConfigError(f"{path}: video.decoder must be auto, vlc or pyav")
    cfg.url_schemes = _url_schemes(_table(doc, "video"), path)
    hours = _table(doc, "duty").get("max_shift_hours", cfg.duty_max_hours)
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not 1 <= hours <= 72:
        raise ConfigError(f"{path}: duty.max_shift_hours must be a number of hours from 1 to 72")
    cfg.duty_max_hours = float(hours)
    cfg.warnings = load_warnings(_table(doc, "warnings"), base, ConfigError)
    days = _table(doc, "monitoring").get("history_days", cfg.monitoring_history_days)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 90:
        raise ConfigError(f"{path}: monitoring.history_days must be a whole number of days from 1 to 90")
    cfg.monitoring_history_days = days
    validate(cfg)
    return cfg


def holds_password(doc: dict[str, Any]) -> bool:
    """Whether the file itself holds a password (password_env keeps it out of the file)."""
    sync = doc.get("sync", {})
    endpoints = sync.get("endpoint", []) if isinstance(sync, dict) else []
    return any(isinstance(e, dict) and isinstance(e.get("password"), str) and e["password"]
               for e in (endpoints if isinstance(endpoints, list) else []))


def warn_if_password_readable(path: Path, doc: dict[str, Any]) -> bool:
    """A config holding a password that group or others may read: said in the log
    and in one line on stderr (once per file); the file is not changed behind the
    officer's back. True when the warning applies."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not (holds_password(doc) and mode & (stat.S_IRGRP | stat.S_IROTH)):
        return False
    log.warning("config %s holds a password and is readable by other accounts (mode %o): chmod 600 it",
                path, stat.S_IMODE(mode))
    if path not in _warned_readable:
        _warned_readable.add(path)
        print(f"警告：配置文件 {path} 含有密码，但其他用户也能读取（权限 {stat.S_IMODE(mode):o}）；"
              f"请执行 chmod 600 {path}，或改用 password_env", file=sys.stderr)
    return True


def _password(item: dict[str, Any], url: str, username: str, where: str) -> tuple[str, str]:
    """(password, where it came from): the OS keyring first (unless keyring = false),
    then the variable password_env names, then the file itself (the officer is
    warned and must accept it: app/sync_wiring.py; the headless mirror logs it);
    ("", "") when there is none, and the client asks."""
    import os

    from services.accounts.credentials import keyring_password

    use_keyring = item.get("keyring", True)
    if not isinstance(use_keyring, bool):
        raise ConfigError(f"{where}.keyring must be true or false")
    if use_keyring:
        stored = keyring_password(url, username)
        if stored:
            return stored, "keyring"
    env = _str(item, "password_env", "", where)
    if env:  # named: the file's own password (if any) is not used
        value = os.environ.get(env, "")
        return (value, "env") if value else ("", "")
    in_file = _str(item, "password", "", where)
    return (in_file, "file") if in_file else ("", "")


def _endpoints(sync: dict[str, Any], path: Path) -> list[Endpoint]:
    """[[sync.endpoint]] tables; the password from the keyring, the environment or the file."""
    raw = sync.get("endpoint", [])
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: [[sync.endpoint]] must be a list of tables")
    out = []
    for n, item in enumerate(raw, 1):
        where = f"sync.endpoint[{n}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{path}: {where} must be a table")
        url = _str(item, "url", "", where).rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"{path}: {where}.url must start with http:// or https://")
        username = _str(item, "username", "", where)
        password, source = _password(item, url, username, where)
        out.append(Endpoint(url, username, password, _str(item, "name", "", where), source))
    return out


def _sync_tls(sync: dict[str, Any], base: Path, path: Path) -> tuple[TlsSettings, str]:
    """[sync] ca_file, client_cert, client_key (relative to the config's folder) and auth_mode."""
    files: dict[str, Path | None] = {}
    for key in ("ca_file", "client_cert", "client_key"):
        value = _str(sync, key, "", "sync").strip()
        files[key] = (base / Path(value).expanduser()).resolve() if value else None
    if files["client_key"] and not files["client_cert"]:
        raise ConfigError(f"{path}: sync.client_key needs sync.client_cert")
    mode = _str(sync, "auth_mode", "password", "sync").strip().lower()
    if mode not in ("password", "certificate", "both"):
        raise ConfigError(f"{path}: sync.auth_mode must be password, certificate or both")
    if mode != "password" and not files["client_cert"]:
        raise ConfigError(f"{path}: sync.auth_mode {mode} needs sync.client_cert and sync.client_key")
    return TlsSettings(files["ca_file"], files["client_cert"], files["client_key"]), mode


def _tile_sources(section: dict[str, Any], path: Path) -> list[TileSourceConfig]:
    """[[map.tile_source]]: name, url ({z} {x} {y} [{s}]), datum WGS84|GCJ02, max_zoom, subdomains."""
    raw = section.get("tile_source", [])
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: [[map.tile_source]] must be a list of tables")
    out = []
    for n, item in enumerate(raw, 1):
        where = f"map.tile_source[{n}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{path}: {where} must be a table")
        name, url = _str(item, "name", "", where), _str(item, "url", "", where)
        datum = _str(item, "datum", "WGS84", where).upper().replace("-", "")
        if not name.replace("_", "").replace("-", "").isalnum():
            raise ConfigError(f"{path}: {where}.name must be letters, digits, - or _")
        if not url.startswith(("http://", "https://")) or not all(k in url for k in ("{z}", "{x}", "{y}")):
            raise ConfigError(f"{path}: {where}.url must be http(s) with {{z}}, {{x}} and {{y}}")
        if datum not in ("WGS84", "GCJ02"):
            raise ConfigError(f"{path}: {where}.datum must be WGS84 or GCJ02")
        subdomains = item.get("subdomains", [])
        max_zoom = item.get("max_zoom", 18)
        if not isinstance(subdomains, list) or not isinstance(max_zoom, int):
            raise ConfigError(f"{path}: {where}.subdomains must be a list and max_zoom a number")
        out.append(TileSourceConfig(name, url, datum, max_zoom, tuple(map(str, subdomains)),
                                    _str(item, "attribution", "", where)))
    return out


def validate(cfg: AppConfig) -> None:
    if cfg.language not in ("zh_CN", "en"):
        raise ConfigError(f"ui.language must be zh_CN or en, not {cfg.language!r}")
    if cfg.log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"logging.level {cfg.log_level!r} is not a level")
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(cfg.timezone)
    except Exception as exc:  # noqa: BLE001 - any failure means the name is unusable
        raise ConfigError(f"site.timezone {cfg.timezone!r} is not a known time zone") from exc


def load_or_explain(path: Path | None) -> AppConfig | None:
    """For the commands: the config, or None after saying on stderr what is wrong."""
    import sys

    try:
        return load_config(path, must_exist=path is not None)
    except ConfigError as exc:
        print(f"配置文件有误 (configuration error): {exc}", file=sys.stderr)
        return None
