# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  := seeds
OUT    := out

.PHONY: run test bench bench-pages clean chromium

# $(call need,COMMAND,PACKAGE): install a Debian package when its command is missing (as root, with
# apt-get); where that cannot be done, one line that says what to do, and the target fails.
need = command -v $(1) >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	&& echo "Installing $(2) from Debian (apt-get)..." && apt-get update -q >/dev/null 2>&1 \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(2) >/dev/null 2>&1; } \
	|| { echo "histkg: $(1) is missing and could not be installed: run 'apt-get install $(2)' as root" >&2; exit 1; }

$(BIN)/python:
	@echo "Creating the virtual environment $(VENV)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps re-install only when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing histkg and its dependencies into $(VENV) (a few minutes the first time)..."
	$(BIN)/python -m pip install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

# The workbench's data from npm (country outlines: world-atlas), as package-lock.json pins it.
node_modules/.installed: package.json package-lock.json
	@$(call need,npm,npm)
	npm ci --no-audit --no-fund
	touch $@

# The browser tests drive Debian's Chromium; they never download a browser of their own.
chromium:
	@$(call need,chromium,chromium)

run: $(VENV)/.installed node_modules/.installed
	$(BIN)/histkg build $(SEEDS) --out $(OUT)
	@echo "histkg is installed in $(VENV)/: run it as $(BIN)/histkg (e.g. $(BIN)/histkg query $(OUT)/graph.ttl --named treaties), or first: source $(BIN)/activate"

test: $(VENV)/.installed-test node_modules/.installed chromium
	$(BIN)/python -m pytest

# The seeds and BENCH_COPIES shuffled copies of them; a build past BENCH_BUDGET seconds (or 8 GiB) is stopped.
BENCH_COPIES ?= 100
BENCH_BUDGET ?= 900
bench: $(VENV)/.installed
	$(BIN)/python -m histkg.bench $(SEEDS) --copies $(BENCH_COPIES) --budget $(BENCH_BUDGET)

# How long each page of the workbench takes to answer on the built graph (make run first).
bench-pages: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m histkg.query.workbench.timing $(OUT)/graph.trig

clean:
	rm -rf $(VENV) $(OUT) node_modules
