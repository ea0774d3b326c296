// The service worker (dist/sw.js, assets/sw.js), registered by assets/boot.js once the page
// is ready and pydantic is up, so that storing the build never competes with the start.
// When a new build is published, the browser installs its worker beside this one; this
// module tells the app (the event "cercle:update" on window), which offers to reload, and
// `cercleBoot.applyUpdate()` hands over to the new worker and reloads, once, only then.
const HOUR = 3_600_000;

export async function register() {
  const container = navigator.serviceWorker;
  if (!container) return; // an old browser, or a private window that has none
  const registration = await container.register(new URL("sw.js", document.baseURI));
  const root = document.documentElement;
  let asked = false;
  const announce = () => {
    root.dataset.update = "ready";
    dispatchEvent(new Event("cercle:update"));
  };
  const waiting = () => {
    if (registration.waiting && container.controller) announce();
  };
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && waiting());
  });
  // Another tab chose to reload: this page still runs the old build, so it offers to reload too.
  const controlled = Boolean(container.controller);
  container.addEventListener("controllerchange", () => {
    if (asked) location.reload();
    else if (controlled) announce();
  });
  window.cercleBoot.applyUpdate = () => {
    if (!registration.waiting) return location.reload();
    asked = true;
    registration.waiting.postMessage("activate");
  };
  waiting();
  // A page left open all day still learns of a new build.
  const check = () => registration.update().catch(() => {}); // offline: next time
  setInterval(check, HOUR);
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
}
