# Entry points: `make serve`, `make test` and `make lab`. Each builds .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 5006

.PHONY: test fuzz serve lab setup bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# pytest exits 5 when it collects no tests; that is not a failure of the code under test.
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The property tests with 100,000 random cases instead of the suite's few (tests/properties).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/properties --hypothesis-show-statistics $(PYTEST_ARGS)

serve: $(STAMP)
	$(BIN)/timeline serve --port $(PORT)

# JupyterLab (the `lab` extra, installed on first use) on the notebooks.
LAB_STAMP := $(VENV)/.lab-installed

$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,lab]"
	touch $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python -m benchmarks.speed_times
	$(BIN)/python -m benchmarks.tempeval
	$(BIN)/python -m benchmarks.tempeval --corpus wikiwars
	$(BIN)/python -m benchmarks.meantime_timex
	$(BIN)/python -m benchmarks.reference_dates
	$(BIN)/python -m benchmarks.language_check
	$(BIN)/python -m benchmarks.speed_extract
	$(BIN)/python -m benchmarks.growth_extract
	$(BIN)/python -m benchmarks.meantime
	$(BIN)/python -m benchmarks.dashboard_speed

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .hypothesis
