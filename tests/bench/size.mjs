// What the wasm holds, by crate: reads `twiggy top -f csv` of a build with function names kept
// (scripts/size makes it) and sums the shallow sizes by crate (and, for this crate, by module),
// leaving out the names section itself. Prints the top 30.
import { readFileSync } from 'node:fs';

const [csvPath] = process.argv.slice(2);
const lines = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
const bytes = new Map();
let total = 0;
for (const line of lines) {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  if (!m) continue;
  const [, name, size] = m;
  if (name.includes('function names') || name.startsWith('...') || name.startsWith('Σ')) continue;
  const n = Number(size);
  let key;
  const own = name.match(/sop_grid::([a-z_]+)(?:::([a-z_]+))?/);
  const krate = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (own && krate && krate[1] === 'sop_grid') {
    key = `sop_grid::${own[1]}${['engine', 'ui', 'import'].includes(own[1]) && own[2] ? `::${own[2]}` : ''}`;
  } else if (krate) {
    key = krate[1];
  } else {
    key = name.startsWith('data segment') ? 'data segments (strings, tables)' : 'other';
  }
  bytes.set(key, (bytes.get(key) ?? 0) + n);
  total += n;
}
console.log(`wasm code and data without the names section: ${total} bytes (before wasm-opt)`);
for (const [k, v] of [...bytes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${String(v).padStart(9)}  ${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`);
}
