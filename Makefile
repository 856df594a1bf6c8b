# convenant: `make demo` and `make test` each do the whole set-up on a fresh Debian machine.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP := $(VENV)/.installed

.PHONY: setup system-deps demo test test-fast test-ocr-seed lint samples clean help bench bench-accuracy bench-signature

help:
	@echo "make demo       install everything and run the pipeline on samples/inbox into output/"
	@echo "make test       install everything and run the tests"
	@echo "make lint       ruff"
	@echo "make bench      throughput: pipeline vs plain tesseract and OCRmyPDF, re-runs, memory, scaling"
	@echo "make bench-accuracy  per-field accuracy on generated clean, office and poor corpora"
	@echo "make bench-signature  signature traps: unsigned judged signed, signed found, per trap kind"
	@echo "make samples    regenerate samples/inbox, samples/truth and samples/reference.csv"
	@echo "make clean      remove the virtual environment, caches and output"

# tesseract with its Dutch data (and Chromium for the browser test of report.html), installed with apt when missing
system-deps:
	@missing=""; \
	if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx nld; then \
		missing="tesseract-ocr tesseract-ocr-nld"; fi; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	@touch $(STAMP)

setup: system-deps $(STAMP)

demo: setup
	$(VENV)/bin/convenant run samples/inbox --out output

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not ocr"

# the OCR results of the tests' generated scans, kept with the tests so a clean checkout need not read them all
# again (write it anew after a change of OCR_VERSION or of a generator's scans)
test-ocr-seed: setup
	rm -rf .cache/test-ocr-seed
	CONVENANT_TEST_OCR_CACHE=$(CURDIR)/.cache/test-ocr-seed $(PY) -m pytest -q -m ocr
	tar -C .cache/test-ocr-seed -cJf tests/data/ocr-seed.tar.xz .

lint: setup
	$(VENV)/bin/ruff check pipeline samples tests

samples: setup
	rm -rf samples/inbox samples/truth
	$(PY) -m samples.generate reference
	$(PY) -m samples.generate demo --inbox samples/inbox --truth samples/truth

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache output/* *.egg-info

# throughput against plain tesseract and OCRmyPDF, re-runs, memory, scaling (not part of the tests)
bench: setup
	$(PIP) install -q -e '.[dev,bench]'
	$(PY) -m samples.bench_speed

# accuracy on generated corpora at three levels of scan damage (not part of the tests)
bench-accuracy: setup
	$(PY) -m samples.bench_accuracy

# signature traps at office and poor levels, scored per trap kind (not part of the tests)
bench-signature: setup
	$(PY) -m samples.bench_signature
