# fogofwar: the two commands.
#   make demo   set everything up on a fresh machine and run the main job on the bundled sample
#   make test   set up and run the tests (needs nothing outside the repo)
# .ci/run runs `make test`, then `make gates` (quality gates on ../shared/data against pinned floors).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= fogofwar-sample.db

.PHONY: demo setup dev test gates bench lint schema clean

demo: setup
	$(BIN)/fogofwar demo --db $(DB)

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	$(BIN)/fogofwar gazetteer build
	touch $@

dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

test: dev
	$(BIN)/pytest -q

lint: dev
	$(BIN)/ruff check src tests benchmarks

gates: dev
	$(BIN)/fogofwar evaluate all --data $(SHARED)/data --floors benchmarks/floors.toml

bench: setup
	$(BIN)/python benchmarks/speed.py --data $(SHARED)/data

schema: setup
	$(BIN)/python -m fogofwar.validate > docs/analysis.schema.json

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
