// The last screen at once. On a returning visit, before Python is up, this paints into
// <main id="app"> the screen the app last showed at this address, as the app rendered it
// (app/web/last_screen.py stores it after each render, with the build and the language):
// read-only (inert, busy) under a "starting" line, until the app's first render morphs the
// same nodes and sets data-app-state; then the line goes and the screen is live. build.py
// inlines this file right after <main> (it runs while the page is parsed, before any
// request) and writes the build's id in it: a screen stored by another build, or for
// another address, is not painted, and the page shows its loading shell as before.
"use strict";

(() => {
  const KEY = "cercle.screen";
  const BUILD = /* build.py: build */ "source";
  window.cercleLastScreen = { key: KEY, build: BUILD };
  const root = document.documentElement;
  const main = document.getElementById("app");

  function stored() {
    try {
      const record = JSON.parse(localStorage.getItem(KEY));
      const usable = record?.build === BUILD && record.hash === location.hash;
      return usable && typeof record.html === "string" ? record : null;
    } catch {
      return null; // storage switched off, or not what the app writes
    }
  }

  // The app's own output (app/markup.py escapes every text it renders), parsed in a
  // document of its own, which loads and runs nothing. What the app never renders (scripts,
  // event attributes, javascript: links) is dropped all the same, should something else of
  // this origin have written that item; the page's Content-Security-Policy would refuse
  // them anyway.
  function parsed(html) {
    const body = new DOMParser().parseFromString(html, "text/html").body;
    for (const element of body.querySelectorAll("script, iframe, object, embed, frame, link, meta, style, base")) {
      element.remove();
    }
    for (const element of body.querySelectorAll("*")) {
      for (const { name, value } of [...element.attributes]) {
        if (/^on/i.test(name) || /^\s*javascript:/i.test(value)) element.removeAttribute(name);
      }
    }
    return [...body.childNodes];
  }

  const record = root.dataset.appState === "loading" && stored();
  if (!record) return;
  root.lang = record.lang;
  main.replaceChildren(...parsed(record.html));
  main.inert = true; // nothing on it answers until the app does
  main.setAttribute("aria-busy", "true");
  const waiting = document.createElement("p");
  waiting.className = "last-screen-waiting";
  waiting.setAttribute("role", "status");
  waiting.textContent = record.waiting;
  main.before(waiting);
  root.dataset.lastScreen = "painted";
  performance.mark("cercle:last-screen"); // bench/startup.py reads it
  // Ready (the app's render has morphed these nodes) or failed (boot.js or the recovery
  // screen has replaced them): either way, the screen is the app's from now on.
  new MutationObserver((_, observer) => {
    if (root.dataset.appState === "loading") return;
    observer.disconnect();
    waiting.remove();
    main.inert = false;
    main.removeAttribute("aria-busy");
    delete root.dataset.lastScreen;
  }).observe(root, { attributes: true, attributeFilter: ["data-app-state"] });
})();
