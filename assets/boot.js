// The page's first few milliseconds, before Python: say in the reader's language that Python
// is loading, check that this browser can run it, start PyScript, and turn any start-up
// failure into a readable message. Python (app/main.py) takes over from here and sets
// <html data-app-state="ready">; on failure this file sets data-app-state="error".
"use strict";

(() => {
  const TEXT = {
    fr: {
      loading: "Chargement de Python…",
      failed: "Cercle n'a pas pu démarrer : Python ne s'est pas chargé dans ce navigateur.",
      advice: "Rechargez la page. Si cela recommence, essayez un navigateur récent (Firefox, Chrome, Edge, Safari) ; vos données restent dans ce navigateur.",
      noWasm: "Ce navigateur ne peut pas exécuter WebAssembly, dont Cercle a besoin. Utilisez un navigateur récent, ou autorisez WebAssembly pour ce site.",
      detail: "Détail de l'erreur",
    },
    en: {
      loading: "Python is loading…",
      failed: "Cercle could not start: Python did not load in this browser.",
      advice: "Reload the page. If it happens again, try a recent browser (Firefox, Chrome, Edge, Safari); your data stays in this browser.",
      noWasm: "This browser cannot run WebAssembly, which Cercle needs. Use a recent browser, or allow WebAssembly for this site.",
      detail: "Error details",
    },
  };
  const root = document.documentElement;
  const lang = /^fr\b/i.test(navigator.language || "") ? "fr" : "en";
  const text = TEXT[lang];
  root.lang = lang;
  document.getElementById("boot-message").textContent = text.loading;

  // Show a failure in plain words (textContent only: the detail may hold any text).
  function fail(summary, detail) {
    if (root.dataset.appState === "error") return;
    root.dataset.appState = "error";
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
  }

  // While Python starts, any uncaught error means it will not: say so instead of spinning.
  function onStartupError(event) {
    if (root.dataset.appState !== "loading") return;
    const error = event.reason ?? event.error ?? event.message;
    fail(text.failed, error?.stack || error?.message || String(error));
  }

  window.cercleBoot = {
    lang,
    fail: (detail) => fail(text.failed, detail),
  };

  if (typeof WebAssembly !== "object") {
    fail(text.noWasm);
    return;
  }
  addEventListener("error", onStartupError);
  addEventListener("unhandledrejection", onStartupError);
  import("../pyscript/core.js").catch((error) => fail(text.failed, error.stack || error));
})();
