// A dedicated worker that makes the memory snapshot of a returning visit (docs/startup.md,
// "A memory snapshot"). assets/boot.js starts it once the page is ready and pydantic is up,
// in idle time, when no snapshot of this build is stored: it boots a second Pyodide here,
// off the page's thread, imports the first screen's modules (app/startup/first_screen.py), takes
// Pyodide's memory snapshot and stores it in Cache Storage under this build's id (the
// message says where, and how the page boots Python). The next start restores it instead
// of booting Python (assets/boot.js `bootPython`). Pyodide's snapshot API is private
// (`_makeSnapshot`, `makeMemorySnapshot`): its version is pinned in package-lock.json, and
// anything that fails here leaves the page booting as without it.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { makeSnapshot } from "./snapshot-make.mjs";

async function make({ app, env, cache: name, key }) {
  const cache = await caches.open(name);
  if (await cache.match(key)) return { outcome: "present" };
  const zip = fetch(app.url, { integrity: app.integrity }).then((response) => {
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const { snapshot, refused } = await makeSnapshot(loadPyodide, zip, { path: app.path, env });
  // One build's snapshot per site: the others' go (a new build is a new id).
  for (const request of await cache.keys()) await cache.delete(request);
  if (refused) {
    // Stored as refused, so that no later visit makes it again for this build.
    await cache.put(key, new Response(null, { status: 204, headers: { "Cercle-Refused": refused } }));
    return { outcome: "refused", detail: refused };
  }
  await cache.put(key, new Response(snapshot, { headers: { "Content-Type": "application/octet-stream" } }));
  return { outcome: "stored", detail: `${snapshot.length} bytes` };
}

// One maker at a time for a site (the presentation window is a second page of the app):
// another page's worker making it, this one leaves it to that one.
function alone(name, task) {
  if (!navigator.locks) return task();
  return navigator.locks.request(name, { ifAvailable: true }, (lock) => (lock ? task() : { outcome: "present" }));
}

self.addEventListener("message", (event) => {
  alone(event.data.cache, () => make(event.data)).then(
    (result) => self.postMessage(result),
    (error) => self.postMessage({ outcome: "failed", detail: error?.stack || String(error) }),
  );
});
