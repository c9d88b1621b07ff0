"""The client's watched folder: CAP files dropped in the configured folder are
checked in the bounded child process (services/warnings/folder_check.py) and
imported through WarningService; imported files move to `imported/`, refused
ones to `refused/` with a .txt of the reasons beside them (alerts a feed had
refused are listed the same way next to an imported file). A file still being
written (changed within the last `settle_s`) waits for the next poll. No Qt:
the sync machinery (or a timer) calls poll() off the GUI thread."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from offline_cache.file_modes import open_private, private_dir
from offline_cache.warnings_schema import WarningRow
from services.imports.bounded import Budget, OverBudget, run_bounded
from services.timefmt import from_db
from services.warnings.model import EarlyWarning
from services.warnings.service import ImportOutcome, WarningService
from services.warnings.wire import RecordProblem, triplet_id, warning_of

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 10 * 1024 * 1024
BUDGET = Budget(seconds=60.0, memory_bytes=1024 * 1024 * 1024, file_bytes=64 * 1024 * 1024)
OVER_BUDGET = {"timeout": "检查超时（文件可能有意构造得难以解析）", "too_large": "文件过大或解析需要的内存超出限制",
               "unreadable": "无法读取或解析该文件"}  # fmt: skip
IMPORTED, REFUSED = "imported", "refused"


@dataclass
class CheckedFile:
    """What the child answered, as import_checked takes it."""

    valid: bool
    warnings: list[EarlyWarning]
    errors: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    refused: int = 0


@dataclass(frozen=True)
class FolderResult:
    name: str
    outcome: ImportOutcome | None  # None when refused
    reasons: tuple[str, ...] = ()  # why it (or some of its alerts) was refused


class WatchedFolder:
    def __init__(self, folder: Path, service: WarningService, *, settle_s: float = 1.0,
                 clock: Callable[[], float] = time.time, budget: Budget = BUDGET, trust: Path | None = None):  # fmt: skip
        self.folder, self.service, self.settle_s, self.clock, self.budget = folder, service, settle_s, clock, budget
        self.trust = trust

    def pending(self) -> list[Path]:
        """Files ready to take, oldest first (hidden files and our own folders left alone)."""
        try:
            entries = [p for p in self.folder.iterdir() if p.is_file() and not p.name.startswith(".")
                       and not p.name.endswith(".txt")]
        except OSError as exc:
            log.warning("watched folder %s cannot be read: %s", self.folder, exc)
            return []
        now = self.clock()
        ready = []
        for p in entries:
            try:
                mtime = p.stat().st_mtime
            except OSError:
                continue
            if now - mtime >= self.settle_s:
                ready.append((mtime, p.name, p))
        return [p for _m, _n, p in sorted(ready)]

    def poll(self) -> list[FolderResult]:
        return [self.take(path) for path in self.pending()]

    def take(self, path: Path) -> FolderResult:
        """Checks and imports one file, then moves it aside; never raises for a bad file."""
        return self.finish(path, *self.check(path))

    def finish(self, path: Path, checked: CheckedFile | None, reasons: list[str]) -> FolderResult:
        """The import of a checked file (the mirror's writer's part) and its move aside."""
        reasons = list(reasons)
        if checked is None or not checked.valid:
            self._move(path, REFUSED, reasons or ["文件未通过检查"])
            return FolderResult(path.name, None, tuple(reasons))
        outcome = self.service.import_checked(checked, path.name)
        reasons += list(outcome.refused)
        self._move(path, IMPORTED, reasons)
        log.info("watched folder: %s imported (%d added, %d repeated)", path.name, outcome.added, outcome.repeated)
        return FolderResult(path.name, outcome, tuple(reasons))

    def check(self, path: Path) -> tuple[CheckedFile | None, list[str]]:
        """The file checked in the bounded child (a reader's part: it may take seconds)."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            return None, [f"无法读取文件：{exc.strerror or exc}"]
        if size > MAX_FILE_BYTES:
            return None, [f"文件过大（{size} 字节，上限 {MAX_FILE_BYTES} 字节）"]
        try:
            answer = run_bounded("services.warnings.folder_check:check_file", str(path), sorted(self._known()),
                                 str(self.trust or ""), budget=self.budget)
        except OverBudget as exc:
            return None, [OVER_BUDGET.get(exc.code, OVER_BUDGET["unreadable"])]
        try:
            warnings = [warning_of(w) for w in answer["warnings"]]
        except (RecordProblem, KeyError, TypeError) as exc:
            return None, [f"检查结果无法使用：{exc}"]
        checked = CheckedFile(bool(answer["valid"]), warnings, list(answer["errors"]),
                              list(answer["recommendations"]), int(answer.get("refused", 0)))
        return checked, list(checked.errors)

    def _known(self) -> set[str]:
        with self.service.mirror.read() as s:
            rows = s.execute(select(WarningRow.sender, WarningRow.identifier, WarningRow.sent))
            return {triplet_id(sender, identifier, from_db(sent)) for sender, identifier, sent in rows}

    def _move(self, path: Path, where: str, reasons: list[str]) -> None:
        target_dir = private_dir(self.folder / where)
        target = target_dir / path.name
        n = 1
        while target.exists():
            target = target_dir / f"{path.stem}-{n}{path.suffix}"
            n += 1
        try:
            os.replace(path, target)
        except OSError as exc:
            log.warning("watched folder: %s could not be moved to %s: %s", path, target_dir, exc)
            return
        if reasons:
            heading = "未导入，原因：" if where == REFUSED else "已导入；以下内容未导入："
            with open_private(target.with_name(target.name + ".txt")) as f:
                f.write(f"{path.name} {heading}\n" + "".join(f"- {r}\n" for r in reasons))
