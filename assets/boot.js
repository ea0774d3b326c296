// The page's first moments, before Python. build.py inlines this file at the top of
// index.html's <head>, so it runs before anything is fetched: it picks the language of the
// loading line, checks that this browser can run WebAssembly, starts Pyodide (with the app)
// at once, then PyScript, and turns any start-up failure into a readable
// message. app/main.py takes over from there and sets <html data-app-state="ready">; on
// failure this file sets data-app-state="error". It never leaves a page spinning on an
// error it has seen.
"use strict";

(() => {
  const TEXT = {
    fr: {
      failed: "Cercle n’a pas pu démarrer : Python ne s’est pas chargé dans ce navigateur.",
      advice: "Rechargez la page. Si cela recommence, essayez un navigateur récent (Firefox, Chrome, Edge, Safari) ; vos données restent dans ce navigateur.",
      noWasm: "Ce navigateur ne peut pas exécuter WebAssembly, dont Cercle a besoin. Utilisez un navigateur récent, ou autorisez WebAssembly pour ce site.",
      detail: "Détail de l’erreur",
      missing: "Impossible de charger",
    },
    en: {
      failed: "Cercle could not start: Python did not load in this browser.",
      advice: "Reload the page. If it happens again, try a recent browser (Firefox, Chrome, Edge, Safari); your data stays in this browser.",
      noWasm: "This browser cannot run WebAssembly, which Cercle needs. Use a recent browser, or allow WebAssembly for this site.",
      detail: "Error details",
      missing: "Could not load",
    },
  };
  const root = document.documentElement;
  const lang = /^fr\b/i.test(navigator.language || "") ? "fr" : "en";
  const text = TEXT[lang];
  root.lang = lang; // the static shell shows the loading line in this language (app.css)

  function whenParsed(callback) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback, { once: true });
    else callback();
  }

  // Show a failure in plain words (textContent only: the detail may hold any text).
  // `late`: pydantic failed to load after the first screen (app/web/startup/checks.py): nothing
  // could be changed or saved, so the failure screen replaces the app then too.
  function fail(summary, detail, late = false) {
    if (root.dataset.appState !== "loading" && !(late && root.dataset.appState === "ready")) return;
    root.dataset.appState = "error";
    whenParsed(() => {
      const section = document.createElement("section");
      section.className = "boot-failure";
      section.setAttribute("role", "alert");
      const heading = document.createElement("h1");
      heading.textContent = "Cercle";
      const message = document.createElement("p");
      message.textContent = summary;
      const advice = document.createElement("p");
      advice.textContent = text.advice;
      section.append(heading, message, advice);
      if (detail) {
        const details = document.createElement("details");
        details.open = true;
        const label = document.createElement("summary");
        label.textContent = text.detail;
        const pre = document.createElement("pre");
        pre.textContent = String(detail);
        details.append(label, pre);
        section.append(details);
      }
      document.getElementById("app").replaceChildren(section);
    });
  }

  // While Python starts, an uncaught error or a file that cannot be fetched (Pyodide only
  // warns when its .wasm fails) means it will not start: say so instead of spinning.
  function onStartupError(event) {
    const target = event.target;
    if (target instanceof Element) {
      const critical = target instanceof HTMLScriptElement || /preload/.test(target.getAttribute("rel"));
      if (critical) fail(text.failed, `${text.missing} ${target.src || target.href}`);
      return;
    }
    const error = event.reason ?? event.error ?? event.message;
    fail(text.failed, error?.stack || error?.message || String(error));
  }

  // What Python needs beside the runtime, written here by build.py: the packages Pyodide
  // installs once the first screen is up (pydantic-core, from pyodide/pyodide-lock.json,
  // which holds their hashes; Pyodide fetches their wheels then), and the app's zip with
  // its hash and its place in Pyodide's file system.
  const STARTUP = /* build.py: start-up */ null;

  // A file fetched and checked against its hash (the browser only says "failed to fetch"
  // when the hash does not match): the error names the file.
  function fetchChecked({ url, integrity }) {
    const failed = (error) => {
      throw new Error(`${text.missing} ${new URL(url, location.href)} (${error.message})`);
    };
    return fetch(url, { integrity }).catch(failed).then((response) => {
      if (!response.ok) throw new Error(`${text.missing} ${response.url} (HTTP ${response.status})`);
      return response.arrayBuffer();
    });
  }

  // The app's zip goes first on sys.path: Python imports it in place, nothing is unpacked.
  // (A restored snapshot has it on sys.path already, but not in its file system.)
  function mountApp(pyodide, bytes) {
    pyodide.FS.writeFile(STARTUP.app.path, new Uint8Array(bytes), { canOwn: true });
    const path = JSON.stringify(STARTUP.app.path);
    pyodide.runPython(`import sys; sys.path[:] = [${path}, *(entry for entry in sys.path if entry != ${path})]`);
  }

  // A returning visit's memory snapshot (docs/startup.md, "A memory snapshot"): Pyodide's
  // memory once booted with the first screen's modules imported, made after a first visit
  // by assets/snapshot.mjs, in a worker, and kept in Cache Storage under this build's id
  // (written here by build.py: Pyodide's runtime, the app's zip and these scripts), in a
  // cache of its own that the service worker's clean-up leaves alone (assets/sw.js).
  const scope = new URL("./", document.baseURI).href;
  const SNAPSHOT = self.caches && STARTUP?.snapshot
    ? { cache: `cercle-snapshot ${scope}`, key: `${scope}snapshot-${STARTUP.snapshot}` }
    : null; // no Cache Storage (a page served insecurely, not from localhost): none
  const PYTHON_ENV = STARTUP?.env; // what Python finds in os.environ, here and in any snapshot (builder/snapshot.py)

  // This build's stored snapshot (a response whose body is still to read), or null. One
  // that the worker refused to make, or that failed to restore, is stored empty (204).
  function storedSnapshot() {
    if (!SNAPSHOT) return Promise.resolve(null);
    return caches
      .open(SNAPSHOT.cache)
      .then((cache) => cache.match(SNAPSHOT.key))
      .then((response) => (response?.status === 200 ? response : null))
      .catch(() => null);
  }

  // The snapshot this build ships (docs/startup.md, "The shipped snapshot"), for a first
  // visit, fetched beside the runtime from the page's first bytes: restoring it takes a
  // quarter less than booting Python (measured 2026-12-03). A restored Python holds the
  // first screen's modules already, so the standard library (3.5 MB) is not needed until
  // pydantic: it comes after the snapshot instead of beside it, and what a first visit
  // fetches before the first screen weighs about the same as without the snapshot (4 MB in
  // brotli). Not from a host that would send it uncompressed (31 MB: asked first, HEAD),
  // nor on a page that a service worker serves (a returning visit restores the snapshot
  // its own worker made, or boots in full offline). Its hash is checked (Subresource
  // Integrity): altered bytes are refused, and Python boots in full.
  const SHIPPED = STARTUP?.shipped;
  const SHIPPED_MAX_BYTES = 8 * 2 ** 20; // over the wire

  // Whether this browser holds anything of Cercle's (a page that no service worker serves
  // may: a browser without one, or a visit before it took over). Then the first screen
  // reads it, which imports modules the snapshot lacks (a text codec, for one): the
  // standard library comes with the snapshot, not after it.
  function somethingStored() {
    try {
      return Object.keys(localStorage).some((key) => key.startsWith("cercle."));
    } catch {
      return true; // storage off: the app will say so, from a full standard library
    }
  }

  // The shipped snapshot (a response whose body is still to read), or null.
  function shippedSnapshot() {
    if (!SHIPPED || navigator.serviceWorker?.controller) return Promise.resolve(null);
    const url = new URL(SHIPPED.url, document.baseURI);
    return fetch(url, { method: "HEAD" })
      .then((head) => {
        const compressed = head.headers.has("Content-Encoding");
        if (!head.ok || (!compressed && Number(head.headers.get("Content-Length") ?? Infinity) > SHIPPED_MAX_BYTES)) {
          console.info("Cercle: this host sends the shipped memory snapshot uncompressed, so Python boots in full");
          return null;
        }
        return fetch(url, { integrity: SHIPPED.integrity }).then((response) =>
          response.ok ? response : Promise.reject(new Error(`HTTP ${response.status}`)));
      })
      .catch((error) => {
        console.warn("Cercle: the shipped memory snapshot could not be fetched, so Python starts without it:", error);
        return null;
      });
  }

  // A snapshot that fails to restore is never tried, nor made, again for this build.
  function refuseSnapshot(error) {
    console.warn("Cercle: the memory snapshot did not restore, so Python starts without it:", error);
    caches
      .open(SNAPSHOT.cache)
      .then((cache) => cache.put(SNAPSHOT.key, new Response(null, { status: 204, headers: { "Cercle-Refused": "restore failed" } })))
      .catch(() => {});
  }

  // Python from the stored snapshot (null if it fails: then it boots as without one).
  // The file system is not in a snapshot: the app's zip is written again, the same bytes.
  // `refuse`: what a failure does (the stored one is set aside; the shipped one, only said).
  async function restore(loadPyodide, options, snapshot, app, refuse) {
    let pyodide;
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot.arrayBuffer() });
    } catch (error) {
      refuse(error);
      return null;
    }
    const bytes = await app; // failing its hash: the start-up's failure, snapshot or not
    try {
      mountApp(pyodide, bytes);
      pyodide.runPython("import app.startup.first_screen; app.startup.first_screen.restored()");
      return pyodide;
    } catch (error) {
      refuse(error);
      return null;
    }
  }

  function refuseShipped(error) {
    console.warn("Cercle: the shipped memory snapshot did not restore, so Python starts without it:", error);
  }

  // After the shipped snapshot: the standard library where Pyodide keeps it, the same bytes
  // as when the snapshot was made (Python's import caches in it still describe them), in
  // place of the empty zip that Pyodide was given meanwhile. Until then, importing a module
  // that the snapshot does not hold fails plainly ("can't open Zip file"); nothing before
  // the first screen does (tests/e2e/test_shipped_snapshot.py), and pydantic waits for it.
  function installStdlib(pyodide) {
    const path = pyodide.runPython("import sys; f'/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip'");
    pyodide.FS.unlink(path);
    return fetchChecked(SHIPPED.stdlib).then((bytes) => {
      pyodide.FS.writeFile(path, new Uint8Array(bytes), { canOwn: true });
      pyodide.runPython(`import importlib, sys, zipimport
zipimport._zip_directory_cache.pop(${JSON.stringify(path)}, None)
sys.path_importer_cache.pop(${JSON.stringify(path)}, None)
importlib.invalidate_caches()`);
      return pyodide;
    });
  }

  // When this start did not come from a snapshot, the worker makes one for the next start
  // (data-snapshot says how it went, for the tests): once the page is ready and pydantic is
  // up, and the service worker has stored the build and taken the page (so that the worker
  // takes Pyodide from there, not from the network again; and a page without a service
  // worker would take it all from the network on its next start anyway), in idle time.
  function makeSnapshotLater() {
    const container = navigator.serviceWorker;
    if (!SNAPSHOT || !container || root.dataset.boot === "snapshot") return;
    if (container.controller) (self.requestIdleCallback ?? setTimeout)(makeSnapshot);
    else container.addEventListener("controllerchange", makeSnapshotLater, { once: true });
  }

  function makeSnapshot() {
    const worker = new Worker(new URL("./assets/snapshot.mjs", document.baseURI), { type: "module" });
    const done = ({ outcome, detail }) => {
      worker.terminate();
      if (outcome === "failed") console.warn("Cercle: no memory snapshot for the next start:", detail);
      root.dataset.snapshot = outcome; // stored, present, refused or failed
    };
    worker.addEventListener("message", ({ data }) => done(data));
    worker.addEventListener("error", (event) => done({ outcome: "failed", detail: event.message || "the worker did not start" }));
    const app = { ...STARTUP.app, url: new URL(STARTUP.app.url, document.baseURI).href };
    worker.postMessage({ app, env: PYTHON_ENV, ...SNAPSHOT });
  }

  // Pyodide catches a failure to compile or instantiate its WebAssembly (a damaged or
  // truncated .wasm that still downloaded) and only warns, then waits forever. Until the
  // interpreter is up, such a failure is the start-up's: say so. Returns the undoing.
  function watchWebAssembly() {
    const originals = {};
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      if (typeof original !== "function") continue; // feature detection must still see it missing
      originals[name] = original;
      WebAssembly[name] = function (...args) {
        return original.apply(this, args).catch((error) => {
          fail(text.failed, error?.stack || String(error));
          throw error;
        });
      };
    }
    return () => Object.assign(WebAssembly, originals);
  }

  // Boot Python now, alongside PyScript's own start, and fetch the app at once. PyScript
  // gets this interpreter through assets/interpreter.mjs, with its own output handlers.
  function bootPython() {
    const output = { stdout: console.log, stderr: console.error };
    const app = fetchChecked(STARTUP.app);
    const unwatch = watchWebAssembly();
    const options = { env: PYTHON_ENV, stdout: (line) => output.stdout(line), stderr: (line) => output.stderr(line) };
    // This build's snapshot stored by an earlier visit, else the shipped one (when: shippedSnapshot).
    const snapshot = storedSnapshot().then((stored) =>
      stored ? { boot: "snapshot", response: stored, refuse: refuseSnapshot, options }
        : shippedSnapshot().then((shipped) => {
          if (!shipped) return null;
          const data = somethingStored(); // then the standard library comes with it, not after
          return { boot: "shipped", response: shipped, refuse: refuseShipped, later: !data,
            options: data ? options : { ...options, stdLibURL: SHIPPED.pending } };
        }));
    let stdlib = null; // the standard library written after the shipped snapshot (installStdlib)
    const booting = Promise.all([import("./pyodide/pyodide.mjs"), snapshot])
      .then(async ([{ loadPyodide }, found]) => {
        const restored = found && (await restore(loadPyodide, found.options, found.response, app, found.refuse));
        root.dataset.boot = restored ? found.boot : "full"; // for the tests and the benchmark
        if (restored && found.later) stdlib = installStdlib(restored);
        if (restored) return restored;
        const pyodide = await loadPyodide(options);
        mountApp(pyodide, await app);
        return pyodide;
      })
      .finally(unwatch);
    // Whatever stops it (the app's zip failing its hash at the end of a slow download, say)
    // is the start-up's failure, whether or not PyScript reports it.
    booting.catch((error) => fail(text.failed, error?.stack || String(error)));
    let installing = null;
    // After the first screen (app/web/startup/checks.py): the packages, installed once. Pyodide
    // reports a package it could not load on errorCallback (then Python's import fails).
    window.cercleBoot.installLater = () =>
      (installing ??= booting.then((pyodide) => stdlib ?? pyodide).then((pyodide) =>
        pyodide.loadPackage(STARTUP.packages, { messageCallback: () => {}, errorCallback: console.error }),
      ));
    return ({ stdout, stderr }) => {
      Object.assign(output, { stdout, stderr });
      return booting;
    };
  }

  // PyScript reports a Python exception on its stderr, then says the script is done. If
  // the app is not ready by then, it never will be: show that exception.
  function watchPython({ hooks }) {
    let lastError = "";
    hooks.main.onReady.add((wrap) => {
      const stderr = wrap.io.stderr;
      wrap.io.stderr = (error, ...rest) => {
        lastError = error?.message || String(error);
        return stderr(error, ...rest);
      };
    });
    addEventListener("py:done", () => fail(text.failed, lastError));
  }

  // Once the first screen is up and pydantic with it (data-checks): then, so that nothing
  // competes with the start.
  function afterChecks(callback) {
    new MutationObserver((_, observer) => {
      if (root.dataset.checks !== "ready") return;
      observer.disconnect();
      callback();
    }).observe(root, { attributes: true, attributeFilter: ["data-checks"] });
  }

  // The service worker, which stores the build so that the page starts offline
  // (assets/offline.mjs). Without one, the page works online.
  function registerOffline() {
    import("./assets/offline.mjs")
      .then((offline) => offline.register())
      .catch((error) => console.warn("Cercle: no service worker, so no offline start:", error));
  }

  window.cercleBoot = {
    lang,
    fail: (detail) => fail(text.failed, detail),
    failLate: (detail) => fail(text.failed, detail, true),
  };

  if (typeof WebAssembly !== "object") {
    fail(text.noWasm);
    return;
  }
  addEventListener("error", onStartupError, true); // capture: resource errors do not bubble
  addEventListener("unhandledrejection", onStartupError);
  window.cercleBoot.python = bootPython();
  afterChecks(() => {
    registerOffline();
    makeSnapshotLater();
  });
  // PyScript reads its configuration (<script type="py" config>, <mpy-config>) when it
  // starts: started before the parser has reached them (a page that arrives or parses
  // slowly), it finds none and asks for every plugin, which dist/ does not ship. So
  // index.html starts it right after them, at the top of <body>.
  let pyscript = null;
  window.cercleBoot.startPyScript = () =>
    (pyscript ??= import("./pyscript/core.js").then(watchPython, (error) => fail(text.failed, error.stack || error)));
})();
