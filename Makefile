# Two commands do all the setup: `make run` starts the app, `make test` runs the tests.
# Both create .venv on first use and install the project into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint translations system-deps clean

$(STAMP): pyproject.toml
	@bash .ci/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@bash .ci/system-deps

run: $(STAMP)
	$(BIN)/python -m orgdesigner $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check orgdesigner tests

clean:
	rm -rf $(VENV) build dist *.egg-info
