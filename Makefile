# vigie — every target that needs Python builds .venv on its own (a fresh clone needs only python3.11 and make).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# These machines have 2 cores; BLAS threads above the core count make numpy much slower.
export OMP_NUM_THREADS ?= 2
export OPENBLAS_NUM_THREADS ?= 2

.PHONY: run test lint typecheck bench train eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[dev,postgres,train,ray]'
	@rm -f $(VENV)/.installed-*
	@touch $@

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/vigie scan examples/feed.jsonl --db sqlite:///vigie.db --report reports/scan.html

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy --strict src/vigie

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

train: $(STAMP)
	$(BIN)/vigie train

eval: $(STAMP)
	$(BIN)/vigie eval ../shared/data/hatecheck/test_suite_cases.csv --lang en

clean:
	rm -rf $(VENV) reports vigie.db .pytest_cache .mypy_cache .ruff_cache
