"""Virtual screens for the workspace tests: a configuration file for the offscreen
platform, and screens taken away or added while the program runs.

Changing screens at run time has no public API: the offscreen platform plugin
offers it to Qt's own tests as the native resource "setConfiguration". We reach
it through ctypes, calling Qt's exported C++ functions (x86-64 Linux ABI)."""

from __future__ import annotations

import ctypes
import json
import os
import time
from pathlib import Path

DUTY_3 = [("DP-1", 0, 0, 1920, 1080), ("DP-2", 1920, 0, 1920, 1080), ("DP-3", 3840, 0, 1920, 1080)]
DUTY_2 = DUTY_3[:2]
WALL_4K = [("DP-1", 0, 0, 1920, 1080), ("WALL", 1920, 0, 3840, 2160)]
LAPTOP = [("eDP-1", 0, 0, 1366, 768)]
_current: list[dict] = []


def config(screens) -> dict:
    return {"windowFrameMargins": False,
            "screens": [{"name": n, "x": x, "y": y, "width": w, "height": h, "logicalDpi": 96,
                         "logicalBaseDpi": 96, "dpr": 1.0} for n, x, y, w, h in screens]}


def write_config(path: Path, screens) -> str:
    path.write_text(json.dumps(config(screens)), encoding="utf-8")
    return f"offscreen:configfile={path}"


def wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _libs():
    import PySide6

    folder = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib")
    return ctypes.CDLL(os.path.join(folder, "libQt6Core.so.6")), ctypes.CDLL(os.path.join(folder, "libQt6Gui.so.6"))


def _byte_array(core, data: bytes):
    buf = ctypes.create_string_buffer(32)
    ctor = core._ZN10QByteArrayC1EPKcx
    ctor.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_longlong]
    ctor(buf, data, len(data))
    return buf


def apply_config(doc: dict) -> None:
    """QOffscreenPlatformNativeInterface::setConfiguration(QJsonObject, iface)."""
    core, gui = _libs()
    native = gui._ZN15QGuiApplication23platformNativeInterfaceEv
    native.restype = ctypes.c_void_p
    iface = native()
    base = ctypes.cast(gui._ZN24QPlatformNativeInterface28nativeResourceForIntegrationERK10QByteArray,
                       ctypes.c_void_p).value
    base_table = ctypes.cast(ctypes.cast(gui._ZTV24QPlatformNativeInterface, ctypes.c_void_p).value + 16,
                             ctypes.POINTER(ctypes.c_void_p))
    slot = next(i for i in range(64) if base_table[i] == base)
    table = ctypes.cast(ctypes.cast(iface, ctypes.POINTER(ctypes.c_void_p))[0], ctypes.POINTER(ctypes.c_void_p))
    resource = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(table[slot])
    setter = resource(iface, _byte_array(core, b"setConfiguration"))
    if not setter:
        raise RuntimeError("the platform is not offscreen (QT_QPA_OFFSCREEN_NO_GLX=1 is needed)")
    raw = _byte_array(core, json.dumps(doc).encode())
    document, obj = ctypes.create_string_buffer(16), ctypes.create_string_buffer(16)
    from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
    from_json.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    from_json(document, raw, None)
    to_object = core._ZNK13QJsonDocument6objectEv
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    to_object(obj, document)
    ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(setter)(obj, iface)


def set_screens(app, action: str, name: str) -> None:
    """Takes screen `name` away, or brings it back (from the file the program started with)."""
    started = json.loads(Path(os.environ["SCREENS_FILE"]).read_text(encoding="utf-8"))["screens"]
    present = [s.name() for s in app.screens()]
    wanted = [n for n in present if n != name] if action == "remove" else present + [name]
    apply_config({"windowFrameMargins": False, "screens": [s for s in started if s["name"] in wanted]})
