// `npm start`: build what is missing or stale, then launch the desktop app; where the Electron binary
// is not installed (this machine, locked-down desktops) say so in one line and run browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function buildIfNeeded() {
  const src = newest(join(root, 'src'));
  const run = (args) => {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  if (mtime(join(root, 'out/renderer/index.html')) < src || mtime(join(root, 'out/main/index.js')) < src) {
    console.log('building the app (electron-vite build)…');
    run([require.resolve('electron-vite/bin/electron-vite.js'), 'build']);
  }
  if (mtime(join(root, 'out/cli/vnetlens.cjs')) < src) run([join(root, 'scripts/build-cli.mjs')]);
}

// The electron package's index.js downloads the binary when it is missing, which cannot work offline;
// look for the binary first and require('electron') only when it is there.
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return require('electron');
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const found = process.platform === 'win32' || spawnSync('sh', ['-c', `command -v ${opener}`]).status === 0;
  if (!found || process.env.VNETLENS_NO_BROWSER) return false;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}

function browserMode() {
  const server = spawn(process.execPath, [join(root, 'out/cli/vnetlens.cjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let first = true;
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    if (!first) return void process.stdout.write(chunk);
    buffered += chunk.toString();
    const nl = buffered.indexOf('\n');
    if (nl < 0) return;
    first = false;
    const url = buffered.slice(0, nl).trim();
    process.stdout.write(`${url}\n`);
    console.log(openBrowser(url) ? 'opened in your browser' : 'open this URL in a browser on this machine');
    process.stdout.write(buffered.slice(nl + 1));
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
  server.on('exit', (code) => process.exit(code ?? 0));
}

buildIfNeeded();
const bin = electronBinary();
if (bin) {
  const app = spawn(bin, [root], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron binary not installed here; starting browser mode instead.');
  browserMode();
}
