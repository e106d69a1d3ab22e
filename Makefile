# The two commands: `make run` (install, load the defaults, build the indexes, serve) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUM := $(shell cksum pyproject.toml | cut -d' ' -f1)
STAMP := $(VENV)/.installed-run-$(SUM)
DEV_STAMP := $(VENV)/.installed-dev-$(SUM)
RAY_STAMP := $(VENV)/.installed-ray-$(SUM)
# the browser tests' chromium: SKILLMATCH_CHROMIUM, else the first of these on PATH
CHROMIUM_NAMES := chromium chromium-browser google-chrome-stable google-chrome
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 8000
# `make bench`: the compressed index (ivfpq) beside ivf at these sizes (empty skips; ~7 GB RAM at 2M)
LARGE_INDEX_SIZES ?= 1000000,2000000

.PHONY: install install-dev ray run init test test-fast lint format bench eval clean chromium distill axe

## What serving needs, nothing more (`make run`); install-dev adds the test and lint tools.
install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e .
	rm -f $(VENV)/.installed-run-* && touch $@

install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-dev-* && touch $@

## Load the default taxonomy, catalog and postings, build the indexes (reused when up to date), serve.
run: install
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch serve --init --host $(HOST) --port $(PORT)

init: install
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch init

## A chromium for the browser tests (tests/browser); playwright never downloads its own. Found as
## SKILLMATCH_CHROMIUM or on PATH; else installed with apt-get where this runs as root with apt;
## else the browser tests are skipped, saying why (never a failure of `make test`).
chromium:
	@found="$${SKILLMATCH_CHROMIUM:-}"; \
	if [ -z "$$found" ]; then for n in $(CHROMIUM_NAMES); do \
	  p=$$(command -v $$n 2>/dev/null) && { found=$$p; break; }; done; fi; \
	if [ -n "$$found" ] && [ -x "$$found" ]; then echo "chromium: $$found"; \
	elif [ -n "$$found" ]; then echo "SKILLMATCH_CHROMIUM=$$found is not an executable:" \
	  "the browser tests will be skipped" >&2; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && apt-get install -y -q chromium; \
	else echo "no chromium on PATH and no root apt-get: the browser tests will be skipped" \
	  "(set SKILLMATCH_CHROMIUM=/path/to/chromium to run them)" >&2; fi

## axe-core for the browser tests' accessibility checks (tests/browser/axe.py): from npm into
## node_modules/ (gitignored, nothing saved in a package.json); without npm those checks skip.
axe:
	@if test -f node_modules/axe-core/axe.min.js; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		npm install --no-save --no-package-lock --no-audit --no-fund axe-core@4; \
	else echo "npm not found: the accessibility checks of tests/browser will be skipped"; fi

## Ray (the optional extra '.[ray]', ~500 MB, ~40 s) for `skillmatch embed --ray` and its tests.
ray: $(RAY_STAMP)

$(RAY_STAMP): $(DEV_STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,ray]'
	rm -f $(VENV)/.installed-ray-* && touch $@

## The whole suite (PostgreSQL tests run when SKILLMATCH_TEST_POSTGRES_URL is set, as in CI);
## with Ray installed, so `embed --ray` runs on a local Ray cluster here and in CI.
test: install-dev ray chromium axe
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

test-fast: install-dev
	$(BIN)/python -m pytest -q -m "not slow"

## Style, format, and the architecture: the import contracts of pyproject.toml ([tool.importlinter]).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## One report (bench/report.json) and a table; the model2vec backend is distilled first if absent.
bench: install-dev
	test -f var/models/m2v/config.json || $(MAKE) distill
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch bench --out bench/report.json \
		--large-index-sizes=$(LARGE_INDEX_SIZES)

## A static (model2vec) encoder distilled from the default model, for bulk ingest.
distill: install
	$(BIN)/python -m pip install -q -e '.[distill]'
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch distill --out var/models/m2v

eval: install
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval linking $(SHARED)/eval/skill-linking/tech_test_annotations.csv
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval linking $(SHARED)/eval/skill-linking/tech_validation_annotations.csv
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval linking $(SHARED)/eval/skill-linking/house_validation_annotations.csv
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval extraction $(SHARED)/eval/skill-linking/tech_validation_annotations.csv
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval extraction $(SHARED)/eval/skill-linking/house_validation_annotations.csv
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval extraction tests/fixtures/cv_lines.json
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch eval extraction tests/fixtures/stated_names.json

clean:
	rm -rf var .pytest_cache .ruff_cache .import_linter_cache
