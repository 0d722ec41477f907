# kclmap: two commands. `make map` sets up .venv and builds the demo from seeds/ into out/;
# `make test` sets up the same .venv, then runs ruff, mypy and the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup map test lint browser qgis bench gazetteer clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

map: setup
	$(BIN)/kclmap build seeds/ -o out/

# Debian's Chromium for the browser tests, where we may install it (root with apt-get, as on CI).
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian chromium for the browser tests..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "could not install chromium: browser tests will report it"; \
	else echo "chromium is not installed and cannot be installed here: browser tests will report it"; fi

# Debian's QGIS (python3-qgis) for the test that opens kclmap.gpkg in real QGIS, headless.
qgis:
	@if /usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian python3-qgis for the QGIS test..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-qgis >/dev/null) \
	  || echo "could not install python3-qgis: the QGIS test will report it"; \
	else echo "python3-qgis is not installed and cannot be installed here: the QGIS test will report it"; fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: setup browser qgis lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run.py

# Rebuild the derived gazetteer files from data/reference/ (needs the dev extra: wordfreq).
gazetteer: setup
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
