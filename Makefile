# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DASH2_VENV ?= .venv-dash2
PYTEST_ARGS ?=
CHROMIUM ?= /usr/bin/chromium
# `make test` drives Debian's headless shell instead (the kind of browser Playwright runs headless tests in):
# the same Chromium release without the full browser's layers, half the CPU per page (docs/testing.md).
# `make test CHROMIUM=...` still picks another binary.
TEST_CHROMIUM ?= /usr/bin/chromium-headless-shell
HOST ?= 127.0.0.1
PORT ?= 8050
export CHROMIUM
# Python keeps the bytecode it compiles (__pycache__, which git ignores) even where the environment says not to
# (PYTHONDONTWRITEBYTECODE, common in containers). `make test` starts dozens of Python processes that import
# Dash and the app; each one compiled them again, 0.5 s of CPU apiece here.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: run test test-fast setup bench lint format serve clean

# uv installs the exact pins of requirements*.txt, as pip would, in seconds rather than half a minute;
# it comes from PyPI into .venv, pinned in requirements-tools.txt.
UV := $(BIN)/uv
UV_PIN = $(shell grep '^uv==' requirements-tools.txt)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Its own target, so a .venv made before uv gets it too.
$(UV): | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "$(UV_PIN)"

$(VENV)/.runtime: requirements.txt | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -r requirements.txt
	touch $@

# The tools, and this project installed in place (pyproject.toml), so tests, bench/ and scripts/ import it.
$(VENV)/.dev: requirements-dev.txt requirements-tools.txt pyproject.toml $(VENV)/.runtime
	$(UV) pip install --quiet --python $(BIN)/python -r requirements-dev.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# The second line of the matrix: Dash 2.18 with its own pins, in its own virtualenv.
$(DASH2_VENV)/.dev: requirements-dash2.txt requirements-tools.txt pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(BIN)/python $(DASH2_VENV)
	$(UV) pip install --quiet --python $(DASH2_VENV)/bin/python -r requirements-dash2.txt
	$(UV) pip install --quiet --python $(DASH2_VENV)/bin/python --no-deps -e .
	touch $@

## run: install the pinned requirements and start the app on http://$(HOST):$(PORT)
run: $(VENV)/.runtime
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python run.py

## serve: run it as in production (gunicorn, gunicorn.conf.py)
serve: $(VENV)/.runtime
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn run:server

TEST_ENV = BIN=$(BIN) DASH2_BIN=$(DASH2_VENV)/bin PYTEST_ARGS="$(PYTEST_ARGS)"

## test: lint, then every suite on Dash 4, and on Dash 2.18 the suites without a browser plus the `core` browser tests
# (the compat seam and the core interop triangle); scripts/test.sh runs the stages in two lanes at once.
test: CHROMIUM = $(TEST_CHROMIUM)
test:
	@$(TEST_ENV) scripts/test.sh

## test-fast: the inner loop: lint and the suites without a browser, on both Dash lines
test-fast: $(VENV)/.dev $(DASH2_VENV)/.dev
	@$(TEST_ENV) scripts/test.sh fast

setup: $(VENV)/.dev $(DASH2_VENV)/.dev
	@scripts/ensure-chromium.sh
	@scripts/ensure-debian-package.sh nginx nginx "the load-balancer test"
	@scripts/ensure-debian-package.sh wrk wrk "the benchmark"

## bench: the benchmark (bench/): this tree on both Dash lines and the baseline revision, each against the vendor page's
# example (bench/vendor_example/, on Dash 2.18 from .venv-dash2); BENCH_ARGS=--no-baseline leaves the baseline out
BENCH_ARGS ?=
bench: $(VENV)/.dev $(DASH2_VENV)/.dev
	@scripts/ensure-chromium.sh
	@scripts/ensure-debian-package.sh wrk wrk "the benchmark"
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(DASH2_VENV) .pytest_cache .ruff_cache
