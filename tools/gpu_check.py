#!/usr/bin/env python3
"""The GPU check: python tools/gpu_check.py [--device cuda|cpu] [--quick] [--out DIR] [--budget SECONDS].

Imports torch and the package's torch-only modules only (no fastai): it runs on a lent GPU machine as it is, from a
copy of this repository. Rows go to DIR/gpu_check.csv as they are measured; DIR/gpu_check.md and DIR/profile.txt at
the end. See nbs/11b_gpu_check.ipynb."""
import argparse, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))   # the repository's package, not an installed one
from pixeldcl_nb.gpu_check import run_gpu_check

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--device', default='cuda', help="'cuda' (default) or 'cpu' (a dry run)")
    p.add_argument('--quick', action='store_true', help="tiny shapes, few calls, compile backend 'eager'")
    p.add_argument('--out', default='results/gpu', help="folder of gpu_check.csv, gpu_check.md, profile.txt")
    p.add_argument('--budget', type=float, default=220., help="seconds: no step starts that would not fit")
    a = p.parse_args()
    try: rows = run_gpu_check(a.out, a.device, a.quick, a.budget)
    except ValueError as e: sys.exit(f"gpu_check: {e}")
    print(f"gpu_check: {len(rows)} rows in {a.out}/gpu_check.csv")
