# Every target creates .venv on first use, so a fresh machine needs only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-cluster chat lint bench bench-quick clean

$(STAMP): requirements.txt tests/requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "need Python 3.11 or newer (python3.11 or python3 on PATH)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r tests/requirements.txt
	touch $(STAMP)

run: $(STAMP)  ## the bot on 127.0.0.1:8000 with the embedded store and sample articles
	$(PY) -m bot.devtools.server

test: $(STAMP)  ## the whole test suite against a real redis-server
	$(PY) -m pytest -c tests/pytest.ini --rootdir . -q

# The conversation, feedback and broadcast scenarios again, against a three-master Redis
# Cluster the tests start (every multi-key script and transaction must stay in one slot).
CLUSTER_TESTS := tests/test_conv_scenarios.py tests/test_conv_dialogue.py \
  tests/test_conv_events.py tests/test_feedback_scenario.py tests/test_feedback_store.py \
  tests/test_feedback_api.py tests/test_feedback_handler.py tests/test_broadcasts.py \
  tests/test_broadcast_resume.py tests/test_region_broadcast_e2e.py tests/test_retries.py \
  tests/test_kb_store.py tests/test_dedup.py tests/test_followers.py \
  tests/test_unsubscribe_privacy.py tests/test_cs_windows.py tests/test_faq.py \
  tests/test_question_log.py tests/test_kb_twins.py

test-cluster: $(STAMP)  ## the scenario tests against a Redis Cluster
	JYQ_TEST_STORE=cluster $(PY) -m pytest -c tests/pytest.ini --rootdir . -q $(CLUSTER_TESTS)

chat: $(STAMP)  ## talk to the running bot as a follower would
	$(VENV)/bin/flask --app wsgi chat

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)  ## all sizes (1k, 10k, 100k); writes bench/RESULTS.md
	$(PY) -m bench

bench-quick: $(STAMP)  ## 1k and 10k only
	$(PY) -m bench --quick

clean:
	rm -rf $(VENV) var .pytest_cache
