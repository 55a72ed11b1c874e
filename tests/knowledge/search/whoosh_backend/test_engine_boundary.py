"""The Whoosh engine (knowledge/search/whoosh_backend/) imports nothing from the project, so it
can be read, tested and replaced on its own: no ``knowledge.*`` outside the package, no
``schools``, no ``praksisnet``."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import knowledge.search.whoosh_backend as engine

PACKAGE = engine.__name__
PACKAGE_DIR = Path(engine.__file__).parent
PROJECT = ("knowledge", "schools", "praksisnet")


def module_name(path):
    return ".".join([PACKAGE, *path.relative_to(PACKAGE_DIR).with_suffix("").parts]).removesuffix(
        ".__init__"
    )


def imported_modules(path):
    """Absolute names of everything a module imports, at the top or inside functions."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                yield f"{base}.{node.module}" if node.module else base
            else:
                yield node.module


def from_the_project(name):
    inside = name == PACKAGE or name.startswith(PACKAGE + ".")
    return not inside and name.split(".")[0] in PROJECT


def test_no_module_of_the_engine_imports_from_the_project():
    modules = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(modules) > 10
    found = {
        f"{path.relative_to(PACKAGE_DIR)}: {name}"
        for path in modules
        for name in imported_modules(path)
        if from_the_project(name)
    }
    assert found == set()


# A fresh interpreter with bare Django settings (no project app installed) imports every
# module of the engine, then lists what it loaded from the project's packages.
IMPORT_EVERY_MODULE = """
import json, pkgutil, sys
import django
from django.conf import settings

settings.configure(INSTALLED_APPS=["django.contrib.contenttypes", "modelsearch"])
django.setup()
import knowledge.search.whoosh_backend as engine

for module in pkgutil.walk_packages(engine.__path__, engine.__name__ + "."):
    __import__(module.name)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in {project})))
"""


def test_the_engine_imports_without_the_project_apps_and_loads_none_of_them():
    script = IMPORT_EVERY_MODULE.format(project=set(PROJECT))
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PACKAGE_DIR.parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert {name for name in loaded if from_the_project(name)} <= {"knowledge", "knowledge.search"}
    assert f"{PACKAGE}.backend" in loaded
