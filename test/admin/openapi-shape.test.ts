import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseEvents } from '../../src/domain/events.js';
import * as responses from '../../src/service/admin/responses.js';
import { openApiDocument, TAGS } from '../../src/service/openapi/document.js';
import { EXAMPLES } from '../../src/service/openapi/examples.js';
import { harness, putProject, type Harness } from './harness.js';

// What makes the document worth generating a client from (issue 12 item 6):
// every operation named and tagged, every JSON body a full schema, examples
// that the service itself accepts or could answer.

type Json = Record<string, unknown>;
const doc = openApiDocument() as { paths: Record<string, Record<string, Json>>; components: Json };
const METHODS = ['get', 'put', 'post', 'delete'];
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({
    key: `${m.toUpperCase()} ${path}`,
    op: item[m] as Json,
  })),
);

/** A schema that says nothing: `{}`, `{ type: 'object' }` or `{ type: 'array' }` without members or items. */
function bare(schema: Json): boolean {
  const keys = Object.keys(schema).filter((k) => k !== 'description');
  return (
    keys.length === 0 ||
    (keys.length === 1 && (schema['type'] === 'object' || schema['type'] === 'array'))
  );
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId and one tag of the declared list', () => {
    expect(operations.length).toBeGreaterThan(30);
    const ids = operations.map(({ op }) => op['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set<string>(TAGS.map((t) => t.name));
    for (const { key, op } of operations) {
      expect(op['operationId'], key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op['tags'], key).toHaveLength(1);
      expect(tags.has((op['tags'] as string[])[0] ?? ''), key).toBe(true);
    }
  });

  it('describes every request and JSON answer with a real schema, never a bare object or array', () => {
    for (const { key, op } of operations) {
      const bodies: Array<[string, Json]> = [];
      const request = (op['requestBody'] as Json | undefined)?.['content'] as Json | undefined;
      for (const [type, media] of Object.entries(request ?? {}))
        bodies.push([`${key} request ${type}`, (media as Json)['schema'] as Json]);
      for (const [status, response] of Object.entries(op['responses'] as Json))
        for (const [type, media] of Object.entries(((response as Json)['content'] as Json) ?? {}))
          if (
            type.includes('json') &&
            !['getOpenApi', 'getProjectJsonSchema', 'getEventsJsonSchema'].includes(
              String(op['operationId']),
            )
          )
            bodies.push([`${key} ${status} ${type}`, (media as Json)['schema'] as Json]);
      for (const [where, schema] of bodies) {
        expect(schema, where).toBeDefined();
        expect(bare(schema), where).toBe(false);
      }
    }
  });

  it('converts the events, journal, status and source schemas in full from zod', () => {
    const schemas = doc.components['schemas'] as Record<string, Json>;
    const event = schemas['Event'] as { anyOf: Json[] };
    const types = event.anyOf.flatMap((variant) => {
      const type = (variant['properties'] as Record<string, Json>)['type'] ?? {};
      return type['const'] !== undefined ? [type['const']] : ((type['enum'] as string[]) ?? []);
    });
    expect(types).toContain('call.started');
    expect(types).toContain('messenger.dialog_ended');
    expect(types).toHaveLength(11);
    for (const name of ['JournalEntry', 'JournalPage', 'Status', 'EventDetail', 'ProjectList'])
      expect(
        Object.keys((schemas[name]?.['properties'] as Json) ?? {}).length,
        name,
      ).toBeGreaterThan(1);
    for (const name of ['TwilioStatusCallback', 'TwilioRecordingCallback', 'ZadarmaNotification'])
      expect(JSON.stringify(schemas[name]), name).toMatch(/CallSid|pbx_call_id/);
  });

  it('names its servers', () => {
    const servers = (openApiDocument()['servers'] as Json[]).map((s) => s['url']);
    expect(servers).toContain('/');
  });

  it('shows examples the service accepts and answers in exactly that shape', async () => {
    expect(parseEvents(EXAMPLES.events).ok).toBe(true);
    expect((await putProject(h, 'acme', EXAMPLES.document)).statusCode).toBe(201);
    const stored = await h.api.GET('/v1/projects/{project}', {
      params: { path: { project: 'acme' } },
    });
    expect(stored.data).toMatchObject(EXAMPLES.storedDocument);
    const answers: Array<[z.ZodType, unknown]> = [
      [responses.StatusBodySchema, EXAMPLES.status],
      [responses.JournalBodySchema, EXAMPLES.journalPage],
      [responses.RouteBodySchema, EXAMPLES.route],
      [responses.AcceptedBodySchema, EXAMPLES.accepted],
      [responses.ProjectListBodySchema, EXAMPLES.projectList],
    ];
    for (const [schema, example] of answers) {
      const parsed = schema.safeParse(example);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
