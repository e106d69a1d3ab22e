# The two commands: `make run` (install, load the defaults, build the indexes, serve) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
RAY_STAMP := $(VENV)/.installed-ray-$(shell cksum pyproject.toml | cut -d' ' -f1)
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 8000
# `make bench`: the compressed index (ivfpq) beside ivf at these sizes (empty skips; ~7 GB RAM at 2M)
LARGE_INDEX_SIZES ?= 1000000,2000000

.PHONY: install ray run init test test-fast lint format bench eval clean chromium distill

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

## Load the default taxonomy, catalog and postings, build the indexes (reused when up to date), serve.
run: install
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch serve --init --host $(HOST) --port $(PORT)

init: install
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch init

## Debian's chromium for the browser tests (tests/browser); playwright never downloads its own.
chromium:
	test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)

## Ray (the optional extra '.[ray]', ~500 MB, ~40 s) for `skillmatch embed --ray` and its tests.
ray: $(RAY_STAMP)

$(RAY_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,ray]'
	touch $@

## The whole suite (PostgreSQL tests run when SKILLMATCH_TEST_POSTGRES_URL is set, as in CI);
## with Ray installed, so `embed --ray` runs on a local Ray cluster here and in CI.
test: install ray chromium
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

## Style, format, and the architecture: the import contracts of pyproject.toml ([tool.importlinter]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## One report (bench/report.json) and a table; the model2vec backend is distilled first if absent.
bench: install
	test -f var/models/m2v/config.json || $(MAKE) distill
	HF_HUB_OFFLINE=1 $(BIN)/skillmatch bench --out bench/report.json \
		--large-index-sizes=$(LARGE_INDEX_SIZES)

## A static (model2vec) encoder distilled from the default model, for bulk ingest.
distill: install
	$(BIN)/python -m pip install -q -e '.[dev,distill]'
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
