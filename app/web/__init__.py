"""The browser shell: the only package (with app/main.py) that imports `js` or `pyscript`."""
