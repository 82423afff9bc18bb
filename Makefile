# planbot — one entry point for every routine job. Needs only python3 and make.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DB ?= sqlite:///data/planbot.sqlite3

.PHONY: demo test test-postgres browser fmt bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(TEST_STAMP)

## demo: install, ingest the bundled sample plans into ./data, open the terminal chat
demo: $(STAMP)
	mkdir -p data
	$(BIN)/planbot ingest knowledge/samples --db $(DB)
	$(BIN)/planbot chat --db $(DB)

## test: ruff (lint + format check), import-linter layers, the whole pytest suite
## (the web board's browser tests need Debian's chromium: installed first when missing)
test: $(TEST_STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy  # bot/, handlers/, storage/, knowledge/ (pyproject.toml)
	$(MAKE) deps
	$(BIN)/pytest -q

## test-postgres: the same suite on a throw-away PostgreSQL server (installed from Debian when missing)
test-postgres: $(TEST_STAMP) browser
	scripts/pg-test-server.sh $(BIN)/pytest -q

## browser: Debian's chromium + chromium-driver for tests/test_web_browser.py (skipped, with the reason, without them)
browser:
	scripts/install-browser.sh || echo "chromium could not be installed: the browser tests will be skipped" >&2

fmt: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: benchmarks (figures printed next to a baseline measured in the same run)
bench: $(TEST_STAMP)
	$(BIN)/python -m bench

## deps: every declared dependency is imported and every import declared (deptry, pyproject.toml):
## first the package (no test tool in it), then with the tests and their data generators.
## The test extra pulls the [postgres] extra (psycopg), so test-postgres has its driver.
.PHONY: deps
deps: $(TEST_STAMP)
	$(BIN)/deptry .
	$(BIN)/deptry . --exclude '^(\.venv|venv|data|build|\.git)/' --ignore DEP004

clean:
	rm -rf $(VENV) data build *.egg-info
