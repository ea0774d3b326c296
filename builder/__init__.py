"""Cercle's build, behind `python3 build.py` (build.py, the entry point). One module per part:

- project: the folders, requirement files, BuildError and small shared helpers
- fetch: npm packages, the browser's wheels (pip download, hash-pinned), the build's own packages
- zips: reproducible zips and wheels, and their stored twins for brotli
- bytecode: the Python archives compiled to bytecode by Pyodide under Node.js
- runtime: Pyodide's files, its standard library zip with the start-up wheels, its lock file
- app_zip: the app's zip (app/, its catalogs, PyScript's Python package)
- pyscript_dist: PyScript's bundle and chunks as the page loads them
- sourcemaps: the bundle's source map shifted to match the build's edits of it
- page: index.html with its inlined scripts, preload links and Content-Security-Policy hashes
- icons: the manifest's PNG icons
- precompress: the .br and .gz siblings
- assemble: dist/ laid out from all of the above, with the service worker's precache list
- serve: the static server (`build.py serve`, the tests, the benchmarks)
- run: .venv and Chromium, then pytest (`build.py test`) or the benchmark (`build.py bench`)
- cli: the commands
"""
