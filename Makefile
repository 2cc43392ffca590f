# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  := seeds
OUT    := out

.PHONY: run test bench clean

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

run: $(VENV)/.installed
	$(BIN)/histkg build $(SEEDS) --out $(OUT)
	@echo "histkg is installed in $(VENV)/: run it as $(BIN)/histkg (e.g. $(BIN)/histkg query $(OUT)/graph.ttl --named treaties), or first: source $(BIN)/activate"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The seeds and BENCH_COPIES shuffled copies of them; a build past BENCH_BUDGET seconds (or 8 GiB) is stopped.
BENCH_COPIES ?= 100
BENCH_BUDGET ?= 900
bench: $(VENV)/.installed
	$(BIN)/python -m histkg.bench $(SEEDS) --copies $(BENCH_COPIES) --budget $(BENCH_BUDGET)

clean:
	rm -rf $(VENV) $(OUT)
