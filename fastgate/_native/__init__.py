"""Kernel selector (aiohttp ``_websocket/mask.pyx`` + ``helpers.py`` pattern).

Every hot kernel lives twice in this package: ``NAME.pyx`` (compiled by setup.py) and
``NAME_py.py``, the pure-Python twin that is the readable specification. ``kernel("NAME")``
returns the compiled module when it was built and ``FASTGATE_NO_EXTENSIONS`` is unset, the
twin otherwise. Kernels know nothing about HTTP, I/O or logging (DESIGN.md practice 1).
"""

from __future__ import annotations

import importlib
import os
import pathlib
from types import ModuleType

NO_EXTENSIONS = os.environ.get("FASTGATE_NO_EXTENSIONS", "") not in ("", "0")

_HERE = pathlib.Path(__file__).parent
_loaded: dict[str, tuple[ModuleType, bool]] = {}


def kernel_names() -> list[str]:
    """Every kernel that has a pure-Python twin in this package."""
    return sorted(p.name[: -len("_py.py")] for p in _HERE.glob("*_py.py"))


def _load(name: str) -> tuple[ModuleType, bool]:
    hit = _loaded.get(name)
    if hit is not None:
        return hit
    result: tuple[ModuleType, bool]
    if not NO_EXTENSIONS:
        try:
            result = (importlib.import_module(f"{__name__}.{name}"), True)
        except ImportError:
            result = (importlib.import_module(f"{__name__}.{name}_py"), False)
    else:
        result = (importlib.import_module(f"{__name__}.{name}_py"), False)
    _loaded[name] = result
    return result


def kernel(name: str) -> ModuleType:
    """The module implementing kernel ``name``: compiled when available, else the twin."""
    return _load(name)[0]


def twin(name: str) -> ModuleType:
    """The pure-Python twin of kernel ``name`` (for equivalence tests)."""
    return importlib.import_module(f"{__name__}.{name}_py")


def compiled(name: str) -> ModuleType | None:
    """The compiled kernel, or None when it is not built (or extensions are disabled)."""
    if NO_EXTENSIONS:
        return None
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError:
        return None


def is_accelerated(name: str) -> bool:
    return _load(name)[1]


def accelerated() -> bool:
    """True when every kernel runs compiled (what ``fastgate --version`` reports)."""
    names = kernel_names()
    return bool(names) and all(is_accelerated(n) for n in names)
