import { CRM_IDS } from '../../domain/crm-id.js';
import { PARTS, type Part } from '../admin/contracts.js';
import type { Json } from './components.js';
import { EXAMPLES } from './examples.js';
import {
  jsonBody,
  noContent,
  ok,
  operation,
  problem,
  projectParam,
  query,
  ref,
} from './operations.js';

// The project document, its parts, keys and the CRM's catalogue (service.md §2),
// and the project list (an extension for the admin web app).

const notFound = { '404': problem('No such project') };

/** Per part: the schema it is sent and read as, and the words of its operationIds. */
const PART_INFO: Record<Part, { schema: string; name: string; what: string }> = {
  employees: { schema: 'Employees', name: 'Employees', what: 'employees' },
  matrix: { schema: 'Matrix', name: 'Matrix', what: 'integration matrix (conditions × actions)' },
  'field-map': { schema: 'FieldMap', name: 'FieldMap', what: 'field map (parameter → CRM field)' },
  'pipeline-rules': { schema: 'PipelineRules', name: 'PipelineRules', what: 'pipeline rules' },
  'stop-list': { schema: 'StopList', name: 'StopList', what: 'stop-list' },
  'working-hours': {
    schema: 'WorkingHours',
    name: 'WorkingHours',
    what: 'working hours (weekly schedule and days off; null: every hour counts)',
  },
  connection: {
    schema: 'Connection',
    name: 'Connection',
    what: 'CRM connection (secrets redacted)',
  },
};

function partPaths(): Json {
  const paths: Json = {};
  for (const part of PARTS) {
    const { schema, name, what } = PART_INFO[part];
    const body = part === 'connection' ? { oneOf: [ref(schema), { type: 'null' }] } : ref(schema);
    paths[`/v1/projects/{project}/${part}`] = {
      parameters: [projectParam],
      get: operation({
        id: `get${name}`,
        tag: 'Project parts',
        summary: `The project's ${what}`,
        description:
          part === 'matrix'
            ? "The matrix in force: the CRM's default when the document has none."
            : undefined,
        audience: 'project',
        responses: { '200': ok(`The ${part}`, body) },
      }),
      put: operation({
        id: `put${name}`,
        tag: 'Project parts',
        summary: `Replace the project's ${what}`,
        description:
          part === 'stop-list'
            ? "Validated as in the whole document; nothing is stored when it is invalid. An extension of service.md: each number libphonenumber judges valid is stored in E.164 (local numbers read in the project's default country), other entries (short codes, SIP numbers) as given, each once; the answer is the list as stored."
            : 'Validated as in the whole document; nothing is stored when it is invalid.',
        audience: 'project',
        requestBody: jsonBody(body),
        responses: {
          '200': ok(`The ${part} as stored`, body),
          '409': problem('Changed meanwhile'),
          '422': problem('Invalid part; each problem names its field'),
        },
      }),
      ...(part === 'matrix' && {
        delete: operation({
          id: 'resetMatrix',
          tag: 'Project parts',
          summary: "Reset the matrix to the CRM's default",
          audience: 'project',
          responses: { '204': noContent },
        }),
      }),
    };
  }
  return paths;
}

const crmQuery = (path: string, id: string, summary: string, schema: string, extra: Json = {}) => ({
  [path]: {
    parameters: [projectParam],
    get: operation({
      id,
      tag: 'CRM catalogue',
      summary,
      audience: 'project',
      responses: {
        '200': ok(summary, ref(schema)),
        '502': problem('The CRM did not answer'),
        ...extra,
      },
    }),
  },
});

export function projectPaths(): Json {
  return {
    '/v1/projects': {
      get: operation({
        id: 'listProjects',
        tag: 'Projects',
        summary: 'Projects with their health at a glance',
        description:
          'An extension of service.md for the admin web app: each project with its integration state, pending / failed / held counts, the age of its oldest pending event, its phone index state and the time of its last event. Ordered by id; pass `next` as `cursor` for the following page.',
        audience: 'operator',
        parameters: [
          query(
            'limit',
            { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            'Projects per page',
          ),
          query('cursor', { type: 'string' }, 'The `next` of the previous page'),
        ],
        responses: {
          '200': ok('A page of projects', ref('ProjectList'), EXAMPLES.projectList),
          '400': problem('Bad query; each problem names its parameter'),
        },
      }),
    },
    '/v1/projects/{project}': {
      parameters: [projectParam],
      put: operation({
        id: 'putProject',
        tag: 'Projects',
        summary: 'Create or replace the project document',
        description:
          'Nothing is stored when any part is invalid. The answer is the stored document, secrets redacted, except secrets the service generated (webhook token and signing secret), shown in clear this once.',
        audience: 'operator',
        requestBody: jsonBody(ref('ProjectDocument'), EXAMPLES.document),
        responses: {
          '200': ok('Replaced', ref('ProjectDocument')),
          '201': ok('Created', ref('ProjectDocument')),
          '400': problem('Bad project id'),
          '409': problem('Changed meanwhile'),
          '422': problem('Invalid document, nothing stored; each problem names its field'),
        },
      }),
      get: operation({
        id: 'getProject',
        tag: 'Projects',
        summary: 'The project document, secrets redacted',
        audience: 'project',
        responses: { '200': ok('The document', ref('ProjectDocument'), EXAMPLES.storedDocument) },
      }),
      delete: operation({
        id: 'deleteProject',
        tag: 'Projects',
        summary: 'Delete the project and all its data',
        audience: 'operator',
        responses: { '204': noContent, ...notFound },
      }),
    },
    ...partPaths(),
    '/v1/crms/{crm}/default-matrix': {
      get: operation({
        id: 'getDefaultMatrix',
        tag: 'CRM catalogue',
        summary: "That CRM's default matrix",
        audience: 'any',
        parameters: [
          {
            name: 'crm',
            in: 'path',
            required: true,
            description: 'The CRM',
            schema: { type: 'string', enum: [...CRM_IDS] },
          },
        ],
        responses: { '200': ok('The matrix', ref('Matrix')), '404': problem('Unknown CRM') },
      }),
    },
    ...crmQuery(
      '/v1/projects/{project}/crm/users',
      'listCrmUsers',
      'Users of the connected CRM',
      'CrmUsers',
    ),
    ...crmQuery(
      '/v1/projects/{project}/crm/pipelines',
      'listCrmPipelines',
      'Pipelines of the connected CRM',
      'CrmPipelines',
      { '501': problem('Not offered by this adapter yet') },
    ),
    '/v1/projects/{project}/crm/fields': {
      parameters: [projectParam],
      get: operation({
        id: 'listCrmFields',
        tag: 'CRM catalogue',
        summary: 'Fields of one entity of the connected CRM',
        audience: 'project',
        parameters: [
          query(
            'entity',
            { type: 'string', enum: ['lead', 'contact', 'deal'] },
            'Whose fields',
            true,
          ),
        ],
        responses: {
          '200': ok('The fields', ref('CrmFields')),
          '400': problem('No or unknown entity'),
          '501': problem('Not offered by this adapter yet'),
          '502': problem('The CRM did not answer'),
        },
      }),
    },
    '/v1/projects/{project}/keys': {
      parameters: [projectParam],
      post: operation({
        id: 'createProjectKey',
        tag: 'Keys',
        summary: 'Create a project key',
        description:
          "A project key reaches this project's endpoints (admin, routing) and nothing else.",
        audience: 'operator',
        responses: { '201': ok('The key, shown once', ref('KeyCreated')), ...notFound },
      }),
    },
    '/v1/projects/{project}/keys/{keyId}': {
      parameters: [
        projectParam,
        {
          name: 'keyId',
          in: 'path',
          required: true,
          description: 'The id returned when the key was created',
          schema: { type: 'string' },
        },
      ],
      delete: operation({
        id: 'revokeProjectKey',
        tag: 'Keys',
        summary: 'Revoke a project key',
        audience: 'operator',
        responses: { '204': noContent, '404': problem('No such project or key') },
      }),
    },
    '/v1/operator-keys': {
      get: operation({
        id: 'listOperatorKeys',
        tag: 'Keys',
        summary: 'The operator keys: ids and origins, never a key',
        audience: 'operator',
        responses: { '200': ok('The operator keys', ref('OperatorKeys')) },
      }),
      post: operation({
        id: 'createOperatorKey',
        tag: 'Keys',
        summary: 'Create another operator key',
        description:
          'For rotation without a restart: create the new key, move every client to it, then revoke the old one.',
        audience: 'operator',
        responses: { '201': ok('The key, shown once', ref('KeyCreated')) },
      }),
    },
    '/v1/operator-keys/{keyId}': {
      parameters: [
        {
          name: 'keyId',
          in: 'path',
          required: true,
          description: 'The id GET /v1/operator-keys lists',
          schema: { type: 'string' },
        },
      ],
      delete: operation({
        id: 'revokeOperatorKey',
        tag: 'Keys',
        summary: 'Revoke an operator key',
        audience: 'operator',
        responses: {
          '204': noContent,
          '404': problem('No such operator key'),
          '409': problem('The last operator key: create another one first'),
        },
      }),
    },
  };
}
