/**
 * Rendering figures in headless chromium (playwright-core, Debian chromium) on synthetic estates of
 * 500, 2,000 and 10,000 resources: time until the graph is on screen, layout time, frames per second
 * while panning, DOM elements alive, JS heap — each beside a plain React Flow baseline (default nodes
 * in groups of 10, ~1.3 edges per node) measured in the same run. Targets at 2,000 resources: graph
 * on screen < 2 s, pan ≥ 50 fps. Needs `npm run build` and `npm run build:cli` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderBenchEstate } from './renderEstate';
import { startPanTrace } from './panTrace';

// The page callbacks below run in chromium; this file compiles with Node typings only, so declare the
// few browser globals they touch (erased at build time).
declare const window: unknown;
declare const document: { body: { dataset: Record<string, string | undefined> }; getElementsByTagName(t: string): { length: number }; querySelectorAll(s: string): { length: number } };
declare function requestAnimationFrame(cb: () => void): number;

const ROOT = resolve(__dirname, '../..');
const SIZES = process.env.VNETLENS_BENCH_SIZES ? process.env.VNETLENS_BENCH_SIZES.split(',').map(Number) : [500, 2_000, 10_000];
const RUNS = Number(process.env.VNETLENS_BENCH_RUNS ?? 1);
/** VNETLENS_BENCH_TRACE=1: also trace each app pan and print where its frames' CPU goes (slows the pan). */
const TRACE = process.env.VNETLENS_BENCH_TRACE === '1';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Figures { onScreenMs: number; layoutMs?: number; fps: number; dom: number; heapMb: number; rfNodes: number; phases?: string; panTrace?: string }

/**
 * The app builds to measure, each an app root holding out/cli + out/renderer:
 * VNETLENS_BENCH_APPS="before=/tmp/a,after=/tmp/b" compares builds in one run (same load, same baseline).
 */
const APPS: { name: string; root: string }[] = process.env.VNETLENS_BENCH_APPS
  ? process.env.VNETLENS_BENCH_APPS.split(',').map((kv) => { const [name, root] = kv.split('='); return { name: name!, root: resolve(root!) }; })
  : [{ name: 'VNetLens', root: ROOT }];
/** The renderer's own marks (see src/renderer/perfMarks.ts), reported as a time line. */
const PHASE_MARKS = ['vnetlens-file-read', 'vnetlens-evaluated', 'vnetlens-graph-built', 'vnetlens-layout-done', 'vnetlens-graph-ready'];

const BASELINE_SOURCE = `
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
const n = Number(new URLSearchParams(location.search).get('n'));
const nodes = [], edges = [];
const groups = Math.ceil(n / 10), cols = Math.ceil(Math.sqrt(groups));
for (let g = 0; g < groups; g++) {
  nodes.push({ id: 'g' + g, type: 'group', position: { x: (g % cols) * 420, y: Math.floor(g / cols) * 360 }, style: { width: 400, height: 340 }, data: {} });
  for (let i = 0; i < 10 && g * 10 + i < n; i++) nodes.push({ id: 'n' + (g * 10 + i), parentId: 'g' + g, position: { x: 10 + (i % 2) * 190, y: 10 + Math.floor(i / 2) * 64 }, data: { label: 'node ' + (g * 10 + i) } });
}
let seed = 1; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
for (let e = 0; e < Math.round(n * 1.3); e++) edges.push({ id: 'e' + e, source: 'n' + Math.floor(rnd() * n), target: 'n' + Math.floor(rnd() * n) });
function App() { return h('div', { style: { width: '100vw', height: '100vh' } }, h(ReactFlow, { nodes, edges, fitView: true, minZoom: 0.02, onInit: () => requestAnimationFrame(() => requestAnimationFrame(() => { performance.mark('vnetlens-graph-ready'); document.body.dataset.graphReady = '1'; })) })); }
createRoot(document.getElementById('root')).render(h(ReactFlowProvider, null, h(App)));
`;

async function buildBaseline(dir: string): Promise<string> {
  await build({ stdin: { contents: BASELINE_SOURCE, resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'iife', minify: true, outfile: join(dir, 'baseline.js'), define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
  const css = readFileSync(join(ROOT, 'node_modules/@xyflow/react/dist/style.css'), 'utf8');
  writeFileSync(join(dir, 'baseline.html'), `<!doctype html><html><head><style>${css} body{margin:0}</style></head><body><div id="root"></div><script src="baseline.js"></script></body></html>`);
  return pathToFileURL(join(dir, 'baseline.html')).toString();
}

function startServe(appRoot: string, file: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(appRoot, 'out/cli/vnetlens.cjs'), 'serve', '--open', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, VNETLENS_DATA_DIR: join(tmpdir(), 'vnetlens-bench-data') } });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', (url) => ok({ url: url.trim(), child }));
    child.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
  });
}

/** Drag the canvas for ~2 s and count animation frames. */
async function panFps(page: Page): Promise<number> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __count: boolean };
    w.__frames = 0;
    w.__count = true;
    const tick = () => { if (w.__count) { w.__frames++; requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  });
  const x0 = box.x + box.width * 0.5, y0 = box.y + box.height * 0.5;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < 2000) {
    i++;
    const phase = (i % 200) / 200 * Math.PI * 2;
    await page.mouse.move(x0 + Math.sin(phase) * 300, y0 + Math.cos(phase) * 150);
  }
  await page.mouse.up();
  const secs = (Date.now() - t0) / 1000;
  const frames = await page.evaluate(() => { const w = window as unknown as { __frames: number; __count: boolean }; w.__count = false; return w.__frames; });
  return frames / secs;
}

async function measure(browser: Browser, url: string, app: boolean): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  page.setDefaultTimeout(180_000);
  // 'commit': a 10,000-node baseline builds its graph synchronously and would hold up 'load'.
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => !!document.body.dataset.graphReady, undefined, { timeout: 180_000, polling: 50 });
  const onScreenMs = await page.evaluate(() => performance.getEntriesByName('vnetlens-graph-ready')[0]?.startTime ?? NaN);
  const layoutMs = app ? Number(await page.getByTestId('graph').getAttribute('data-layout-ms')) : undefined;
  const phases = app ? await page.evaluate((names) => names.map((n) => { const t = performance.getEntriesByName(n)[0]?.startTime; return t === undefined ? '' : `${n.replace('vnetlens-', '')} ${(t / 1000).toFixed(2)}`; }).filter(Boolean).join(' · '), PHASE_MARKS) : undefined;
  await page.waitForTimeout(300);
  const stopTrace = app && TRACE ? await startPanTrace(cdp) : undefined;
  const fps = await panFps(page);
  const panTrace = stopTrace ? await stopTrace() : undefined;
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  const rfNodes = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
  await page.close();
  return { onScreenMs, ...(layoutMs !== undefined ? { layoutMs } : {}), fps, dom, heapMb, rfNodes, ...(phases ? { phases } : {}), ...(panTrace ? { panTrace } : {}) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
function medianFigures(runs: Figures[]): Figures {
  const pick = (k: Exclude<keyof Figures, 'phases' | 'panTrace'>) => median(runs.map((r) => r[k] ?? NaN));
  return { onScreenMs: pick('onScreenMs'), layoutMs: pick('layoutMs'), fps: pick('fps'), dom: pick('dom'), heapMb: pick('heapMb'), rfNodes: pick('rfNodes') };
}

function row(size: number, name: string, f: Figures): string {
  const layout = Number.isFinite(f.layoutMs) ? `${(f.layoutMs! / 1000).toFixed(2)} s` : '—';
  return `| ${size.toLocaleString('en')} | ${name} | ${(f.onScreenMs / 1000).toFixed(2)} s | ${layout} | ${f.fps.toFixed(1)} | ${f.dom.toLocaleString('en')} | ${f.rfNodes.toLocaleString('en')} | ${f.heapMb.toFixed(0)} MB |`;
}

async function run(): Promise<void> {
  if (APPS.some((a) => !existsSync(join(a.root, 'out/renderer/index.html')) || !existsSync(join(a.root, 'out/cli/vnetlens.cjs')))) {
    process.stdout.write('render: skipped (run `npm run build && npm run build:cli` first)\n');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vnetlens-render-'));
  const baselineUrl = await buildBaseline(dir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const lines = ['| resources | what | graph on screen | layout | pan fps | DOM elements | RF nodes in DOM | JS heap |', '|---|---|---|---|---|---|---|---|'];
  try {
    for (const size of SIZES) {
      const file = join(dir, `estate-${size}.json`);
      writeFileSync(file, JSON.stringify(renderBenchEstate(size)));
      const appRuns: Figures[][] = APPS.map(() => []);
      const baseRuns: Figures[] = [];
      // Interleaved (app A, app B, baseline, repeat) so a burst of machine load hits all alike.
      for (let r = 0; r < RUNS; r++) {
        for (const [i, app] of APPS.entries()) {
          const { url, child } = await startServe(app.root, file);
          try {
            const f = await measure(browser, url, true);
            appRuns[i]!.push(f);
            if (f.phases) process.stderr.write(`  ${size} ${app.name} run ${r + 1}: ${f.phases} · fps ${f.fps.toFixed(1)}\n`);
            if (f.panTrace) process.stderr.write(`    ${f.panTrace}\n`);
          } finally {
            child.kill('SIGTERM');
          }
        }
        baseRuns.push(await measure(browser, `${baselineUrl}?n=${size}`, false));
      }
      const before = lines.length;
      for (const [i, app] of APPS.entries()) lines.push(row(size, app.name, medianFigures(appRuns[i]!)));
      lines.push(row(size, 'plain React Flow baseline', medianFigures(baseRuns)));
      process.stdout.write(`${lines.slice(before).join('\n')}\n`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`\n${lines.join('\n')}\n(1600×1000 headless chromium, software rendering; median of ${RUNS} run(s), interleaved; app time includes ingest + evaluation + layout; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
}

/** The 'render' bench part. */
export const renderBench = { name: 'render', run };
