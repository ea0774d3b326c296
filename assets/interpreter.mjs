// PyScript's interpreter module (pyscript.toml: interpreter = "./assets/interpreter.mjs").
// assets/boot.js starts Pyodide, with pydantic-core and the app's zip, as soon as the page is parsed,
// before PyScript itself is fetched; PyScript calls loadPyodide() much later and gets
// that same interpreter, already booted or nearly.
export { version } from "../pyodide/pyodide.mjs";
export const loadPyodide = (options) => window.cercleBoot.python(options);
