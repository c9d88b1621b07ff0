"""The layer rules of DESIGN.md, enforced: Qt-free services/offline_cache and
the import directions between folders."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "qasync", "vlc")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_services_and_offline_cache_never_import_qt():
    offenders = []
    for folder in ("services", "offline_cache", "server"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_services_import_headless_in_a_fresh_interpreter():
    """Importing every services/offline_cache module must not load Qt at all."""
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for folder in ("services", "offline_cache", "server")
        for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def import_cycles(packages: tuple[str, ...]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop, with
    imports inside functions counted too (a deferred import is still a cycle)."""
    import grimp

    graph = grimp.build_graph(*packages)
    modules = sorted(m for m in graph.modules if ".migrations" not in m)
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in graph.modules)
             for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:  # Tarjan's strongly connected components, iteratively
        nonlocal counter
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])

    for module in modules:
        if module not in index:
            visit(module)
    return cycles


def test_no_import_cycles():
    assert import_cycles(("app", "views", "widgets", "services", "offline_cache", "server")) == []
