"""The browser shell: the only package that imports `js` or `pyscript` (app/main.py, the entry point, runs its boot)."""
