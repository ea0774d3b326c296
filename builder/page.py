"""index.html as dist/ ships it: boot.js and last-screen.js inlined, what it loads written in,
preload links, PyScript's plugins, and the hashes of its inline scripts and styles in its
Content-Security-Policy."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

from builder.app_zip import APP_MOUNT
from builder.project import ROOT, BuildError, integrity, sha256_of
from builder.runtime import PYODIDE_RUNTIME

PRELOADS_MARKER = "<!-- build.py: preload links -->"
BOOT_SCRIPT = '<script src="./assets/boot.js"></script>'  # inlined: it must run before any request
PLUGINS_MARKER = "<!-- build.py: pyscript.toml plugins -->"  # in <mpy-config>: the same plugins as Pyodide's
STARTUP_MARKER = "/* build.py: start-up */ null"  # in boot.js: what it loads (`startup_manifest`)
# Inlined too, after <main>: it paints the last screen the app stored, if this build stored it
# (the marker: the build's id, the app zip's name, which its content names).
LAST_SCREEN_SCRIPT = '<script src="./assets/last-screen.js"></script>'
BUILD_MARKER = '/* build.py: build */ "source"'
# In index.html's Content-Security-Policy: the hashes of its inline scripts and styles
# (`with_inline_hashes`).
INLINE_HASHES = "'inline-hashes'"
# What a returning visit's memory snapshot depends on beside the runtime and the app (snapshot_id).
SNAPSHOT_SCRIPTS = ("boot.js", "snapshot.mjs", "snapshot-make.mjs")


def with_plugins(page: str) -> str:
    """index.html's <mpy-config> with the plugins of pyscript.toml: PyScript reads one list for
    each interpreter, and the two must agree (the page never runs MicroPython)."""
    plugins = tomllib.loads((ROOT / "pyscript.toml").read_text())["plugins"]
    return page.replace(PLUGINS_MARKER, json.dumps({"plugins": plugins}))


def with_inline_hashes(page: str) -> str:
    """The page's Content-Security-Policy allows its own inline scripts and styles (boot.js,
    which build.py inlines so that it runs before any request; two one-liners; the
    <noscript> style) by their hashes, and nothing else inline: the browser runs no script
    that someone managed to slip into the page. PyScript's `<script type="py">` is not
    JavaScript: the browser does not run it, so it takes no hash. The style of a summary's
    standalone page too (`summary_style`): the print window that the page writes it into
    keeps the page's policy."""
    if page.count(INLINE_HASHES) != 2:
        raise BuildError(f"index.html: keep {INLINE_HASHES} in script-src and style-src of its Content-Security-Policy")

    def hashes(tag: str, *more: str) -> str:
        bodies = re.findall(rf"<{tag}(?![^>]*\b(?:src|type=\"py\"))[^>]*>(.*?)</{tag}>", page, re.S)
        return " ".join(f"'{integrity(body.encode())}'"
                        for body in dict.fromkeys([*bodies, *more]))

    scripts, styles = hashes("script"), hashes("style", summary_style())
    return page.replace(INLINE_HASHES, scripts, 1).replace(INLINE_HASHES, styles, 1)  # script-src, then style-src


def summary_style() -> str:
    """The inline style of the summary's standalone page (`CSS` in app/summary/render.py),
    read from the source: importing that module would need pydantic, which the build's
    Python may not have."""
    source = ROOT / "app" / "summary" / "render.py"
    for node in ast.parse(source.read_text()).body:
        if (isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == ["CSS"]
                and isinstance(node.value, ast.Call) and node.value.args and isinstance(node.value.args[0], ast.Constant)):
            return node.value.args[0].value
    raise BuildError("app/summary/render.py: build.py reads `CSS = Markup(\"\"\"...\"\"\")` there (summary_style)")


def startup_manifest(app: Path, packages: list[str]) -> dict:
    """What boot.js loads beside the interpreter: the packages Pyodide installs once the
    first screen is up (app/web/startup/checks.py; from the lock file, hash-checked by Pyodide,
    their wheels fetched then: see `preload_links`), and the app's zip with the hash the
    browser checks (Subresource Integrity) and where it goes in Pyodide's file system."""
    return {"packages": packages, "app": {"url": f"./pyodide/{app.name}", "path": APP_MOUNT, "integrity": integrity(app.read_bytes())}}


def snapshot_id(runtime: Path, app: Path) -> str:
    """The id under which a returning visit's memory snapshot is stored (assets/boot.js): a
    hash of what its bytes depend on, the runtime, the app's zip and the scripts that make
    and restore it. A snapshot of another build is never looked up (and Pyodide itself
    refuses one of another runtime: its BUILD_ID)."""
    scripts = [ROOT / "assets" / name for name in SNAPSHOT_SCRIPTS]
    return sha256_of(*(runtime / name for name in PYODIDE_RUNTIME), app, *scripts)[:16]


def preload_links(out: Path) -> str:
    """<link rel=preload> for what the page will load after a chain of scripts, so the
    browser fetches it all at once while it parses the page. boot.js fetches the app's zip
    itself, first thing. The wheels installed after the first screen are not fetched
    before: during the boot, their 1.5 MB slowed the runtime's own download and
    compilation, and once it had booted, the first screen (README, "Start-up benchmark").
    Nor is the standard library: a first visit restores the shipped snapshot, which does
    without it until pydantic (builder/snapshot.py); a returning visit takes it from the
    service worker, at once."""
    def link(path: Path, kind: str) -> str:
        extra = ' as="fetch" crossorigin' if kind == "preload" else ""
        return f'<link rel="{kind}" href="./{path.relative_to(out).as_posix()}"{extra}>'

    runtime = out / "pyodide"
    links = [link(runtime / "pyodide.asm.mjs", "modulepreload")]
    links += [link(runtime / name, "preload") for name in ("pyodide.asm.wasm", "pyodide-lock.json")]
    links += [link(path, "modulepreload") for path in sorted((out / "pyscript").glob("*.js"))]
    links.append(link(out / "pyscript.toml", "preload"))
    return "\n  ".join(links)
