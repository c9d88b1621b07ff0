"""Shared fixtures: a real mirror in a temp folder, the real services, an injected clock."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime

import pytest

# GUI tests run offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from offline_cache.database import open_mirror  # noqa: E402
from services.clock import ManualClock  # noqa: E402
from services.events import EventBus  # noqa: E402
from services.incidents.deadlines import load_rules  # noqa: E402
from services.incidents.service import IncidentService  # noqa: E402
from services.incidents.taxonomy import load_taxonomy  # noqa: E402

START = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def pytest_configure(config) -> None:
    """The map's tile scheme (and QtWebEngine itself) must be set up before
    pytest-qt creates the QApplication."""
    from widgets.map_view import register_schemes

    register_schemes()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def mirror(tmp_path):
    m = open_mirror(tmp_path / "mirror.db")
    yield m
    m.close()


@pytest.fixture
def events() -> EventBus:
    return EventBus()


@pytest.fixture
def incident_service(mirror, clock, events) -> IncidentService:
    return IncidentService(
        mirror, load_taxonomy(), load_rules(), site_code="CQ", events=events, clock=clock
    )


@pytest.fixture(scope="session")
def clip(tmp_path_factory):
    """A short H.264 clip in MPEG-TS (CLIP_SECONDS long) that the video tests stream from loopback."""
    from services.video.demo_gateway import make_clip
    from tests.helpers import CLIP_SECONDS

    return make_clip(tmp_path_factory.mktemp("media") / "clip.ts", CLIP_SECONDS)


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session (started on first use)."""
    from tests.pg import TempPostgres

    pg = TempPostgres()
    pg.start()
    yield pg
    pg.stop()


@pytest.fixture(autouse=True)
def _program_log_handlers_removed():
    """A test that runs the command line (app/cli.py) leaves its log handlers on the
    root logger, one of them on the sys.stderr of that test (capsys's, closed after
    it): every later warning would print "--- Logging error ---" into the next
    test's stderr. Only the program's own handlers go; pytest's stay."""
    from app.logging_setup import PrivateRotatingFileHandler

    root = logging.getLogger()
    before = set(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before and type(handler) in (logging.StreamHandler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
