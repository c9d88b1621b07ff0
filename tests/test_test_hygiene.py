"""The tests' own house rules, checked on their source: nothing under tests/
(test modules, helpers, benchmarks) imports from a test module (what tests
share lives in tests/helpers.py, helper modules such as
tests/server/live_server.py, or a conftest fixture), and there is one
`wait_until`, in tests/helpers.py."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import, relative ones resolved;
    `from tests.video import test_decoder` counts as importing tests.video.test_decoder."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            out.append((node.lineno, module))
            out += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return out


def python_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def test_nothing_imports_a_test_module():
    modules = {module_name(p) for p in python_files() if p.name.startswith("test_")}
    assert len(modules) > 50  # the walk found the suite, not an empty folder
    offences = []
    for path in python_files():
        name = module_name(path)
        package = name.rsplit(".", 1)[0]
        for line, imported in imported_modules(ast.parse(path.read_text(encoding="utf-8")), package):
            if imported in modules and imported != name:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not offences, "move what they share into tests/helpers.py or a conftest fixture:\n" + "\n".join(offences)


def test_one_wait_until():
    defined = [str(p.relative_to(ROOT)) for p in python_files()
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "wait_until"]
    assert defined == ["tests/helpers.py"], defined


def test_the_check_sees_an_import_of_a_test_module():
    """The walker itself: every spelling of an import of a test module is seen."""
    source = ("import tests.video.test_decoder\n"
              "from tests.video.test_decoder import clip\n"
              "from tests.video import test_decoder\n"
              "from .test_decoder import clip\n"
              "def f():\n    from tests.sync.test_outbox_and_apply import remote_incident\n")
    found = [m for _line, m in imported_modules(ast.parse(source), "tests.video")]
    assert found.count("tests.video.test_decoder") == 4
    assert "tests.sync.test_outbox_and_apply" in found
