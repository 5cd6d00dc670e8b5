import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `npm run build:web` (and `npm run build`): the admin web app (web/) bundled by esbuild into
// dist/web/, which `callmatrix serve` serves at /. Everything the page needs is in that folder:
// no CDN, system fonts, so it works with no internet. File names carry a content hash, so the
// server may let browsers keep them for good; index.html is small and never cached.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildWeb(outDir = join(ROOT, 'dist', 'web')): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'web', 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(ROOT, 'web', 'tsconfig.json'),
    outdir: join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  if (!script) throw new Error('build-web: esbuild wrote no script');
  const html = readFileSync(join(ROOT, 'web', 'index.html'), 'utf8')
    .replace('%SCRIPT%', `/assets/${script}`)
    .replace('%STYLE%', style ? `<link rel="stylesheet" href="/assets/${style}">` : '');
  writeFileSync(join(outDir, 'index.html'), html);
  return outputs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outputs = await buildWeb();
  process.stdout.write(`web app built into dist/web: ${outputs.join(', ')}\n`);
}
