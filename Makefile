# Two commands do all the setup: `make run` starts the app, `make test` runs the tests.
# Both create .venv on first use and install the project into it: `make run` without the
# test tools (its stamp: .installed), `make test` adds the test extras (.installed-test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Translations: the .ts files are the source (edit with `$(BIN)/pyside6-linguist`); the .qm
# files are compiled from them here and never committed.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# lupdate reads every tr()/translate() in the GUI; module helpers named _tr() translate in
# the empty context, which is where lupdate files their strings.
LUPDATE_FLAGS := -locations none -no-obsolete -tr-function-alias tr+=_tr

.PHONY: run test bench bench-cli lint translations lupdate system-deps install-desktop clean

$(STAMP): pyproject.toml
	@bash .ci/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@$(MAKE) --no-print-directory $(QM_FILES)
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(TEST_STAMP)

system-deps:
	@bash .ci/system-deps

run: $(STAMP) $(QM_FILES)
	$(BIN)/python -m orgdesigner $(ARGS)

test: $(TEST_STAMP) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run $(ARGS)

# every CLI command in a fresh process at 5k and 50k units (long: about half an hour)
bench-cli: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.bench_cli $(ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check orgdesigner tests
	$(BIN)/lint-imports  # the package layers (pyproject.toml); tests/test_layers.py runs it too

# Put OrgDesigner in this user's desktop menu (Linux, XDG folders): launcher, icon,
# AppStream metadata and the .orgd file type. `orgdesigner install-desktop --uninstall` undoes it.
install-desktop: $(STAMP)
	$(BIN)/python -m orgdesigner install-desktop

# Compile the translations (.ts → .qm) with the lrelease that ships with PySide6.
translations: $(STAMP) $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing user-visible strings: add them to the .ts files, then translate them
# (tests/test_i18n_completeness.py fails until every one has a Japanese translation).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate $(LUPDATE_FLAGS) $$(find orgdesigner/gui -name '*.py' | sort) \
		-ts $(TS_FILES)

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM_FILES)
