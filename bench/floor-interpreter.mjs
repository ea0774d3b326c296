// PyScript's interpreter module for bench/floor.html: the Pyodide that page started at once.
export { version } from "../pyodide/pyodide.mjs";
export const loadPyodide = () => window.floorPython;
