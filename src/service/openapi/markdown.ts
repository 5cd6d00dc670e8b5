import type { Json } from './components.js';

// docs/api.md, rendered from the OpenAPI document: one section per tag, one
// entry per operation (auth, parameters, body, answers, examples), then the
// schemas. The same text is served as HTML at /docs/api (./html.ts), and
// test/admin/openapi-generated.test.ts keeps the committed file equal to it.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);
const schemaLink = (name: string): string => `[${name}](#schema-${name.toLowerCase()})`;
const operationAnchor = (id: string): string => `op-${id.toLowerCase()}`;

/** A schema in a few words: `string`, `Status`, `JournalItem[]`, `"a" \| "b"`. */
export function typeOf(schema: unknown): string {
  const s = obj(schema);
  if (typeof s['$ref'] === 'string') return schemaLink(refName(s['$ref']));
  if ('const' in s) return `\`${JSON.stringify(s['const'])}\``;
  if (Array.isArray(s['enum'])) {
    const values = s['enum'].map((value) => `\`${JSON.stringify(value)}\``);
    return values.length > 8
      ? `${values.slice(0, 8).join(', ')}, … (${values.length})`
      : values.join(', ');
  }
  for (const key of ['oneOf', 'anyOf'] as const)
    if (Array.isArray(s[key])) return s[key].map(typeOf).join(' or ');
  const type = s['type'];
  if (Array.isArray(type)) return type.join(' or ');
  if (type === 'array') return `${typeOf(s['items'])}[]`;
  if (type === 'object' && s['properties'] === undefined && s['additionalProperties'])
    return `map of ${typeOf(s['additionalProperties'])}`;
  if (typeof type === 'string') return s['format'] ? `${type} (${str(s['format'])})` : type;
  return 'any';
}

/** Property rows of an object schema, nested objects as dotted names. */
function propertyRows(schema: Json, prefix = '', depth = 0): string[] {
  const required = new Set(arr(schema['required']).map(str));
  const rows: string[] = [];
  for (const [name, value] of Object.entries(obj(schema['properties']))) {
    const property = obj(value);
    const path = `${prefix}${name}`;
    const nested = property['type'] === 'object' && property['properties'] !== undefined;
    const items = obj(property['items']);
    const nestedItems =
      property['type'] === 'array' && items['type'] === 'object' && items['properties'];
    const type = nested ? 'object' : nestedItems ? 'object[]' : typeOf(property);
    rows.push(
      `| \`${path}\` | ${cell(type)} | ${required.has(name) ? 'yes' : ''} | ${cell(str(property['description']))} |`,
    );
    if (depth < 3 && nested) rows.push(...propertyRows(property, `${path}.`, depth + 1));
    if (depth < 3 && nestedItems) rows.push(...propertyRows(items, `${path}[].`, depth + 1));
  }
  return rows;
}

const fence = (value: unknown): string[] => ['```json', JSON.stringify(value, null, 2), '```'];

function contentLines(content: Json): string[] {
  const lines: string[] = [];
  for (const [type, media] of Object.entries(content)) {
    const m = obj(media);
    lines.push(`\`${type}\`${m['schema'] ? `: ${typeOf(m['schema'])}` : ''}`, '');
    if (m['example'] !== undefined) lines.push('Example:', '', ...fence(m['example']), '');
  }
  return lines;
}

function operationLines(method: string, path: string, op: Json, inherited: unknown[]): string[] {
  const id = str(op['operationId']);
  const lines = [
    `<a id="${operationAnchor(id)}"></a>`,
    '',
    `### ${method.toUpperCase()} \`${path}\``,
    '',
    `**${str(op['summary'])}** · operationId \`${id}\``,
    '',
  ];
  const description = str(op['description']);
  if (description) lines.push(description, '');
  const security = arr(op['security']).map((entry) => Object.keys(obj(entry)).join(' + '));
  lines.push(
    `Authentication: ${security.length ? security.map((s) => `\`${s}\``).join(' or ') : 'none'}`,
    '',
  );
  const parameters = [...inherited, ...arr(op['parameters'])].map(obj);
  if (parameters.length > 0) {
    lines.push('| parameter | in | type | required | description |', '|---|---|---|---|---|');
    for (const p of parameters)
      lines.push(
        `| \`${str(p['name'])}\` | ${str(p['in'])} | ${cell(typeOf(p['schema']))} | ${p['required'] ? 'yes' : ''} | ${cell(str(p['description']))} |`,
      );
    lines.push('');
  }
  const body = obj(op['requestBody']);
  if (body['content']) lines.push('Request body:', '', ...contentLines(obj(body['content'])));
  lines.push('| status | answer | body |', '|---|---|---|');
  const examples: string[] = [];
  for (const [status, value] of Object.entries(obj(op['responses']))) {
    const response = obj(value);
    const media = Object.entries(obj(response['content']));
    const bodyText = media
      .map(([type, m]) => `\`${type}\`${obj(m)['schema'] ? ` ${typeOf(obj(m)['schema'])}` : ''}`)
      .join(', ');
    lines.push(`| ${status} | ${cell(str(response['description']))} | ${cell(bodyText)} |`);
    for (const [, m] of media)
      if (obj(m)['example'] !== undefined)
        examples.push(`Example answer (${status}):`, '', ...fence(obj(m)['example']), '');
  }
  return [...lines, '', ...examples];
}

function schemaLines(name: string, schema: Json): string[] {
  const lines = [`<a id="schema-${name.toLowerCase()}"></a>`, '', `### ${name}`, ''];
  const description = str(schema['description']);
  if (description) lines.push(description, '');
  const rows = propertyRows(schema);
  if (rows.length > 0)
    lines.push('| member | type | required | description |', '|---|---|---|---|', ...rows, '');
  const variantsListed = ['oneOf', 'anyOf'].some((key) =>
    arr(schema[key]).some((v) => obj(v)['$ref'] !== undefined || obj(v)['properties']),
  );
  if (rows.length === 0 && !variantsListed) lines.push(`Type: ${typeOf(schema)}`, '');
  for (const key of ['oneOf', 'anyOf'] as const) {
    const variants = arr(schema[key]).map(obj);
    if (variants.length === 0 || variants.every((v) => v['$ref'] === undefined && !v['properties']))
      continue;
    lines.push('One of (`?`: optional):', '');
    for (const variant of variants) {
      const type = obj(obj(variant['properties'])['type']);
      // An event variant is named by its `type`: a constant, or the types sharing one shape.
      const label =
        type['const'] !== undefined || Array.isArray(type['enum']) ? typeOf(type) : typeOf(variant);
      const required = new Set(arr(variant['required']).map(str));
      const members = Object.keys(obj(variant['properties'])).map(
        (name) => `\`${name}${required.has(name) ? '' : '?'}\``,
      );
      lines.push(`- ${label}${members.length > 0 ? `: ${members.join(', ')}` : ''}`);
    }
    lines.push('');
  }
  return lines;
}

export function renderMarkdown(document: Json): string {
  const info = obj(document['info']);
  const paths = obj(document['paths']);
  const lines = [
    '# HTTP API',
    '',
    '<!-- Generated from the OpenAPI document by `npm run generate:api`; do not edit. -->',
    '',
    `${str(info['title'])} ${str(info['version'])}. ${str(info['description'])}`,
    '',
    'This page is rendered from the OpenAPI 3.1 document the server serves at `GET /v1/openapi.json`',
    '(committed as `api-client/openapi.json`); `callmatrix serve` serves it as HTML at `/docs/api`.',
    'A typed client generated from the same document lives in `api-client/`.',
    '',
    '## Authentication',
    '',
    '| scheme | how | what |',
    '|---|---|---|',
  ];
  for (const [name, value] of Object.entries(obj(obj(document['components'])['securitySchemes']))) {
    const scheme = obj(value);
    const how =
      scheme['type'] === 'http'
        ? `\`Authorization: Bearer …\``
        : `header \`${str(scheme['name'])}\``;
    lines.push(`| \`${name}\` | ${how} | ${cell(str(scheme['description']))} |`);
  }
  lines.push('', '## Servers', '');
  for (const server of arr(document['servers']).map(obj))
    lines.push(`- \`${str(server['url'])}\`: ${str(server['description'])}`);
  lines.push('', '## Operations', '');
  const tags = arr(document['tags']).map(obj);
  for (const tag of tags) {
    lines.push(`- ${str(tag['name'])}:`);
    for (const [path, item] of Object.entries(paths))
      for (const method of METHODS) {
        const op = obj(obj(item)[method]);
        if (arr(op['tags']).includes(tag['name']))
          lines.push(
            `  - [${method.toUpperCase()} ${path}](#${operationAnchor(str(op['operationId']))})`,
          );
      }
  }
  lines.push('');
  for (const tag of tags) {
    lines.push(`## ${str(tag['name'])}`, '', str(tag['description']), '');
    for (const [path, value] of Object.entries(paths)) {
      const item = obj(value);
      for (const method of METHODS) {
        const op = obj(item[method]);
        if (arr(op['tags']).includes(tag['name']))
          lines.push(...operationLines(method, path, op, arr(item['parameters'])));
      }
    }
  }
  lines.push('## Schemas', '');
  const schemas = obj(obj(document['components'])['schemas']);
  for (const name of Object.keys(schemas).sort())
    lines.push(...schemaLines(name, obj(schemas[name])));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
