"""The built dist/: self-contained, relative URLs only, a lock file that matches the wheels
beside it, and served with the MIME types a browser insists on. No browser needed."""

import ast
import base64
import gzip
import hashlib
import json
import re
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import build
import pytest
from builder.fetch import build_packages
from builder.precompress import PRECOMPRESSED
from builder.pyscript_dist import (BUNDLE_EDITS, lazy_package_init, pyscript_package, without_package_writes,
                                   without_worker_hooks)
from builder.runtime import STDLIB
from builder.sourcemaps import decode, line_starts

from app.i18n import LANGUAGES, catalog

DIST = build.DIST


def test_lock_file_points_at_the_shipped_wheels_with_their_real_hashes():
    lock = json.loads((DIST / "pyodide" / "pyodide-lock.json").read_text())
    wheels = {path.name for path in (DIST / "pyodide").glob("*.whl")}
    assert {entry["file_name"] for entry in lock["packages"].values()} == wheels
    for entry in lock["packages"].values():
        data = (DIST / "pyodide" / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file_name"]
        assert all(dep in lock["packages"] for dep in entry["depends"]), entry["name"]
    assert lock["packages"]["pydantic-core"]["file_name"] == "pydantic_core-2.50.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl"


def compiled_from(pyc: bytes, source: bytes) -> bool:
    """Whether an unchecked-hash .pyc (PEP 552) holds the bytecode of that source: its
    header holds the source's hash, keyed by the magic number of the Python that compiled
    it (Pyodide's, not this one)."""
    import _imp

    magic = int.from_bytes(pyc[:4], "little")
    return int.from_bytes(pyc[4:8], "little") == 1 and pyc[8:16] == _imp.source_hash(magic, source)


def test_app_ships_as_a_zip_with_bytecode_that_boot_js_mounts_after_its_hash():
    page = (DIST / "index.html").read_text()
    startup = json.loads(re.search(r"const STARTUP = (\{.*?\n\});", page, re.S).group(1))
    assert startup["packages"] == ["pydantic-core"], "pydantic itself is in the library zip"
    app = DIST / startup["app"]["url"]
    assert app.parent == DIST / "pyodide"
    assert app.name == f"cercle-{hashlib.sha256(app.read_bytes()).hexdigest()[:12]}.zip", "named after its bytes"
    digest = base64.b64encode(hashlib.sha256(app.read_bytes()).digest()).decode()
    assert startup["app"]["integrity"] == f"sha256-{digest}"
    assert startup["app"]["path"] == build.APP_MOUNT
    with zipfile.ZipFile(app) as archive:
        names = set(archive.namelist())
    assert not any(name.endswith(".py") for name in names), "bytecode only"
    with zipfile.ZipFile(app) as archive:
        for source in (build.ROOT / "app").rglob("*.py"):  # every module, compiled from this very source
            name = source.relative_to(build.ROOT).as_posix() + "c"
            assert compiled_from(archive.read(name), source.read_bytes()), name
    assert not any(name.endswith(".po") for name in names), "the catalogs go as JSON"
    with zipfile.ZipFile(next((DIST / "pyodide").glob("cercle-*.zip"))) as archive:
        for lang in LANGUAGES:
            assert json.loads(archive.read(f"app/locales/{lang}.json")) == catalog(lang)  # from the .po files
    assert not any("__pycache__" in name or name.endswith(".pyo") for name in names)


def test_pyscript_leaves_its_package_to_the_apps_zip_which_holds_it_as_bytecode():
    """PyScript's bundle holds its Python package's sources, which it writes at every start;
    dist/'s bundle leaves them out (without_package_writes), and the app's zip, first
    on sys.path, holds the same modules as bytecode, from the same npm package."""
    original = next((build.CACHE / "npm" / "node_modules" / "@pyscript" / "core" / "dist").glob("core-*.js")).read_text()
    shipped_bundle = next((DIST / "pyscript").glob("core-*.js")).read_text()
    written = set(re.findall(r'"(\w+)\.py":', original))
    assert "__init__" in written and not re.findall(r'"(\w+)\.py":', shipped_bundle)
    assert 'import pyscript as _pyscript' in shipped_bundle  # PyScript still imports it
    assert len(original) - len(shipped_bundle) > 25_000  # the package's sources, and nothing else, left out
    assert shipped_bundle == without_worker_hooks(without_package_writes(original))
    package = pyscript_package(build.npm_packages())
    assert set(package) == written, "the npm package's sources are the bundle's modules"
    with zipfile.ZipFile(next((DIST / "pyodide").glob("cercle-*.zip"))) as archive:
        compiled = {name[len("pyscript/"):-4] for name in archive.namelist() if re.fullmatch(r"pyscript/\w+\.pyc", name)}
        assert compiled == written
        for name, text in package.items():
            if name == "__init__":
                text = lazy_package_init(text, package)
            assert compiled_from(archive.read(f"pyscript/{name}.pyc"), text.encode()), name


def test_a_pyscript_bundle_that_no_longer_matches_stops_the_build():
    bundle = 'a=1;W(".",{pyscript:{"__init__.py":"import x\\n","ffi.py":"y = {}"}}),H.push("import pyscript as _pyscript"),H.push("del _os")'
    assert without_package_writes(bundle) == 'a=1;W(".",{}),H.push("import pyscript as _pyscript"),H.push("del _os")'
    for changed in (bundle.replace("_pyscript", "_ps"), bundle + ";" + bundle, ""):
        with pytest.raises(build.BuildError, match="no longer writes its package"):
            without_package_writes(changed)


def test_pyscript_builds_no_worker_hooks_with_function_which_the_csp_forbids():
    shipped_bundle = next((DIST / "pyscript").glob("core-*.js")).read_text()
    assert "return Function(`return(w,x)" not in shipped_bundle
    hooks = 'x=1,jo=(e,t)=>{const n=[...Eo(t)];if(n.length){const r=_o(e[`_${t}`]||(async(e,t,...n)=>{for(const r of n)await r(e,t)})),s=n.map(_o).join(", ");return Function(`return(w,x)=>(${r})(w,x,...[${s}])`)()}},y=2'
    assert without_worker_hooks(hooks) == "x=1,jo=()=>{},y=2"
    for changed in (hooks.replace("return Function", "return new Function"), hooks + ";" + hooks, ""):
        with pytest.raises(build.BuildError, match="no longer builds its worker hooks"):
            without_worker_hooks(changed)


def test_pyscript_package_in_the_zip_offers_every_name_of_pyscripts_own_from_the_same_module():
    """Its __init__ imports them on first use (builder/pyscript_dist.py `lazy_package_init`)."""
    package = pyscript_package(build.npm_packages())
    original = package["__init__"]
    expected = {alias.asname or alias.name for node in ast.walk(ast.parse(original)) if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    init = lazy_package_init(original, package)
    with zipfile.ZipFile(next((DIST / "pyodide").glob("cercle-*.zip"))) as archive:
        assert compiled_from(archive.read("pyscript/__init__.pyc"), init.encode())  # what the page imports
    shipped: dict = {}
    exec(init, shipped)
    assert len(expected) > 15 and shipped["_NAMES"] == expected
    imports = [ast.unparse(node) for node in ast.parse(original).body if not isinstance(node, ast.Expr)]
    assert shipped["_IMPORTS"] == "\n".join(imports) + "\n", "PyScript's own statements, in its order"
    with pytest.raises(build.BuildError, match="more than import names"):
        lazy_package_init(original + "\nprint('side effect')\n")
    with pytest.raises(build.BuildError, match="imports from the package at its top"):
        lazy_package_init(original, {"fetch": "from pyscript import window\n"})


# A package made lazy as the build makes PyScript's, then used as PyScript's own would be.
LAZY_USE = """
import sys
import pyscript.fetch  # a submodule first: the package still binds the function of that name
from pyscript import fetch
assert callable(fetch) and fetch() == "fetched", fetch
import pyscript
assert pyscript.ffi.X == 1  # submodules imported by its statements are bound, as eager
assert pyscript.workers == "workers" and "window" in dir(pyscript)
try:
    pyscript.nothing
except AttributeError:
    pass
else:
    raise AssertionError("pyscript.nothing")
from pyscript import *
assert window == "window"
print("ok")
"""


def test_the_lazy_package_binds_what_the_eager_one_binds(tmp_path):
    init = '"""A package."""\nfrom pyscript.fetch import fetch\nfrom pyscript.context import RUNNING_IN_WORKER, window\n' \
           "if not RUNNING_IN_WORKER:\n    from pyscript.workers import workers\n"
    files = {
        "fetch": "def fetch():\n    return 'fetched'\n",
        "context": "from pyscript.ffi import X\nRUNNING_IN_WORKER = False\nwindow = 'window'\n",
        "ffi": "X = 1\n",
        "workers": "workers = 'workers'\n",
    }
    (tmp_path / "pyscript").mkdir()
    (tmp_path / "pyscript" / "__init__.py").write_text(lazy_package_init(init, files))
    for name, text in files.items():
        (tmp_path / "pyscript" / f"{name}.py").write_text(text)
    result = subprocess.run([sys.executable, "-c", LAZY_USE], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


def test_library_zip_holds_the_standard_library_and_pydantic_as_bytecode():
    with zipfile.ZipFile(DIST / "pyodide" / "python_stdlib.zip") as library:
        names = set(library.namelist())
    for module in ("typing", "dataclasses", "json/__init__", "pydantic/main", "typing_extensions", "annotated_types/__init__"):
        assert f"{module}.pyc" in names and f"{module}.py" not in names, module
    assert "pydantic-2.14.4.dist-info/METADATA" in names
    with zipfile.ZipFile(build.npm_packages() / "pyodide" / "python_stdlib.zip") as published:
        stdlib = {name.removesuffix(".py") for name in published.namelist() if name.endswith(".py")}
    assert stdlib <= {name.removesuffix(".pyc").removesuffix(".py") for name in names}, "a module was lost"


def test_no_absolute_or_remote_urls_in_what_the_page_loads():
    texts = [DIST / "index.html", DIST / "pyscript.toml", DIST / "sw.js",
             *(path for path in (DIST / "assets").glob("*.*") if path.suffix not in (".png", *PRECOMPRESSED))]
    for path in texts:
        text = path.read_text()
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:/|https?:)""", text), path.name
        assert not re.search(r"""import\s*\(?\s*["'](?:/|https?:)""", text), path.name
        assert "http" not in re.sub(r"http://www\.w3\.org/2000/svg|http-equiv", "", text), path.name


def test_only_what_the_page_loads_is_shipped():
    assert not (DIST / "pyscript" / "xterm-Bdboj2r8.js").exists()
    assert sorted(p.name for p in (DIST / "pyodide").glob("pyodide*") if p.suffix not in PRECOMPRESSED) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "pyodide.mjs.map",
    ]


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("", "text/html"),
        ("pyodide/pyodide.asm.wasm", "application/wasm"),
        ("pyodide/pyodide.mjs", "text/javascript"),
        ("pyscript/core.js", "text/javascript"),
        ("assets/app.css", "text/css"),
        ("pyodide/pyodide-lock.json", "application/json"),
    ],
)
def test_server_sends_the_right_mime_types(base_url, path, mime):
    with urllib.request.urlopen(base_url + path) as response:
        assert response.headers.get_content_type() == mime


def shipped() -> list[str]:
    return sorted(path.relative_to(DIST).as_posix() for path in DIST.rglob("*")
                  if path.is_file() and path.suffix not in PRECOMPRESSED)


def test_precompressed_siblings_hold_the_same_bytes():
    build_packages()
    import brotli

    for name in shipped():
        data = (DIST / name).read_bytes()
        br, gz = DIST / f"{name}.br", DIST / f"{name}.gz"
        if name.endswith(".whl"):
            assert not br.exists() and not gz.exists(), f"{name}: deflated already, nothing to gain"
            continue
        if not br.exists() and (name.endswith(".png") or len(gzip.compress(data, 9)) >= len(data)):
            assert not gz.exists(), name
            continue  # a PNG, or a file of a few bytes (core.js.map) that gzip makes no smaller
        assert brotli.decompress(br.read_bytes()) == data, name
        assert gzip.decompress(gz.read_bytes()) == data, name
        assert max(br.stat().st_size, gz.stat().st_size) < len(data), name


def test_the_python_zips_are_stored_for_brotli_to_compress_across_files():
    app_zip = next((DIST / "pyodide").glob("cercle-*.zip"))
    for archive in (DIST / "pyodide" / STDLIB, app_zip):
        with zipfile.ZipFile(archive) as opened:
            assert {info.compress_type for info in opened.infolist()} == {zipfile.ZIP_STORED}, archive.name
    # The page checks the app's zip against its hash (Subresource Integrity): these bytes.
    digest = base64.b64encode(hashlib.sha256(app_zip.read_bytes()).digest()).decode()
    assert f'"integrity": "sha256-{digest}"' in (DIST / "index.html").read_text()


def test_every_source_map_comment_finds_its_map_and_only_those_maps_are_shipped():
    """Lighthouse's best practices want them (issue 17); browsers fetch them only for a
    developer's tools, so the service worker does not store them (above)."""
    resolved = set()
    for script in (path for path in DIST.rglob("*") if path.suffix in (".js", ".mjs")):
        for url in re.findall(r"^//# sourceMappingURL=(\S+)$", script.read_text(), re.M):
            source_map = script.parent / url
            assert json.loads(source_map.read_text())["version"] == 3, url
            resolved.add(source_map.relative_to(DIST).as_posix())
    assert {"pyscript/core.js.map", "pyodide/pyodide.mjs.map"} < resolved
    assert resolved == {name for name in shipped() if name.endswith(".map")}


def test_the_bundles_map_points_at_the_same_code_once_the_build_edited_it():
    """dist/'s bundle is PyScript's without two spans (BUNDLE_EDITS): each position its map
    keeps still points at the code it pointed at, but where an edit begins."""
    published = build.npm_packages() / "@pyscript" / "core" / "dist"
    original = next(published.glob("core-*.js"))
    shipped_bundle = DIST / "pyscript" / original.name

    def points(script: Path) -> list[tuple]:
        text, mapping = script.read_text(), json.loads(script.with_name(script.name + ".map").read_text())
        starts = line_starts(text)
        return [(*segment[1:], text[starts[line] + segment[0]:][:12])
                for line, segments in enumerate(decode(mapping["mappings"])) for segment in segments]

    before, after = set(points(original)), points(shipped_bundle)
    moved = [point for point in after if point not in before]
    assert len(after) > 10_000 and len(moved) <= 3 * len(BUNDLE_EDITS), moved


def test_the_service_worker_stores_every_file_of_the_build_under_its_hash():
    worker = (DIST / "sw.js").read_text()
    found = json.loads(re.search(r"const BUILD = (\{.*?\n\});", worker, re.S)[1])
    # Not the shipped memory snapshot: only a first visit fetches it (test_shipped_snapshot.py).
    assert found["files"] == [name for name in shipped()
                              if name != "sw.js" and not name.endswith(".map") and not name.startswith("pyodide/snapshot-")]
    assert "index.html" in found["files"] and "assets/offline.mjs" in found["files"]
    assert "pyodide/python_stdlib.zip" in found["files"]
    digest = hashlib.sha256()
    for name in found["files"]:
        digest.update(name.encode() + b"\0" + hashlib.sha256((DIST / name).read_bytes()).digest())
    assert found["version"] == digest.hexdigest()[:16]


@pytest.mark.parametrize(("accepted", "sent"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, identity", None)])
def test_server_sends_precompressed_files_to_browsers_that_accept_them(base_url, accepted, sent):
    request = urllib.request.Request(base_url + "pyodide/pyodide.asm.wasm", headers={"Accept-Encoding": accepted})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        assert response.headers.get_content_type() == "application/wasm"
        assert response.headers["Content-Encoding"] == sent
        assert response.headers["Vary"] == "Accept-Encoding"
    assert body == (DIST / f"pyodide/pyodide.asm.wasm{'.br' if sent == 'br' else '.gz' if sent else ''}").read_bytes()


def content_security_policy() -> dict[str, list[str]]:
    page = (DIST / "index.html").read_text()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)[1]
    return {name: values for name, *values in (directive.split() for directive in policy.split(";"))}


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_the_page_allows_only_its_own_files_and_its_own_inline_scripts():
    from app.summary.render import CSS

    policy = content_security_policy()
    assert policy["default-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == policy["base-uri"] == policy["form-action"] == ["'none'"]
    page = (DIST / "index.html").read_text()
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<script"), "before any script"
    inline = re.findall(r'<script(?![^>]*\b(?:src|type="py"))[^>]*>(.*?)</script>', page, re.S)
    assert len(inline) == 4, "boot.js, PyScript's start, the last screen, the morph"
    app_zip = next((DIST / "pyodide").glob("cercle-*.zip"))
    assert f'const BUILD = "{app_zip.stem}";' in inline[2], "the last screen's painter knows the build"
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", *map(sha256, inline)]
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert policy["style-src"] == ["'self'", *map(sha256, styles), sha256(CSS)], "the summary's print window too"
