// Cercle's service worker: it stores the whole build at the first visit, so that the page
// starts offline (in a meeting room without Wi-Fi) and a returning visit takes nothing from
// the network. build.py writes dist/sw.js, beside index.html, from this file: the list of
// the build's files and a hash of their bytes, which names the cache. A new build is a new
// sw.js: the browser installs it beside the running one, and the page offers to reload
// (assets/offline.mjs); it takes over only when asked, then deletes the old cache.
// Hand-written rather than Workbox: these few lines are all the page needs (README, "Offline").
"use strict";

const BUILD = /* build.py: precache */ { version: "source", files: [] };
const SCOPE = self.registration.scope; // dist/'s folder, at the root or under a sub-path
// Cache Storage is shared by every scope of an origin: each worker only touches its own.
// (The page's memory snapshot lives in "cercle-snapshot <scope>", outside this prefix:
// assets/boot.js and assets/snapshot.mjs keep it, one build's at a time.)
const PREFIX = `cercle ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
const PAGE = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  // Revalidated with the host, so that no stale copy from the HTTP cache slips in.
  const requests = BUILD.files.map((file) => new Request(new URL(file, SCOPE), { cache: "no-cache" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  const stale = (names) => names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(stale(names).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page asks for it once the facilitator chose to reload (never on its own).
self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

// Cache first: the build's files never change under their names within one version. A page
// of the site (any address under the scope) is the stored index.html; anything else, or a
// cache the browser evicted, goes to the network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const page = request.mode === "navigate";
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(page ? PAGE : request, { ignoreVary: true }))
      .then((stored) => stored ?? fetch(request)),
  );
});
