#!/usr/bin/env node
/**
 * `node scripts/check-doc-citations.mjs`: the repository cites only documents it contains.
 *
 * 1. No file under src/, scripts/, e2e/ or docs/ (nor README.md, .oxlintrc.json or the configs)
 *    names one of the team's design notes that live outside the repository.
 * 2. Every citation `docs/<file>.md#<anchor>` (and every link `<file>.md#<anchor>` or `#<anchor>`
 *    inside docs/) names an existing file and, when it has an anchor, a heading of that file, with
 *    GitHub's anchors: the heading's text in lower case, punctuation other than `-` and `_`
 *    removed, each space turned into `-`, and `-1`, `-2`, … appended to repeated headings.
 *
 * Prints one line per problem and a summary; exits 1 on any problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const scanned = ['src', 'scripts', 'e2e', 'docs'];
const singleFiles = ['README.md', '.oxlintrc.json', 'vite.config.ts', 'playwright.config.ts', 'index.html', 'package.json'];
const textFile = /\.(ts|tsx|mjs|js|json|md|sh|css|html)$/;

// The notes outside the repository, spelled in pieces so that this file does not cite them itself.
const outsideNotes = ['MATH', 'DESIGN', 'performance', 'toolchain', 'HOUSE'].map((name) => `${name}.md`);
const outsidePattern = new RegExp(`\\b(${outsideNotes.map((n) => n.replace('.', '\\.')).join('|')})\\b`, 'g');
/**
 * docs/<file>.md, optionally with #anchor, optionally followed by more anchors of the same file:
 * `docs/<file>.md#<a>, #<b> and #<c>` (a list may continue on the next comment line, after ` * `).
 */
const docsCitation = /\bdocs\/([A-Za-z0-9_-]+\.md)(?:#([A-Za-z0-9_-]+)((?:,?\s*(?:\*\s*)?(?:and\s+)?#[A-Za-z0-9_-]+)*))?/g;
const listedAnchor = /#([A-Za-z0-9_-]+)/g;
/** Markdown links inside docs/: (file.md#anchor), (file.md) or (#anchor). */
const docsLink = /\]\((?:\.\/)?([A-Za-z0-9_-]+\.md)?(?:#([A-Za-z0-9_-]+))?\)/g;

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'testdata') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (textFile.test(entry)) out.push(path);
  }
  return out;
}

/** GitHub's anchor for a heading's source text. */
function slug(heading) {
  return heading
    .replace(/[`*$]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const anchorCache = new Map();
/** The anchors of docs/<file>, or null when the file does not exist. */
function anchorsOf(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const path = join(root, 'docs', file);
  let anchors = null;
  if (existsSync(path)) {
    anchors = new Set();
    const seen = new Map();
    let fenced = false;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading === null) continue;
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
  }
  anchorCache.set(file, anchors);
  return anchors;
}

const problems = [];
let citations = 0;
const files = [
  ...scanned.flatMap((dir) => (existsSync(join(root, dir)) ? walk(join(root, dir)) : [])),
  ...singleFiles.map((f) => join(root, f)).filter((f) => existsSync(f)),
];
for (const path of files) {
  const name = relative(root, path);
  const text = readFileSync(path, 'utf8');
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  const check = (index, file, anchor) => {
    citations++;
    const where = `${name}:${lineOf(index)}`;
    const anchors = anchorsOf(file);
    if (anchors === null) problems.push(`${where}: cites docs/${file}, which does not exist`);
    else if (anchor !== undefined && !anchors.has(anchor)) {
      problems.push(`${where}: cites docs/${file}#${anchor}, but docs/${file} has no heading with that anchor`);
    }
  };
  for (const match of text.matchAll(outsidePattern)) {
    problems.push(
      `${name}:${lineOf(match.index)}: cites ${match[1]}, which is not in the repository; cite docs/mathematics.md or docs/architecture.md`,
    );
  }
  for (const match of text.matchAll(docsCitation)) {
    check(match.index, match[1], match[2]);
    for (const more of (match[3] ?? '').matchAll(listedAnchor)) check(match.index, match[1], more[1]);
  }
  if (name.startsWith('docs/')) {
    for (const match of text.matchAll(docsLink)) {
      if (match[1] === undefined && match[2] === undefined) continue;
      check(match.index, match[1] ?? name.slice('docs/'.length), match[2]);
    }
  }
}

for (const problem of problems) console.log(problem);
console.log(
  `check-doc-citations: ${files.length} files, ${citations} citations of docs/, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
);
process.exit(problems.length === 0 ? 0 : 1);
