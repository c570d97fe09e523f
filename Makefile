# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8050
export CHROMIUM

.PHONY: run test lint format serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## run: install the pinned requirements and start the app on http://$(HOST):$(PORT)
run: $(VENV)/.runtime
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python run.py

## serve: run it as in production (gunicorn, gunicorn.conf.py)
serve: $(VENV)/.runtime
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn run:server

## test: lint, then the whole suite (unit, Flask client, browser)
test: $(VENV)/.dev
	@scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
