# Everything runs from .venv/ at the repository root, made on first use (Python 3.11 + pip is all it needs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install demo studies studies-x2 studies-mri studies-mri3d studies-seg studies-vae studies-speech studies-speech-g722 report bench gpu-check test test-slow lab docs docs-check clean clean-runs

help:
	@echo "make demo        run the main job (pixeldcl_compare -> runs/compare/results/report.md)"
	@echo "make studies     the decisive studies: x2, brain MRI segmentation in 2D and 3D, speech x2 on two sets (5 seeds"
	@echo "                 of every kind), VAE (5 seeds of the paper's layers, 3 of the others),"
	@echo "                 one row per run in results/<study>.csv (hours on 2 CPU cores; trains only what is not there);"
	@echo "                 SHARD=i/n runs the i-th of n slices (several processes, or a cluster's job array)"
	@echo "make report      rebuild results/report.md and the answer's figure from results/ (trains nothing)"
	@echo "make bench       time every up-sampler against DCL 6x6, 2D, 1D, 3D (pixeldcl_bench -> results/bench.csv)"
	@echo "make gpu-check   the GPU check on a CUDA machine (torch only; tools/gpu_check.py -> results/gpu/)"
	@echo "make test        test every notebook (nbdev_test), check library/notebooks in sync and clean"
	@echo "make test-slow   the same with the '#| slow' cells too"
	@echo "make lab         open the notebooks in JupyterLab"
	@echo "make docs        build the docs site into _docs/ (Quarto if installed, offline renderer otherwise)"
	@echo "make docs-check  open every page of _docs/ in headless Chromium, screenshots in _docs/_screenshots/"
	@echo "make clean       remove the built docs (never results/); make clean-runs removes run checkpoints (runs/)"

install: $(STAMP)

$(STAMP): settings.ini setup.py constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt torch torchvision
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/pixeldcl_compare --out runs/compare

STUDY_SEEDS   := --seeds 3 --paper_seeds 5
STUDY_THREADS ?= 0
SHARD         ?=
STUDY_OPTS     = $(STUDY_SEEDS) --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)
studies: studies-x2 studies-mri studies-mri3d studies-speech studies-speech-g722 studies-vae
studies-x2: $(STAMP)
	$(BIN)/pixeldcl_x2 --seeds 5 --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)
studies-mri: $(STAMP)
	$(BIN)/pixeldcl_mri --seeds 5 --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)
studies-mri3d: $(STAMP)
	$(BIN)/pixeldcl_mri3d --seeds 5 --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)
studies-seg: $(STAMP)
	$(BIN)/pixeldcl_seg --epochs 20 $(STUDY_OPTS)
studies-vae: $(STAMP)
	$(BIN)/pixeldcl_vae --epochs 12 $(STUDY_OPTS)
studies-speech: $(STAMP)
	$(BIN)/pixeldcl_speech --seeds 5 --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)
studies-speech-g722: $(STAMP)
	$(BIN)/pixeldcl_speech --data asterisk --seeds 5 --threads $(STUDY_THREADS) $(if $(SHARD),--shard $(SHARD),)

report: $(STAMP)
	$(BIN)/pixeldcl_report --root results

bench: $(STAMP)
	$(BIN)/pixeldcl_bench --out runs/bench
	$(BIN)/pixeldcl_bench --out runs/bench1d --ndim 1
	$(BIN)/pixeldcl_bench --out runs/bench3d --ndim 3 --dtypes float32

gpu-check:
	python3 tools/gpu_check.py --out results/gpu

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
	rm -rf _docs _proc

clean-runs:
	rm -rf runs
