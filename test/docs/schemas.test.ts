import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterDocument } from '../../src/cli/init.js';
import { CRM_IDS } from '../../src/domain/crm-id.js';
import { harness, type Harness } from '../admin/harness.js';

// The published JSON Schemas (schemas/*.json, served at /v1/schemas/*) accept
// what the service accepts and refuse what it refuses, checked by an
// independent validator (ajv, draft 2020-12) as an editor would.

const repo = join(import.meta.dirname, '..', '..');
const read = (path: string): unknown => JSON.parse(readFileSync(join(repo, path), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const project = ajv.compile(read('schemas/project.json') as object);
const events = ajv.compile(read('schemas/events.json') as object);

describe('schemas/project.json', () => {
  it('accepts the shipped example and what callmatrix init writes for every CRM', () => {
    expect(project(read('examples/project.json')), ajv.errorsText(project.errors)).toBe(true);
    for (const crm of CRM_IDS)
      expect(project(starterDocument(crm, './schema.json')), crm).toBe(true);
  });

  it('refuses an unknown condition, an unknown action, an unknown parameter and a stray member', () => {
    const base = read('examples/project.json') as Record<string, unknown>;
    const cases = [
      { project: { matrix: { 'incoming.misssed': ['create_lead'] } } },
      { project: { matrix: { 'incoming.missed': ['create_leed'] } } },
      { project: { fieldMap: { lead: { utm_campain: 'Campaign' } } } },
      { project: { timezone: 'UTC', colour: 'blue' } },
    ];
    for (const change of cases)
      expect(project({ ...base, ...change }), JSON.stringify(change)).toBe(false);
    expect(project({ ...base, project: { fieldMap: { lead: { 'form.city': 'City' } } } })).toBe(
      true,
    );
  });
});

describe('schemas/events.json', () => {
  it('accepts examples/events.json and the events of every shipped example', () => {
    expect(events(read('examples/events.json')), ajv.errorsText(events.errors)).toBe(true);
    for (const name of readdirSync(join(repo, 'examples')).filter((f) =>
      f.endsWith('-morning.json'),
    )) {
      const scenario = read(join('examples', name)) as { events: unknown[] };
      expect(events(scenario.events), `${name}: ${ajv.errorsText(events.errors)}`).toBe(true);
      expect(events(scenario.events[0]), name).toBe(true);
    }
  });

  it('refuses an unknown type, a missing callId and an empty array', () => {
    const [first] = read('examples/events.json') as Record<string, unknown>[];
    expect(events({ ...first, type: 'call.begun' })).toBe(false);
    const withoutCall = { ...first };
    delete withoutCall['callId'];
    expect(events(withoutCall)).toBe(false);
    expect(events([])).toBe(false);
  });
});

describe('GET /v1/schemas/*', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(['project', 'events'])('serves %s.json without a key, as committed', async (name) => {
    const response = await h.app.inject({ method: 'GET', url: `/v1/schemas/${name}.json` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(response.json()).toEqual(read(`schemas/${name}.json`));
  });
});
