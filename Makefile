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
	$(PY) -m pytest -q --doctest-modules ocrfix

# The quality leaderboard on the embedded corpus (tables under benchmarks/results/latest/, README's
# results section), then the speed suite. A missed speed target is printed as a failed check but
# does not stop `make bench` (it reports); `make speed` is the strict gate that fails on it.
bench: install
	$(PY) -m ocrfix bench --jobs 0 --readme README.md
	-$(SPEED)

# Throughput and memory with pytest-benchmark, plus the speed targets of the issues (tests in
# benchmarks/ that assert them); each run is saved and compared with the last saved one.
SPEED = $(PY) -m pytest -q benchmarks --benchmark-autosave --benchmark-compare

speed: install
	$(SPEED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks
