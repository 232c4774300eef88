# The developer's interface: `make` alone lists the targets.
# Everything runs in .venv, made by `make venv` with a Python 3.8-3.10
# (Rasa 3.6 supports no newer one); scripts/find_python.sh finds it.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# `make test` runs its steps in order, cheap to expensive, even under -j.
.NOTPARALLEL:

VENV ?= .venv
PY := $(VENV)/bin/python
RASA := $(PY) -m rasa

# A PYTHON given on the command line or in the environment is checked by
# find_python.sh like any other candidate (it says so when it is unusable).
PYTHON_WANTED := $(PYTHON)
override PYTHON = $(shell PYTHON='$(PYTHON_WANTED)' scripts/find_python.sh)
unexport PYTHON

RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
ENDPOINTS ?= endpoints.yml
CASES ?= tests/eval/cases.yml

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)$(if $(PYTHONPATH),:$(PYTHONPATH))
export RASA_PORT ACTIONS_PORT
# endpoints*.yml read these, and Rasa stops when one is unset.
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTIONS_PORT)/webhook
# The secret Rasa sends the action server (actions/server.py): one per make run
# unless set; the scripts that start both servers pass it to both.
ifeq ($(strip $(ACTION_SERVER_TOKEN)),)
ACTION_SERVER_TOKEN := $(shell od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
endif
export ACTION_SERVER_TOKEN
export RASA_TRACKER_DB ?= rasa

# The model for the current data and config; valid after `train`.
MODEL = "$$($(PY) scripts/train_if_changed.py --path)"

.PHONY: help venv spacy-model train run serve test lint unit validate nlu-eval \
	stories e2e eval bench clean

help: ## List the targets
	@echo "make TARGET   (Python for the venv: $$(scripts/find_python.sh 2>/dev/null || echo 'none found, see make venv'))"
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'
	@echo "Variables: RASA_PORT=$(RASA_PORT) ACTIONS_PORT=$(ACTIONS_PORT) ENDPOINTS=$(ENDPOINTS) CASES=$(CASES)"

venv: $(VENV)/.installed ## Make .venv and install the pinned dependencies (again when they change)

$(VENV)/.installed: requirements.txt constraints.txt
	@py='$(PYTHON)'; test -n "$$py"; \
	if ! $(PY) -c 'import sys; sys.exit(not (3, 8) <= sys.version_info[:2] <= (3, 10))' 2>/dev/null; then \
		echo "Making $(VENV) with $$py"; \
		"$$py" -m venv --clear $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

spacy-model: venv ## Build the spaCy pipeline var/spacy/en_kb (bot/nlp_pipeline.py)
	$(PY) -m bot.nlp_pipeline

train: venv ## Train a model, unless models/ has one for the current data and config
	$(PY) scripts/train_if_changed.py

run: venv train ## Chat with the assistant in this terminal (starts and stops the servers)
	@mkdir -p var/logs; : >var/logs/serve.log  # no "ready" line left from the last run
	@$(PY) scripts/serve.py --model $(MODEL) --endpoints $(ENDPOINTS) >var/logs/serve.log 2>&1 & \
	serve=$$!; \
	trap 'kill -TERM $$serve 2>/dev/null && wait $$serve; true' EXIT; \
	echo "Starting the assistant (log: var/logs/serve.log) ..."; \
	until grep -q '^Assistant ready' var/logs/serve.log; do \
		kill -0 $$serve 2>/dev/null || { cat var/logs/serve.log; exit 1; }; \
		sleep 1; \
	done; \
	grep '^Assistant ready' var/logs/serve.log; \
	echo "Website widget demo: http://127.0.0.1:$(RASA_PORT)/webhooks/web/demo"; \
	$(PY) -m bot.chat --url http://127.0.0.1:$(RASA_PORT)

serve: venv train ## Run Rasa and the action server in the foreground (Ctrl-C stops both)
	$(PY) scripts/serve.py --model $(MODEL) --endpoints $(ENDPOINTS)

test: lint unit validate train nlu-eval stories e2e browser ## All checks, cheap to expensive (what CI runs)

lint: venv ## Byte-compile the code (and ruff, when installed in .venv)
	$(PY) -m compileall -q bot actions scripts tests
	@if [ -x $(VENV)/bin/ruff ]; then $(VENV)/bin/ruff check bot actions scripts tests; fi

unit: venv ## Tests that need no running servers
	$(PY) -m pytest tests -m "not e2e"

validate: venv ## Check domain and training data (warnings fail)
	$(RASA) data validate --fail-on-warnings

nlu-eval: venv train ## Intent and entity scores (scripts/nlu_eval.py)
	$(PY) scripts/nlu_eval.py

stories: venv train ## Conversation tests in tests/stories against the current model
	$(RASA) test core --stories tests/stories --fail-on-prediction-errors \
		--model $(MODEL) --out results/stories

e2e: venv train ## Tests that talk to running servers (pytest -m e2e)
	$(PY) -m pytest tests -m e2e

eval: venv train ## Score the cases in CASES (default tests/eval/cases.yml)
	$(PY) scripts/eval_cases.py --cases $(CASES)

bench: venv ## Ours against Rasa's default config on the same data, into results/bench.md (BENCH_ARGS=--quick)
	$(PY) scripts/bench.py $(BENCH_ARGS)

SOAK_MINUTES ?= 10
SOAK_USERS ?= 20

.PHONY: soak
soak: venv train ## SOAK_USERS (20) users for SOAK_MINUTES (10) on a fresh tracker store; every reply and stored message checked: results/soak.md
	$(PY) scripts/soak.py --model $(MODEL) --minutes $(SOAK_MINUTES) --users $(SOAK_USERS)

.PHONY: report
report: venv ## Staff digest of the conversations in ENDPOINTS' tracker store: results/report/ (report.md, CSV, chart.png)
	$(PY) scripts/report.py --endpoints $(ENDPOINTS) $(REPORT_ARGS)

.PHONY: resend-tickets
resend-tickets: venv ## Send the handoff tickets the helpdesk has not taken yet (HELPDESK_URL, HANDOFF_DB)
	$(PY) -m actions.helpdesk

.PHONY: purge
purge: venv ## Delete conversations (ENDPOINTS' store), tickets and feedback older than DAYS (default: PRIVACY_RETENTION_DAYS, 30)
	$(PY) scripts/purge.py --endpoints $(ENDPOINTS) $(if $(DAYS),--days $(DAYS))

# pip-audit runs from a venv of its own, made with any Python 3, so it can never
# change the versions Rasa needs; it reads constraints.txt and installs nothing.
AUDIT_VENV ?= .venv-audit
PIP_AUDIT_VERSION := 2.10.1
AUDIT_SERVICE ?= pypi

.PHONY: audit
audit: $(AUDIT_VENV)/.installed ## Known vulnerabilities of the pinned dependencies; fails on those SECURITY.md does not accept (AUDIT_SERVICE=pypi|osv)
	$(AUDIT_VENV)/bin/python scripts/audit.py --pip-audit $(AUDIT_VENV)/bin/pip-audit --service $(AUDIT_SERVICE)

$(AUDIT_VENV)/.installed:
	@py="$$(command -v python3 || echo '$(PYTHON)')"; echo "Making $(AUDIT_VENV) with $$py"; \
	"$$py" -m venv --clear $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(AUDIT_VENV)/bin/python -m pip install --quiet pip-audit==$(PIP_AUDIT_VERSION)
	touch $@

clean: ## Remove models, logs, results and caches (keeps .venv: rm -rf .venv for that)
	rm -rf models results .rasa var/* .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

# Production "scale-out" mode (docs/SCALING.md): nginx in front of INSTANCES
# Rasa servers sharing a PostgreSQL tracker store and a Redis lock store.
INSTANCES ?= 2
PROD_PORT ?= 8080

.PHONY: prod-deps prod

prod-deps: ## Install nginx from Debian's packages when it is missing (needs root)
	@if PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null; then \
		echo "nginx is installed: $$(PATH="$$PATH:/usr/sbin" nginx -v 2>&1)"; \
	elif [ "$$(id -u)" != 0 ]; then \
		echo "prod-deps: nginx is missing; as root: apt-get install nginx" >&2; exit 1; \
	else \
		echo "Installing nginx (apt-get)"; \
		policy=/usr/sbin/policy-rc.d; \
		if [ ! -e $$policy ]; then \
			printf '#!/bin/sh\nexit 101\n' >$$policy; chmod +x $$policy; \
			trap "rm -f $$policy" EXIT; \
		fi; \
		apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
		echo "Installed: $$(nginx -v 2>&1)"; \
	fi

prod: venv train prod-deps ## nginx on 127.0.0.1:PROD_PORT (8080) before INSTANCES (2) Rasa servers; Ctrl-C stops all
	$(PY) scripts/prod.py --model $(MODEL) --instances $(INSTANCES) --port $(PROD_PORT)

# The website chat widget (web/, served by bot/web_channel.py at /webhooks/web/demo)
# and its tests in Debian's headless Chromium, driven by Playwright (tests/browser).
.PHONY: browser-deps browser

browser-deps: ## Install Debian's Chromium for the browser tests when it is missing (needs root)
	@if command -v chromium >/dev/null; then \
		echo "chromium is installed: $$(chromium --version 2>/dev/null)"; \
	elif [ "$$(id -u)" != 0 ]; then \
		echo "browser-deps: chromium is missing; as root: apt-get install chromium" >&2; exit 1; \
	else \
		echo "Installing chromium (apt-get)"; \
		install='env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium'; \
		if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then apt-get update -qq; fi; \
		$$install >/dev/null || { apt-get update -qq && $$install >/dev/null; }; \
		echo "Installed: $$(chromium --version 2>/dev/null)"; \
	fi

browser: venv train browser-deps ## The website widget in headless Chromium (pytest -m browser); screenshots in results/screenshots
	$(PY) -m pytest tests/browser -m browser
