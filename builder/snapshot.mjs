// build.py's maker of the memory snapshot that dist/ ships for first visits
// (builder/snapshot.py), under Node.js: the same making as the page's worker
// (assets/snapshot-make.mjs), from dist/'s own runtime and the app's zip.
//   node builder/snapshot.mjs PYODIDE_MJS APP_ZIP MOUNT_PATH ENV_JSON OUT
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { makeSnapshot } from "../assets/snapshot-make.mjs";

const [runtime, zip, path, env, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(runtime).href);
const { snapshot, refused } = await makeSnapshot(loadPyodide, readFileSync(zip), {
  path,
  env: JSON.parse(env),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
if (refused) {
  process.stderr.write(`no snapshot: ${refused}\n`);
  process.exit(1);
}
writeFileSync(out, snapshot);
