# Two commands on a fresh machine: `make bench` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
EXTRAS := dev,bench,peers,corpus
STAMP  := $(VENV)/.installed

.PHONY: install test bench speed clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

test: install
	$(PY) -m pytest -q tests

bench: install
	$(PY) -m ocrfix score --gt-dir corpus/seed --hyp-dir corpus/seed

speed: install
	$(PY) -m pytest -q benchmarks --benchmark-only --benchmark-autosave

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks
