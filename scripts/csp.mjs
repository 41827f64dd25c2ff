// Trunk post_build hook (Trunk.toml [[hooks]]): puts the sha256 of each inline script of the
// built index.html — trunk's wasm loader, whose text names the build's hashed file names and so
// changes with every build — into the Content-Security-Policy meta tag, in place of the
// placeholder index.html carries. The policy then lets that loader run and no other inline
// script. Anything unexpected (no placeholder, no inline script, the policy after a script)
// fails the build rather than ship a page that would not start or a policy that does not hold.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = '__INLINE_SCRIPT_HASHES__';

function fail(why) {
  console.error(`scripts/csp.mjs: ${why}`);
  process.exit(1);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set: this runs as a trunk post_build hook');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

if (html.split(PLACEHOLDER).length !== 2) fail(`index.html must hold ${PLACEHOLDER} exactly once`);
const meta = html.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
const firstScript = html.search(/<script\b/i);
if (meta < 0 || html.indexOf(PLACEHOLDER) < meta) fail('the placeholder is not in the Content-Security-Policy meta tag');
if (firstScript >= 0 && firstScript < meta) fail('a script comes before the Content-Security-Policy meta tag');

const hashes = new Set();
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (hashes.size === 0) fail("no inline script found (trunk's loader changed?)");

html = html.replace(PLACEHOLDER, [...hashes].join(' '));
writeFileSync(file, html);
console.log(`scripts/csp.mjs: ${hashes.size} inline script(s) allowed by hash in ${file}`);
