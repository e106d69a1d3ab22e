"""The architecture rules import-linter cannot check (pyproject.toml's [tool.importlinter] holds
the layers): no import of another module's private name, and sizes: files, functions, and the
top-level modules of service/. Read from the source (ast), nothing imported."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("service", "models", "indexing")
MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 80
MAX_TOP_LEVEL_SERVICE_MODULES = 14


def _sources() -> Iterator[Path]:
    """The source files of the three packages, the migrations aside (generated, append-only)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(tree: ast.Module) -> list[str]:
    """`from X import _name` (absolute or relative): a name another module keeps to itself."""
    return [
        f"from {'.' * node.level}{node.module or ''} import {alias.name} (l.{node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if _is_private(alias.name)
    ]


def long_functions(tree: ast.Module, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """Functions and methods (nested ones too) over limit lines, decorators aside."""
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, l.{node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > limit
    ]


def test_the_checks_see_what_they_look_for():
    tree = ast.parse(
        "from a import _x, y\nfrom .b import _z\nfrom c import __version__\n"
        "def f():\n" + "    pass\n" * 80
    )
    assert private_imports(tree) == ["from a import _x (l.1)", "from .b import _z (l.2)"]
    assert long_functions(tree) == ["f (81 lines, l.4)"]
    assert long_functions(tree, limit=81) == []


def test_no_module_imports_another_modules_private_name():
    found = [f"{_name(p)}: {imp}" for p in _sources() for imp in private_imports(_tree(p))]
    hint = "make the name public (and name it well), or move the code"
    assert found == [], hint + ":\n" + "\n".join(found)


def test_no_source_file_over_500_lines():
    found = [
        f"{_name(p)}: {n} lines"
        for p in _sources()
        if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_FILE_LINES
    ]
    assert found == [], "split by idea:\n" + "\n".join(found)


def test_no_function_over_80_lines():
    found = [f"{_name(p)}: {f}" for p in _sources() for f in long_functions(_tree(p))]
    assert found == [], "split into well-named helpers:\n" + "\n".join(found)


def test_service_has_at_most_14_top_level_modules():
    modules = sorted(p.name for p in (ROOT / "service").glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= MAX_TOP_LEVEL_SERVICE_MODULES, (
        f"{len(modules)} top-level modules in service/ (at most {MAX_TOP_LEVEL_SERVICE_MODULES}): "
        "group them into packages: " + ", ".join(modules)
    )
