# Every target creates .venv on first use, so a fresh machine needs only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test chat lint bench bench-quick clean

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
