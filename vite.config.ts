/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * The page's Content-Security-Policy (issue 16). Everything is served from the page's own origin:
 * scripts and the worker are files (no eval; the one inline script, index.html's first-screen
 * guard, is allowed by its hash), KaTeX's fonts are files (see assetsInlineLimit), the PNG export
 * draws from a blob: URL, React sets inline style attributes ('unsafe-inline' for styles only), and
 * exported or inlined images may be data: or blob: URLs.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** The base64 SHA-256 of each inline (src-less) script of a page, as script-src names them. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
    createHash('sha256').update(m[1]!).digest('base64'),
  );
}

/**
 * Writes the policy into the built index.html as a <meta http-equiv>, so every static host serves
 * it. Only in the build: the dev server injects inline scripts (React Refresh's preamble) that
 * script-src would block, so `npm start` runs without it.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(inlineScriptHashes(html)) }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/**
 * Renders the first screen into the built index.html's #root (src/prerender.tsx, through a Vite
 * server in SSR mode, so its TypeScript and imports resolve as in the page): the title, the question
 * and the short answer paint before any JavaScript has loaded, and main.tsx hydrates them. The
 * root is inert until then: a control used before its code is there would do nothing, or (a native
 * slider moved by a key) change what the page's state does not know
 * (docs/architecture.md#first-screen). Only in the build; `npm start` renders in the browser.
 */
function prerenderFirstScreen(): Plugin {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const placeholder = '<div id="root"></div>';
        if (!html.includes(placeholder)) throw new Error('index.html has no empty <div id="root"></div> to prerender into');
        const { createServer } = await import('vite');
        const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'warn' });
        try {
          const entry = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderFirstScreen: () => string; prerenderedQuery: () => string };
          if (!html.includes("'PRERENDERED_QUERY'")) throw new Error("index.html's guard script has no 'PRERENDERED_QUERY' to fill in");
          // Replacer functions: a replacement string would read `$&`, `$'` and the like in the markup.
          const markup = entry.renderFirstScreen();
          const query = JSON.stringify(entry.prerenderedQuery());
          return html.replace(placeholder, () => `<div id="root" inert>${markup}</div>`).replace("'PRERENDERED_QUERY'", () => query);
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * Prints the JavaScript a reader downloads, gzip-compressed, as the build's last line (issue 12's
 * budget, docs/architecture.md#rendering-budget): first-load is the entry chunk, the page's code it
 * imports right after the first paint, and every chunk those import statically (what index.html
 * loads before the page responds; the prerendered first screen shows before it); total adds the
 * lazily imported chunks and the workers.
 */
function bundleSizes(): Plugin {
  let line = '';
  return {
    name: 'bundle-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gzip = (code: string | Uint8Array) => gzipSync(code).length;
      const sizes = new Map<string, number>();
      for (const [name, file] of Object.entries(bundle)) {
        if (!name.endsWith('.js')) continue;
        sizes.set(name, gzip(file.type === 'chunk' ? file.code : file.source));
      }
      const firstLoad = new Set<string>();
      const visit = (name: string) => {
        const file = bundle[name];
        if (firstLoad.has(name) || file === undefined || file.type !== 'chunk') return;
        firstLoad.add(name);
        file.imports.forEach(visit);
      };
      // The entry (entry.ts) imports the page's code (main.tsx) as soon as the prerendered first screen
      // has painted: that import is part of the first load too, unlike the sections and KaTeX that
      // main.tsx imports on demand.
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        visit(name);
        file.dynamicImports.forEach(visit);
      }
          const kb = (bytes: number) => (bytes / 1000).toFixed(1);
      const sum = (names: Iterable<string>) => [...names].reduce((s, n) => s + (sizes.get(n) ?? 0), 0);
      line = `first-load JS ${kb(sum(firstLoad))} kB gzip, total JS ${kb(sum(sizes.keys()))} kB gzip`;
    },
    closeBundle() {
      // The worker's own build has no entry of the page; only the page's line is printed.
      if (line !== '') console.log(line);
    },
  };
}

export default defineConfig({
  plugins: [react(), prerenderFirstScreen(), contentSecurityPolicyMeta(), bundleSizes()],
  // Relative asset URLs: dist/ works from any sub-path of a static host.
  base: './',
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 800,
    // The prerender (about 2 s: a Vite server renders the first screen) would be reported as a slow
    // plugin after the size line, which must stay the build's last line.
    rolldownOptions: { checks: { bundlerTimings: false } },
    // Fonts always as files: an inlined data: font (KaTeX's small ones fall under Vite's 4 KB
    // default) is blocked by font-src 'self'. Other small assets are inlined as before.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Vitest's default 5 s per test is a wall-clock assertion in disguise. The slowest test takes
    // 0.65 s on an idle 2-core machine, 1.5 s with four busy processes beside the suite, and was
    // seen at 6.1 s on a loaded shared machine, so a busy CI machine must not fail a correct test. 60 s still ends a test that hangs; speed is `npm run bench`'s job.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    onConsoleLog: (log) => !log.includes("KaTeX doesn't work in quirks mode"),
    // TensorFlow.js through Vite's resolver, as in the page: tfjs-core publishes its gradients only as
    // ES modules with extensionless imports (dist/register_all_gradients.js), which Node cannot load.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
