# Every target creates .venv on first use, so a fresh machine needs only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-cluster chat lint bench bench-quick clean browser screenshots

$(STAMP): requirements.txt tests/requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "need Python 3.11 or newer (python3.11 or python3 on PATH)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r tests/requirements.txt
	touch $(STAMP)

run: $(STAMP)  ## the bot on 127.0.0.1:8000 with the embedded store and sample articles
	$(PY) -m bot.devtools.server

# The console's browser tests and screenshots drive Debian's Chromium (no browser download);
# a CJK font makes the screenshots readable. Installed with apt-get when missing (CI is root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "installing Debian's chromium and a Chinese font for the console's browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-wqy-microhei >/dev/null; fi
	@command -v chromium >/dev/null || { echo "chromium is still missing"; exit 1; }

# Two pytest processes (one per core): each starts its own redis-server, so they share nothing.
TEST_WORKERS ?= 2

test: $(STAMP) browser  ## the whole test suite against a real redis-server
	$(PY) -m pytest -c tests/pytest.ini --rootdir . -q -n $(TEST_WORKERS)

# The conversation, feedback and broadcast scenarios again, against a three-master Redis
# Cluster the tests start (every multi-key script and transaction must stay in one slot).
CLUSTER_TESTS := tests/test_conv_scenarios.py tests/test_conv_dialogue.py \
  tests/test_conv_events.py tests/test_feedback_scenario.py tests/test_feedback_store.py \
  tests/test_feedback_api.py tests/test_feedback_handler.py tests/test_broadcasts.py \
  tests/test_broadcast_resume.py tests/test_region_broadcast_e2e.py tests/test_retries.py \
  tests/test_kb_store.py tests/test_dedup.py tests/test_followers.py \
  tests/test_unsubscribe_privacy.py tests/test_cs_windows.py tests/test_faq.py \
  tests/test_console_web.py tests/test_console_accounts.py \
  tests/test_question_log.py tests/test_kb_twins.py

test-cluster: $(STAMP)  ## the scenario tests against a Redis Cluster
	JYQ_TEST_STORE=cluster $(PY) -m pytest -c tests/pytest.ini --rootdir . -q -n $(TEST_WORKERS) \
	  $(CLUSTER_TESTS)

chat: $(STAMP)  ## talk to the running bot as a follower would
	$(VENV)/bin/flask --app wsgi chat

screenshots: $(STAMP) browser  ## every console page at phone and desktop width into docs/screenshots/
	$(PY) -m tests.console_screenshots docs/screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)  ## all sizes (1k, 10k, 100k); writes bench/RESULTS.md
	$(PY) -m bench

bench-quick: $(STAMP)  ## 1k and 10k only
	$(PY) -m bench --quick

clean:
	rm -rf $(VENV) var .pytest_cache
