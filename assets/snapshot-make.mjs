// How a memory snapshot of Pyodide is made (docs/startup.md, "A memory snapshot"), in one
// place for its two makers: the page's worker after a first visit (assets/snapshot.mjs),
// and build.py, which ships one in dist/ for first visits (builder/snapshot.mjs, under
// Node.js). Python boots with Pyodide's private `_makeSnapshot`, the app's zip goes first on
// sys.path, the first screen's modules are imported (app/startup/first_screen.py: they touch
// no browser object as they are), and Pyodide's memory is taken.
//
// Returns { snapshot } (the bytes), or { refused } (why not): Pyodide restores the heap
// into the memory its module declares, so a heap that grew while the modules were imported
// would not fit (Pyodide issue 6254, "offset is out of bounds").
export async function makeSnapshot(loadPyodide, zip, { path, env, stderr = console.warn }) {
  const pyodide = await loadPyodide({ _makeSnapshot: true, env, stdout: () => {}, stderr });
  const heap = pyodide._module.HEAP8.length;
  pyodide.FS.writeFile(path, new Uint8Array(await zip), { canOwn: true });
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(path)})`);
  pyodide.runPython("import app.startup.first_screen; app.startup.first_screen.import_all()");
  const grown = pyodide._module.HEAP8.length;
  if (grown > heap) return { refused: `the heap grew from ${heap} to ${grown} bytes` };
  return { snapshot: pyodide.makeMemorySnapshot() };
}
