# The CSAT upload portal. `make run` and `make test` are all a fresh machine needs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: help run test worker bench lint clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	test -d $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP) ## Install, migrate, then start Redis (embedded), a worker and the web server at ADDRESS (127.0.0.1:8000)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensure_admin $(ADDRESS)
	$(PY) manage.py runportal $(ADDRESS)

worker: $(STAMP) ## Start one more RQ worker (uses REDIS_URL and DATABASE_URL when set)
	$(PY) manage.py rqworker default --with-scheduler

test: $(STAMP) ## Install and run every test, browser tests included (PYTEST_ARGS: more pytest options)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP) ## Delivery benchmark at the real limits, 1 and 3 workers (several minutes)
	$(PY) bench/delivery.py

lint: $(STAMP) ## Check the code with ruff (pyproject.toml)
	$(VENV)/bin/ruff check .

clean: ## Remove the venv and local data (var/)
	rm -rf $(VENV) var
