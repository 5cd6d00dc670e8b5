import type { IncomingMessage, ServerResponse } from 'node:http';

// Wire helpers of the Zoho emulator: bodies, queries and replies as Zoho's
// servers and its official Node SDK exchange them (crm-apis.md §1.3, §6).

export interface ParsedRequest {
  readonly method: string;
  readonly path: string;
  /** Query parameters decoded with decodeURIComponent: a raw `+` stays a plus (the SDK's encodeURI, §6). */
  readonly query: ReadonlyMap<string, string>;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export async function readRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = req.url ?? '/';
  const at = raw.indexOf('?');
  const path = at >= 0 ? raw.slice(0, at) : raw;
  return {
    method: req.method ?? 'GET',
    path,
    query: parseQuery(at >= 0 ? raw.slice(at + 1) : ''),
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
}

export function parseQuery(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = safeDecode(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = safeDecode(eq >= 0 ? pair.slice(eq + 1) : '');
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The body as JSON whatever the Content-Type says: the SDK sends record writes with none (§6). */
export function jsonBody(request: ParsedRequest): unknown {
  const text = request.body.toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Form fields from an urlencoded or multipart/form-data body (the SDK's token request is multipart, §6). */
export function formBody(request: ParsedRequest): Map<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (type.startsWith('multipart/form-data') && boundary)
    return parseMultipart(request.body.toString('utf8'), boundary[1] ?? boundary[2] ?? '');
  const text = request.body.toString('utf8').replace(/\+/g, ' ');
  return parseQuery(text);
}

function parseMultipart(text: string, boundary: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    out.set(name, part.slice(split + 4).replace(/\r\n$/, ''));
  }
  return out;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Zoho answers an empty read (search, related list, pipelines) with 204 and no body (§1.3). */
export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** A list asked with If-Modified-Since when nothing changed since: 304, no body (the SDK treats it like 204). */
export function sendNotModified(res: ServerResponse): void {
  res.writeHead(304);
  res.end();
}

/** Top-level Zoho error body `{code, details, message, status}` (§1.3). */
export function zohoError(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code, details, message, status: 'error' };
}
