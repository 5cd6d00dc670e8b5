import { CRM_IDS, type CrmId } from '../../src/domain/crm-id.js';
import { CONDITIONS, type Action, type Cell } from '../../src/domain/matrix.js';
import { MESSENGER_SLOTS } from '../../src/domain/messenger-field-map.js';
import { PROFILES } from '../../src/engine/defaults/index.js';

// The four default matrices (src/engine/defaults) as tables for docs/matrix.md.

const NAMES: Record<CrmId, string> = {
  zoho: 'Zoho CRM',
  retailcrm: 'retailCRM',
  pipedrive: 'Pipedrive',
  salesforce: 'Salesforce',
};

const DESTINATION = {
  deal: '`deal`: a comment on the deal (else lead, else contact)',
  call: "`call`: the call log's text",
  both: "`both`: a comment on the deal and the call log's text",
} as const;

function describeCell(cell: Action | Cell): string {
  if (typeof cell === 'string') return `\`${cell}\``;
  const options: string[] = [];
  if (cell.done !== undefined) options.push(cell.done ? 'done' : 'open');
  if (cell.dueHours !== undefined) options.push(`due in ${cell.dueHours} h`);
  if (cell.title !== undefined) options.push(`“${cell.title}”`);
  return options.length > 0 ? `\`${cell.action}\` (${options.join(', ')})` : `\`${cell.action}\``;
}

export function renderDefaultMatrices(): string {
  const sections = CRM_IDS.map((crm) => {
    const { matrix, semantics, options, sourceBinding, sourceValues } = PROFILES[crm];
    const bound = Object.entries(sourceBinding).flatMap(([entity, map]) =>
      Object.entries(map ?? {}).map(([param, field]) => `\`${field}\` ← \`${param}\` (${entity})`),
    );
    // One table per field, the same on every entity: shown once.
    const tables = new Map<string, Record<string, string>>();
    for (const byField of Object.values(sourceValues))
      for (const [field, table] of Object.entries(byField ?? {})) tables.set(field, table);
    const valued = [...tables].map(
      ([field, table]) =>
        `; \`fieldValues\` for \`${field}\`: ${Object.entries(table)
          .map(([from, to]) => `${from} → ${to}`)
          .join(', ')}`,
    );
    const rows = CONDITIONS.map((condition) => {
      const cells = matrix[condition] ?? [];
      return `| \`${condition}\` | ${cells.length === 0 ? '—' : cells.map(describeCell).join('<br>')} |`;
    });
    return `### ${NAMES[crm]}

| condition | actions |
|---|---|
${rows.join('\n')}

Routing priority (G13): ${semantics.routingPriority.join(' → ')}. Leads: ${semantics.leads === 'native' ? 'native' : 'none (`create_lead` makes a customer and an order)'}${semantics.leadNeedsContact ? ', each needs a person (created with it)' : ''}. Pop-ups: ${semantics.popups ? 'yes' : 'no'}. AI analytics (\`analyticsDestination\`, G12): ${DESTINATION[options.analyticsDestination]}. Messenger field map (\`messengerFieldMap\`, G11): the slots ${MESSENGER_SLOTS.map((slot) => `\`${slot}\``).join(', ')} on the ${Object.keys(options.messengerFieldMap).join(' and ')}, unbound until the project names a text field for each; until the project sets one, messenger records take the calls' \`fieldMap\`. Source field (a new document's \`fieldMap\`): ${bound.length > 0 ? bound.join(', ') : `none (see [crm/${crm}.md](crm/${crm}.md))`}${valued.join('')}.`;
  });
  return sections.join('\n\n');
}
