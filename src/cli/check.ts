import { readFile } from 'node:fs/promises';
import { parseSettings } from '../config/settings.js';
import type { CrmPort } from '../crm/port.js';
import { formatProblem, type Problem } from '../domain/problems.js';
import type { ProjectDocument } from '../service/admin/document.js';
import { parseDocument } from '../service/admin/document.js';
import { catalogOf, checkFieldMaps } from '../service/admin/crm-catalog.js';
import { loadedProject } from '../service/admin/project-store.js';
import { prepareSecrets } from '../service/admin/secrets.js';
import { CrmRegistry } from '../service/crm-registry.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './commands.js';

// `callmatrix check PROJECT.json`: the document validated as the service's PUT
// validates it, then held against the CRM its connection reaches: employees'
// CRM users, the field map's targets, the pipeline rules' pipelines.
// Exit 0 all well, 1 the CRM disagrees or cannot be asked, 2 an invalid document.

export async function runCheck(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0] ?? '';
  const settings = parseSettings(process.env);
  if (!settings.ok) {
    for (const problem of settings.problems) io.err(formatProblem(problem));
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`${file}: ${(error as Error).message}`);
    return 2;
  }
  // As the service: webhook secrets left out are generated, so they are no problem here.
  const prepared = prepareSecrets(input, {});
  const parsed = parseDocument(prepared.document, { allowHosts: settings.value.allowCrmHosts });
  const invalid = [...prepared.problems, ...(parsed.ok ? [] : parsed.problems)];
  if (!parsed.ok || invalid.length > 0) {
    for (const problem of invalid) io.err(`${file}: ${formatProblem(problem)}`);
    return 2;
  }
  const document = parsed.value;
  if (!document.connection) {
    io.err(`${file}: no connection, so nothing to check against the CRM (the document is valid)`);
    return 1;
  }
  const port = new CrmRegistry(settings.value.allowCrmHosts).portFor(
    loadedProject('check', 1, document, {}, {}).view,
  );
  const found = await crmProblems(port, document);
  if (!found.ok) {
    io.err(`${file}: cannot ask the ${document.crm} CRM: ${found.message}`);
    return 1;
  }
  for (const problem of found.problems) io.err(`${file}: ${formatProblem(problem)}`);
  if (found.problems.length > 0) return 1;
  io.out(
    `${file}: valid; the ${document.crm} CRM has the CRM users of all ${document.employees.length} employees, ` +
      `every mapped field (${countMapped(document)}) and every pipeline of the rules (${document.project.pipelineRules.length})\n`,
  );
  return 0;
}

type Found =
  | { readonly ok: true; readonly problems: Problem[] }
  | { readonly ok: false; readonly message: string };

export async function crmProblems(port: CrmPort, document: ProjectDocument): Promise<Found> {
  const problems: Problem[] = [];
  const users = await port.listUsers();
  if (!users.ok) return { ok: false, message: users.error.message };
  const userIds = new Set(users.value.map((user) => user.id));
  document.employees.forEach((employee, index) => {
    if (employee.crmUserId !== undefined && !userIds.has(employee.crmUserId))
      problems.push({
        path: `employees[${index}].crmUserId`,
        message: `the CRM has no user "${employee.crmUserId}" (${employee.name})`,
      });
  });
  const fields = await checkFieldMaps(port, document.project);
  if (!fields.ok) return { ok: false, message: fields.message };
  problems.push(...fields.problems);
  const rules = document.project.pipelineRules;
  const catalog = catalogOf(port);
  if (rules.length > 0 && catalog) {
    const pipelines = await catalog.listPipelines();
    if (!pipelines.ok) return { ok: false, message: pipelines.error.message };
    const known = pipelines.value.flatMap((pipeline) => [pipeline.name, pipeline.id]);
    const names = pipelines.value.map((pipeline) => pipeline.name).join(', ');
    rules.forEach((rule, index) => {
      if (!known.includes(rule.pipeline))
        problems.push({
          path: `project.pipelineRules[${index}].pipeline`,
          message: `the CRM has no pipeline "${rule.pipeline}" (it has: ${names || 'none'})`,
        });
    });
  }
  return { ok: true, problems };
}

function countMapped(document: ProjectDocument): number {
  const map = document.project.fieldMap;
  return [map.lead, map.contact, map.deal].reduce(
    (sum, fields) => sum + Object.keys(fields ?? {}).length,
    0,
  );
}
