import type { Problem } from '../../domain/problems.js';
import { unmappedFieldValues } from '../../domain/project.js';
import { checkEmployees, checkFieldMaps } from './crm-catalog.js';
import type { AdminContext } from './context.js';
import { parseDocument, type ProjectDocument } from './document.js';
import { loadedProject, type LoadedProject } from './project-store.js';
import { prepareSecrets, revealGenerated, type SecretValues } from './secrets.js';

// One path for every write of a project document: the whole PUT and each
// part's PUT end here, so a part is validated exactly as in the document.

export type SaveOutcome =
  | {
      readonly kind: 'saved';
      readonly created: boolean;
      readonly body: Record<string, unknown>;
      readonly document: ProjectDocument;
    }
  | { readonly kind: 'invalid'; readonly problems: Problem[] }
  | { readonly kind: 'conflict'; readonly detail: string };

export async function saveDocument(
  ctx: AdminContext,
  id: string,
  input: unknown,
  existing: LoadedProject | null,
): Promise<SaveOutcome> {
  const stored: SecretValues = existing?.secrets ?? {};
  const prepared = prepareSecrets(input, stored, existing?.document.connection ?? null);
  const parsed = parseDocument(prepared.document, { allowHosts: ctx.allowCrmHosts });
  const problems = [...prepared.problems, ...(parsed.ok ? [] : parsed.problems)];
  if (!parsed.ok || problems.length > 0) return { kind: 'invalid', problems };
  const document = parsed.value;
  const crmProblems = [
    ...(await fieldMapProblems(ctx, id, existing, document)),
    ...(await employeeProblems(ctx, id, existing, document)),
  ];
  if (crmProblems.length > 0) return { kind: 'invalid', problems: crmProblems };

  const now = ctx.now();
  const saved = await ctx.projects.save(id, document, now, existing?.version ?? 0);
  if (!saved.ok)
    return {
      kind: 'conflict',
      detail: 'the project was changed by another request meanwhile: read it again and retry',
    };
  ctx.hooks.projectChanged?.(id);
  if (existing && existing.document.crm !== document.crm) {
    // G7: one CRM at a time; the old CRM's records must not answer routing for the new one.
    await ctx.store.clearIndex(id);
  }
  // service.md §5: a project is active from the moment its document has a connection.
  if (document.connection && !existing?.document.connection) {
    const integration = await ctx.store.getIntegration(id);
    if (integration?.state === 'inactive') {
      const moved = await ctx.store.moveIntegration(id, 'active', null, now);
      if (moved.ok) await ctx.hooks.integrationActivated?.(id);
    }
  }
  return {
    kind: 'saved',
    created: saved.created,
    body: revealGenerated(saved.redacted, prepared.generated),
    document,
  };
}

/**
 * G8: field types, and the values a value table writes into a picklist
 * (issue 14 item 4), are checked against the CRM when the map is saved. A CRM
 * that cannot be asked now does not block the save (activation checks again
 * and refuses then); only a changed map is checked, so editing employees
 * does not depend on the CRM answering.
 */
async function fieldMapProblems(
  ctx: AdminContext,
  id: string,
  existing: LoadedProject | null,
  document: ProjectDocument,
): Promise<Problem[]> {
  if (!document.connection) return unmappedFieldValues(document.project);
  const maps = (project: ProjectDocument['project']) =>
    JSON.stringify([
      project.fieldMap,
      project.messengerFieldMap ?? null,
      project.fieldValues ?? null,
    ]);
  if (existing && maps(existing.document.project) === maps(document.project)) return [];
  const port = ctx.crmPort(loadedProject(id, 0, document, {}, {}).view);
  const check = await checkFieldMaps(port, document.project);
  return check.ok ? check.problems : unmappedFieldValues(document.project);
}

/**
 * Issue 11 item 2: each employee's crmUserId is a user of the CRM. Checked
 * when the employees or the connection changed; a CRM that cannot be asked
 * now does not block the save (activation checks again and refuses then).
 */
async function employeeProblems(
  ctx: AdminContext,
  id: string,
  existing: LoadedProject | null,
  document: ProjectDocument,
): Promise<Problem[]> {
  if (!document.connection) return [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (
    existing &&
    same(existing.document.employees, document.employees) &&
    same(existing.document.connection, document.connection)
  )
    return [];
  const port = ctx.crmPort(loadedProject(id, 0, document, {}, {}).view);
  const check = await checkEmployees(port, document.employees);
  return check.ok ? check.problems : [];
}
