import { Marked } from 'marked';
import type { Json } from './components.js';
import { renderMarkdown } from './markdown.js';

// GET /docs/api: docs/api.md as one self-contained HTML page (styles inline,
// no script, no font or CDN request), rendered once when the server starts.

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330;
  max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1, h2 { border-bottom: 1px solid #d8dde6; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; }
h3 { margin-top: 2rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 1.05rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; }
code { background: #f0f2f6; padding: .1em .3em; border-radius: 3px; }
pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; display: block; overflow-x: auto; }
th, td { border: 1px solid #d8dde6; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f2f6; }
a { color: #0b5cad; }
@media (prefers-color-scheme: dark) {
  body { background: #14171c; color: #dde3ea; }
  code, pre, th { background: #222831; }
  th, td, h1, h2 { border-color: #39414d; }
  a { color: #7db7ff; }
}`;

export function renderHtml(document: Json): string {
  const body = new Marked({ gfm: true }).parse(renderMarkdown(document), { async: false });
  const info = document['info'] as { title?: unknown } | undefined;
  const title = `${typeof info?.title === 'string' ? info.title : 'Callmatrix'} HTTP API`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
