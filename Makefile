# One Makefile for the habits (asyncpg/uvloop style). Every target creates/uses ./.venv,
# so on a fresh machine `make demo` and `make test` are the whole set-up.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: all venv build demo test test-pure test-all bench bench-smoke bench-micro lint annotate clean

all: build

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip 'setuptools>=77' wheel 'Cython>=3.0.10,<3.4'
	# Dependencies only: the kernels are compiled once, in place, by `make build`.
	FASTGATE_NO_EXTENSIONS=1 $(BIN)/pip install -q -e '.[test,exact,bench,dev]'
	@touch $@

venv: $(STAMP)

# In-place build of every fastgate/_native/*.pyx (quick no-op when nothing changed).
build: $(STAMP)
	$(BIN)/python setup.py -q build_ext --inplace

demo: build
	$(BIN)/fastgate demo

test: build
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The same suite on the pure-Python twins of every kernel.
test-pure: $(STAMP)
	FASTGATE_NO_EXTENSIONS=1 $(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-all: build
	$(BIN)/python -m pytest -q -m '' $(PYTEST_ARGS)

bench: build
	$(BIN)/python bench/run.py $(BENCH_ARGS)

bench-smoke: build
	$(BIN)/python bench/run.py --smoke

# Per-kernel / per-stage micro-benchmarks (CPU time per operation); output kept in bench/out/.
bench-micro: build
	@mkdir -p bench/out
	( for b in jwt auth tokens pii limits metrics; do echo "== bench/bench_$$b.py"; \
	    $(BIN)/python bench/bench_$$b.py $$( [ $$b = limits ] || [ $$b = metrics ] || echo --quick ); done; \
	  echo "== bench/bench_client.py"; $(BIN)/python bench/bench_client.py --rounds 3 ) 2>&1 | tee bench/out/micro.txt

lint: $(STAMP)
	$(BIN)/ruff check fastgate tests bench
	$(BIN)/mypy fastgate

annotate: $(STAMP)
	FASTGATE_ANNOTATE=1 $(BIN)/python setup.py -q build_ext --inplace --force
	@echo "annotated HTML: fastgate/_native/*.html"

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find fastgate -name '*.so' -delete -o -name '*.c' -path '*/_native/*' -delete -o -name '*.html' -path '*/_native/*' -delete
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
