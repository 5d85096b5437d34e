"""`make docs` and `make docs-check`.

build: the docs site in `_docs/`. With Quarto installed this is `nbdev_docs`. Without it (Quarto cannot be installed
offline), the same pages are rendered from nbdev's own pre-processing (`_proc/`, show_doc included) with nbconvert:
one page per notebook plus index.html, a sidebar in `nbs/sidebar.yml` order, nbdev's doc links made relative.
README.md is written from nbs/index.ipynb on the way.
check: open every page in headless Chromium (installed from Debian when missing), save a screenshot of each in
`_docs/_screenshots/`, and fail on a page that is empty, shows a Python traceback, or has a broken internal link.
"""
import html, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
docs, proc, nbs = root / '_docs', root / '_proc', root / 'nbs'
bin_dir = Path(sys.executable).parent

def _cfg():
    from configparser import ConfigParser
    c = ConfigParser(delimiters=['=']); c.read(root / 'settings.ini')
    return c['DEFAULT']

def _site_url():
    c = _cfg(); return c['doc_host'].rstrip('/') + '/' + c['doc_baseurl'].strip('/') + '/'

def _sidebar():
    "(notebook, section) in sidebar order, from nbs/sidebar.yml: section is the title of its `section:` group, or None."
    import yaml
    pages = []
    def walk(items, section):
        for it in items or []:
            if isinstance(it, str): name = it
            elif isinstance(it, dict) and 'contents' in it: walk(it['contents'], it.get('section', section)); continue
            elif isinstance(it, dict): name = str(it.get('href', ''))   # {href: x.ipynb, text: ...}
            else: continue
            if name.endswith('.ipynb'): pages.append((name, section))
    sidebar = yaml.safe_load((nbs / 'sidebar.yml').read_text())['website']['sidebar']
    for sb in sidebar if isinstance(sidebar, list) else [sidebar]: walk(sb.get('contents'), None)
    return pages

def _front_matter(nb):
    "Remove the raw YAML front-matter cell nbdev writes; return its fields."
    import yaml
    for i, c in enumerate(nb.cells):
        if c.cell_type == 'raw' and c.source.lstrip().startswith('---'):
            del nb.cells[i]
            return yaml.safe_load(c.source.strip().strip('-')) or {}
    return {}

_dir_re = re.compile(r'^\s*#\|\s*([\w-]+)\s*:?\s*(.*?)\s*$')

def _apply_directives(nb):
    "Honour the Quarto cell directives nbdev leaves (echo, output, include), strip them, drop cell metadata."
    keep, std = [], {'cell_type', 'id', 'metadata', 'source', 'outputs', 'execution_count', 'attachments'}
    for c in nb.cells:
        c.metadata = {}
        for k in set(c) - std: del c[k]   # nbdev's own cell keys (e.g. has_sd) are not nbformat's
        if c.cell_type == 'code':
            lines, opts = c.source.split('\n'), {}
            while lines and _dir_re.match(lines[0]):
                k, v = _dir_re.match(lines[0]).groups(); opts[k] = v.lower(); lines.pop(0)
            c.source = '\n'.join(lines)
            if opts.get('include') == 'false': continue
            if opts.get('echo') == 'false': c.metadata['tags'] = ['remove_input']
            if opts.get('output') == 'false': c.outputs = []
            if not c.source.strip() and not c.outputs: continue
            c.execution_count = None
            for o in c.outputs:
                if 'execution_count' in o: o['execution_count'] = None
                md = o.get('data', {}).get('text/markdown')
                if md:   # Pandoc link attributes (show_doc's source links), which nbconvert's Markdown lacks
                    o['data']['text/markdown'] = _pandoc_links(''.join(md) if isinstance(md, list) else md)
        keep.append(c)
    nb.cells = keep

def _pandoc_links(md):
    "`[text](url){attrs}` (Pandoc) -> `<a href=url attrs>text</a>`."
    return re.sub(r'\[([^\]]+)\]\(([^)\s]+)\)\{([^}]*)\}', r'<a href="\2" \3>\1</a>', md)

_CSS = """
body { margin: 0; }
#pdn-side { position: fixed; top: 0; left: 0; bottom: 0; width: 220px; overflow-y: auto; background: #f6f8fa;
  border-right: 1px solid #ddd; padding: 18px 14px; font: 14px/1.5 system-ui, sans-serif; box-sizing: border-box; }
#pdn-side a { display: block; color: #0b5cad; text-decoration: none; padding: 3px 6px; border-radius: 4px; }
#pdn-side a.current { background: #dbe9f7; font-weight: 600; }
#pdn-side .pdn-title { font-weight: 700; font-size: 16px; margin-bottom: 10px; }
#pdn-side .pdn-section { margin: 14px 6px 4px; font-size: 12px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; color: #57606a; }
#pdn-main { margin-left: 240px; max-width: 1100px; padding: 10px 20px; }
#pdn-main h1.pdn-h1 { font: 700 2rem system-ui, sans-serif; margin: 12px 0 4px; }
#pdn-main p.pdn-desc { font-style: italic; font-size: 1.2rem; opacity: .75; margin-top: 0; }
"""

def _anchor(text):
    "Quarto-style heading id: lower case, spaces to dashes, other punctuation dropped."
    t = re.sub(r'<[^>]+>', '', html.unescape(text)).strip().lower()
    return re.sub(r'[^\w\- ]', '', t).replace(' ', '-')

def _postprocess(body, pages, current, title, desc, outs=None):
    site = _site_url()
    body = body.replace(site, '')                                           # nbdev's doc links, made relative
    for nb_name, out in (outs or {}).items():                               # links to a notebook go to its page, as Quarto does
        body = re.sub(rf'href="{re.escape(nb_name)}(#[^"]*)?"', lambda m: f'href="{out}{m.group(1) or ""}"', body)
    body = re.sub(r'<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>', '', body)   # no CDN scripts offline
    def add_anchor(m):                                                      # Quarto-style ids next to nbconvert's
        tag, attrs, inner = m.group(1), m.group(2), m.group(3)
        a = _anchor(inner)
        return f'<{tag}{attrs}><a id="{a}"></a>{inner}</{tag}>' if a and f'id="{a}"' not in attrs else m.group(0)
    body = re.sub(r'<(h[1-6])([^>]*)>(.*?)</\1>', add_anchor, body, flags=re.S)
    nav, last = [], None
    for f, t, section in pages:   # a heading before the first page of each sidebar section
        if section and section != last: nav.append(f'<div class="pdn-section">{html.escape(section)}</div>')
        last = section
        nav.append(f'<a href="{f}"{" class=current" if f == current else ""}>{html.escape(t)}</a>')
    nav = ''.join(nav)
    side = f'<nav id="pdn-side"><div class="pdn-title">pixeldcl_nb</div>{nav}</nav>'
    code = lambda t: re.sub(r'`([^`]+)`', r'<code>\1</code>', html.escape(t))
    head = f'<h1 class="pdn-h1">{html.escape(title)}</h1>' + (f'<p class="pdn-desc">{code(desc)}</p>' if desc else '')
    body = re.sub(r'<body([^>]*)>', lambda m: f'<body{m.group(1)}>{side}<div id="pdn-main">{head}', body, count=1)
    body = body.replace('</body>', '</div></body>', 1)
    body = body.replace('</head>', f'<style>{_CSS}</style></head>', 1)
    return re.sub(r'<title>.*?</title>', f'<title>{html.escape(title)} - pixeldcl_nb</title>', body, count=1, flags=re.S)

def preprocess():
    "nbdev's docs pre-processing into _proc/ (what `nbdev_proc_nbs` does), without its attempt to install Quarto."
    import nbdev.quarto as q
    q._ensure_quarto = lambda: None   # it would try to download Quarto and pip-install the library outside .venv
    if proc.exists(): shutil.rmtree(proc)
    q._pre_docs()

def build():
    if shutil.which('quarto'):
        subprocess.run([str(bin_dir / 'nbdev_docs')], cwd=root, check=True); bundle_results(); return
    import nbformat
    from nbconvert import HTMLExporter, MarkdownExporter
    from traitlets.config import Config
    os.chdir(root)
    preprocess()
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_input_tags = ('remove_input',)
    c.HTMLExporter.exclude_input_prompt = c.HTMLExporter.exclude_output_prompt = True
    exp = HTMLExporter(config=c, template_name='lab')
    sections, books = dict(_sidebar()), {}
    for n in sections:
        nb = nbformat.read(proc / n, as_version=4)
        fm = _front_matter(nb); _apply_directives(nb)
        out = fm.get('output-file') or ('index.html' if n == 'index.ipynb' else Path(n).stem + '.html')
        books[n] = (nb, fm, out)
    pages = [(out, fm.get('title', Path(n).stem), sections[n]) for n, (nb, fm, out) in books.items()]
    if docs.exists(): shutil.rmtree(docs)
    docs.mkdir()
    for n, (nb, fm, out) in books.items():
        body, _ = exp.from_notebook_node(nb)
        (docs / out).write_text(_postprocess(body, pages, out, fm.get('title', out), fm.get('description', ''), {k: v[2] for k, v in books.items()}))
        print(f"wrote _docs/{out}")
    nb, fm, _ = books['index.ipynb']
    md, _ = MarkdownExporter(config=c).from_notebook_node(nb)
    md = _readme_md(md, {k: v[2] for k, v in books.items()})
    readme = f"# {fm.get('title', 'pixeldcl_nb')}\n\n> {fm.get('description', '')}\n\n" + re.sub(r'\n{3,}', '\n\n', md).strip() + '\n'
    (root / 'README.md').write_text(readme)
    print("wrote README.md")
    bundle_results()

def bundle_results():
    """The pages link the committed results as `../results/...`, outside the site's folder (Quarto copies nothing from
    there, and the site is `_docs/` alone): figures are copied into `_docs/results/` and shown from there, other files
    (CSV, README) are linked on the repository's host."""
    cfg, n = _cfg(), 0
    blob = f"{cfg['git_url'].rstrip('/')}/blob/{cfg.get('branch', 'main')}/results/"
    for page in docs.glob('*.html'):
        text = page.read_text()
        for f in set(re.findall(r'src="\.\./results/([\w.-]+)"', text)):
            if not (root / 'results' / f).is_file(): sys.exit(f"{page.name} shows results/{f}, which does not exist")
            (docs / 'results').mkdir(exist_ok=True); shutil.copy2(root / 'results' / f, docs / 'results' / f); n += 1
        text = re.sub(r'src="\.\./results/', 'src="results/', text)
        page.write_text(re.sub(r'href="\.\./results/', f'href="{blob}', text))
    print(f"copied {n} figure(s) into _docs/results/; links to other results files go to {blob}")

def _readme_md(md, outs):
    "The home page's Markdown for README.md, read from the repository root: links to notebooks go to their pages on the docs site; no style blocks or fastai progress tables (HTML a Markdown viewer shows as text)."
    site = _site_url()
    for nb_name, out in outs.items():
        md = re.sub(rf'\]\({re.escape(nb_name)}(#[^)]*)?\)', lambda m: f']({site}{out}{m.group(1) or ""})', md)
    md = re.sub(r'<style[^>]*>.*?</style>\s*', '', md, flags=re.S)
    md = md.replace('](../results/', '](results/')   # committed results and figures, from the repository root
    return re.sub(r'<div>\s*<table class="fastprogress">.*?</table>\s*</div>\s*', '', md, flags=re.S)

def _chromium():
    exe = shutil.which('chromium') or shutil.which('chromium-browser')
    if exe: return exe
    print("installing Debian's chromium (headless browser for the docs check)...", flush=True)
    subprocess.run(['apt-get', 'update', '-qq'], check=True)
    subprocess.run(['apt-get', 'install', '-y', '-qq', 'chromium'], check=True, env={**os.environ, 'DEBIAN_FRONTEND': 'noninteractive'})
    return shutil.which('chromium')

def _browse(exe, url, *args, timeout=120):
    with tempfile.TemporaryDirectory() as prof:
        cmd = [exe, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               f'--user-data-dir={prof}', *args, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

def check():
    pages = sorted(docs.glob('*.html'))
    if not pages: sys.exit("no pages in _docs/: run `make docs` first")
    exe = _chromium()
    shots = docs / '_screenshots'; shots.mkdir(exist_ok=True)
    doms, problems = {}, []
    for p in pages:
        r = _browse(exe, p.as_uri(), '--dump-dom', '--virtual-time-budget=5000')
        doms[p.name] = r.stdout
        _browse(exe, p.as_uri(), f'--screenshot={shots / (p.stem + ".png")}', '--window-size=1280,3000', '--hide-scrollbars')
    ids = {n: set(re.findall(r'\bid="([^"]+)"', d)) for n, d in doms.items()}
    for n, d in doms.items():
        main = d.split('id="pdn-main"', 1)[-1]
        text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', re.sub(r'<(script|style)\b.*?</\1>', ' ', main, flags=re.S)))
        if len(text.strip()) < 200: problems.append(f"{n}: page is empty ({len(text.strip())} characters of text)")
        for bad in ('Traceback (most recent call last)', 'Error in ', 'ModuleNotFoundError', 'NameError'):
            if bad in text: problems.append(f"{n}: shows a Python error ({bad!r})")
        for src in set(re.findall(r'<img[^>]*\bsrc="([^"]+)"', d)):   # a figure missing from the site
            if not re.match(r'^(https?:|data:)', src) and not (docs / html.unescape(src)).exists():
                problems.append(f"{n}: missing image {src!r} (no file {src} under _docs/)")
        for href in set(re.findall(r'href="([^"]+)"', d)):
            if re.match(r'^(https?:|mailto:|data:|javascript:)', href) or href.startswith('#') and len(href) == 1: continue
            f, _, frag = html.unescape(href).partition('#')
            target = n if not f else f
            if target not in doms and not (docs / target).exists(): problems.append(f"{n}: broken link {href!r} (no file {target})"); continue
            if frag and target in ids and frag not in ids[target]: problems.append(f"{n}: broken link {href!r} (no anchor #{frag} in {target})")
        print(f"{'ok  ' if not any(x.startswith(n + ':') for x in problems) else 'FAIL'} {n}: {len(text)} characters, screenshot {shots.name}/{Path(n).stem}.png")
    for p in problems: print("  ", p)
    print(f"{len(pages) - len({x.split(':')[0] for x in problems})} passed, {len({x.split(':')[0] for x in problems})} failed")
    sys.exit(1 if problems else 0)

def execute(names=()):
    "Run notebooks in place (outputs saved, for the docs), then nbdev_clean: `python tools/docs.py execute [NB ...]`."
    todo = [nbs / Path(n).name for n in names] or [nbs / n for n, _ in _sidebar()]   # 'X.ipynb' or 'nbs/X.ipynb'
    for f in todo:
        print(f"executing {f.name}", flush=True)
        subprocess.run([str(bin_dir / 'jupyter'), 'nbconvert', '--to', 'notebook', '--execute', '--inplace',
                        '--ExecutePreprocessor.timeout=14400', str(f)], cwd=nbs, check=True)
    subprocess.run([str(bin_dir / 'nbdev_clean')], cwd=root, check=True)

if __name__ == '__main__':
    cmd, args = (sys.argv[1] if len(sys.argv) > 1 else 'build'), sys.argv[2:]
    if cmd == 'execute': execute(args); sys.exit()
    cmds = {'build': build, 'check': check, 'preprocess': preprocess}
    if cmd not in cmds: sys.exit(f"usage: docs.py [build | check | preprocess | execute NOTEBOOK...], not {cmd!r}\n\n{__doc__}")
    cmds[cmd]()
