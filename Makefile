# Everything runs from .venv/ at the repository root, made on first use (Python 3.11 + pip is all it needs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install demo studies studies-x2 studies-seg studies-vae studies-report bench test test-slow lab docs docs-check clean

help:
	@echo "make demo        run the main job (pixeldcl_compare -> runs/compare/report.md)"
	@echo "make studies     the decisive studies: x2, segmentation, VAE, every kind, 5 seeds of the paper's layers, 3 of the others"
	@echo "                 (hours on 2 CPU cores; resumable: run it again after an interruption) -> runs/studies/;"
	@echo "                 make -j2 studies STUDY_THREADS=1 runs two studies at once, one thread each"
	@echo "make studies-report  the studies' tables, figures and runs/studies/report.md from the runs finished so far (trains nothing)"
	@echo "make bench       time every up-sampler against DCL 6x6 (pixeldcl_bench -> runs/bench/bench.md)"
	@echo "make test        test every notebook (nbdev_test), check library/notebooks in sync and clean"
	@echo "make test-slow   the same with the '#| slow' cells too"
	@echo "make lab         open the notebooks in JupyterLab"
	@echo "make docs        build the docs site into _docs/ (Quarto if installed, offline renderer otherwise)"
	@echo "make docs-check  open every page of _docs/ in headless Chromium, screenshots in _docs/_screenshots/"

install: $(STAMP)

$(STAMP): settings.ini setup.py constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt torch torchvision
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/pixeldcl_compare --out runs/compare

STUDY_SEEDS := --seeds 3 --paper_seeds 5
X2_STUDY    := --out runs/studies/x2 --epochs 12 $(STUDY_SEEDS)
SEG_STUDY   := --out runs/studies/seg --epochs 20 $(STUDY_SEEDS)
VAE_STUDY   := --out runs/studies/vae --epochs 12 $(STUDY_SEEDS)
STUDY_THREADS ?= 0
studies: studies-x2 studies-seg studies-vae
studies-x2: $(STAMP)
	$(BIN)/pixeldcl_x2 $(X2_STUDY) --threads $(STUDY_THREADS)
studies-seg: $(STAMP)
	$(BIN)/pixeldcl_seg $(SEG_STUDY) --threads $(STUDY_THREADS)
studies-vae: $(STAMP)
	$(BIN)/pixeldcl_vae $(VAE_STUDY) --threads $(STUDY_THREADS)

# the same settings, --partial: each study's section from its finished runs (a study with none says why, and the next goes on),
# then runs/studies/report.md from them all (an error only if no study has a finished run)
studies-report: $(STAMP)
	$(BIN)/pixeldcl_x2 $(X2_STUDY) --partial --quiet --threads 1 || echo "studies-report: no x2 section (see above)"
	$(BIN)/pixeldcl_seg $(SEG_STUDY) --partial --quiet --threads 1 || echo "studies-report: no seg section (see above)"
	$(BIN)/pixeldcl_vae $(VAE_STUDY) --partial --quiet --threads 1 || echo "studies-report: no vae section (see above)"
	$(BIN)/pixeldcl_report --out runs/studies $(if $(wildcard runs/bench/bench_results.json),--bench runs/bench,)

bench: $(STAMP)
	$(BIN)/pixeldcl_bench --out runs/bench

test: $(STAMP)
	$(BIN)/python tools/nbtest.py

test-slow: $(STAMP)
	$(BIN)/python tools/nbtest.py --flags slow

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=nbs $(if $(filter 0,$(shell id -u)),--allow-root,)

docs: $(STAMP)
	$(BIN)/python tools/docs.py build

docs-check: $(STAMP)
	$(BIN)/python tools/docs.py check

clean:
	rm -rf _docs _proc runs
