# motcua — fresh-machine entry points. `make serve` and `make test` set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install system-deps serve test test-fast lint bench report eval-dossiers clean

# Debian packages: Tesseract with Vietnamese and Arabic data (OCR of scanned dossier pages), DejaVu (the Form 02 PDF),
# espeak-ng (answers read aloud at the kiosk), Noto CJK (Chinese and Korean on the pages), Chromium (the browser
# tests). Installed when missing and running as root; otherwise explained.
DEB_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-ara fonts-dejavu-core espeak-ng fonts-noto-cjk chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: the CPU wheel; anything else would pull GBs of CUDA packages
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "installing Debian packages:$$missing"; \
		(apt-get install -y -q $$missing >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $$missing >/dev/null)) || \
		echo "warning: could not install$$missing; what needs them is skipped (OCR, speech, browser tests)"; \
	else \
		echo "note: missing Debian packages:$$missing -- run: sudo apt-get install$$missing"; \
		echo "      (without them: scanned pages are reported unread, no server speech; those tests skip)"; \
	fi

install: system-deps $(STAMP)

serve: install
	$(BIN)/motcua serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy assistant knowledge ingest api

bench: install
	$(BIN)/python bench/bench_ingest.py

eval-dossiers: install
	$(BIN)/python eval/dossiers/run.py

report: install
	$(BIN)/motcua report ../shared/corpus/dvc-procedures.jsonl.gz

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache *.egg-info
