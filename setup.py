"""Build the Cython kernels under fastgate/_native/.

Switches (asyncpg/aiohttp style):
  FASTGATE_NO_EXTENSIONS=1  build and run pure Python (the *_py.py twins)
  FASTGATE_DEBUG=1          -O0 -g and Cython line tracing
  FASTGATE_ANNOTATE=1       write cython -a HTML next to each .pyx
Every ``fastgate/_native/NAME.pyx`` is a kernel; nothing has to be registered.
"""

import glob
import os

from setuptools import setup

NO_EXT = os.environ.get("FASTGATE_NO_EXTENSIONS", "") not in ("", "0")
DEBUG = os.environ.get("FASTGATE_DEBUG", "") not in ("", "0")
ANNOTATE = os.environ.get("FASTGATE_ANNOTATE", "") not in ("", "0")


def extensions():
    if NO_EXT:
        return []
    from Cython.Build import cythonize
    from setuptools import Extension

    macros = [("CYTHON_TRACE", "1"), ("CYTHON_TRACE_NOGIL", "1")] if DEBUG else []
    cflags = ["-O0", "-g"] if DEBUG else ["-O3"]
    exts = []
    for pyx in sorted(glob.glob("fastgate/_native/*.pyx")):
        name = pyx[:-4].replace("/", ".")
        exts.append(Extension(name, [pyx], define_macros=macros, extra_compile_args=cflags))
    directives = {"language_level": "3", "boundscheck": False, "wraparound": False, "cdivision": True}
    if DEBUG:
        directives.update(linetrace=True, binding=True)
    return cythonize(exts, compiler_directives=directives, annotate=ANNOTATE, quiet=True)


setup(ext_modules=extensions())
