"""The kernel selector: compiled kernels load when built, twins when FASTGATE_NO_EXTENSIONS=1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fastgate import _native


def test_every_kernel_has_twin_and_source():
    names = _native.kernel_names()
    assert names, "no kernels found"
    here = os.path.dirname(_native.__file__)
    for n in names:
        assert os.path.exists(os.path.join(here, f"{n}.pyx")), f"{n}_py.py has no {n}.pyx"


@pytest.mark.parametrize("name", _native.kernel_names())
def test_selector_picks_the_right_implementation(name):
    mod = _native.kernel(name)
    if _native.NO_EXTENSIONS:
        assert mod is _native.twin(name)
        assert not _native.is_accelerated(name)
    elif os.environ.get("FASTGATE_EXPECT_EXTENSIONS"):
        # CI builds the extensions: a silent fallback to Python would hide a broken build.
        assert _native.compiled(name) is not None, f"compiled kernel {name} did not load"
        assert mod is not _native.twin(name) and _native.is_accelerated(name)


def test_version_says_accelerated_or_pure():
    out = subprocess.run([sys.executable, "-m", "fastgate", "--version"], capture_output=True, text=True, check=True)
    expected = "pure" if _native.NO_EXTENSIONS or not _native.accelerated() else "accelerated"
    assert out.stdout.strip().endswith(f"({expected})")
    if os.environ.get("FASTGATE_EXPECT_EXTENSIONS") and not _native.NO_EXTENSIONS:
        assert "(accelerated)" in out.stdout
