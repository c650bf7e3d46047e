# Two commands on a fresh machine:  `make`  builds the brochure;  `make test`  runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: brochure test lint clean

brochure: $(VENV)/.installed
	$(PY) make_pdf.py content.yaml

test: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m pytest

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

lint: $(VENV)/.installed-test
	$(PY) -m ruff check .

clean:
	rm -rf build .pytest_cache
