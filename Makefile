# Build-up Brief. `make help` lists the targets. Every target sets up .venv on first use.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

$(STAMP): requirements.txt pyproject.toml
	@echo "Setting up $(VENV) from requirements.txt (first use only)..."
	@test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-compile -r requirements.txt
	@# Byte-compile once, on every core: with PYTHONDONTWRITEBYTECODE set (as on this machine)
	@# nothing is ever cached, and each process that imports pandas, matplotlib and nbconvert would
	@# recompile them from source (about 4 s each time).
	@$(PY) -m compileall -q -j 0 $$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') src > /dev/null || true
	@$(PY) -m ipykernel install --sys-prefix --name buildup --display-name "Build-up Brief (.venv)" > /dev/null
	@$(VENV)/bin/nbstripout --install --attributes .gitattributes 2>/dev/null || true
	@touch $(STAMP)

.PHONY: help venv check reports test lab clean chromium mutation
help: ## list every target with one line each
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

venv: $(STAMP) ## set up .venv from requirements.txt (done automatically by the others)

check: $(STAMP) ## validate data/ against data/datapackage.json and print coverage
	@$(PY) -m buildup check --summary

reports: $(STAMP) ## build every report into reports/ (figures into figures/); unchanged ones are skipped
	@$(PY) -m buildup build

chromium: ## install Debian's chromium for the browser tests (when missing and root)
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and you are not root: the browser tests will be skipped"; fi; \
	fi

test: $(STAMP) chromium ## run the whole test suite (installs chromium when missing and root)
	@$(PY) -m pytest -q -n 2 --dist loadgroup

mutation: $(STAMP) ## mutation-test asof, analysis, fmt, narrative, params (slow, ~15 min; run on its own)
	@rm -rf mutants
	@echo "Running mutmut on the pure modules against their unit and golden tests (see tests/MUTATION.md)..."
	@$(VENV)/bin/mutmut run --max-children 2 > mutants.log 2>&1 || (tail -20 mutants.log; exit 1)
	@$(PY) tests/mutation_scores.py

lab: $(STAMP) ## open JupyterLab on the project with its kernel
	@$(VENV)/bin/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root,)

clean: ## remove .venv and caches (keeps reports/ and figures/)
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
