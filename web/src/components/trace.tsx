import type { Schemas } from '../api';
import { useI18n } from '../i18n';
import { recordUrl } from '../lib/record-links';

// A decision trace: the conditions that fired, each operation with the record it made (a link
// into the CRM's own web UI where its URL pattern is known), and the reason of each skip.

type Entry = Schemas['JournalEntry'];

export function Trace(props: { entry: Entry; crm: string; baseUrl: string | null }) {
  const { t } = useI18n();
  const { entry } = props;
  return (
    <div class="trace" data-event={entry.eventId}>
      <p class="trace-head">
        <code>{entry.type}</code>{' '}
        <span class={`badge outcome-${entry.outcome}`}>{t(`outcome.${entry.outcome}`)}</span>
        {entry.reason && <span class="reason"> {entry.reason}</span>}
      </p>
      <dl class="facts">
        <dt>{t('trace.conditions')}</dt>
        <dd class="conditions">
          {entry.conditions.length === 0
            ? t('app.none')
            : entry.conditions.map((c) => t(`condition.${c}`)).join(', ')}
        </dd>
        <dt>{t('trace.operations')}</dt>
        <dd>
          {entry.operations.length === 0 ? (
            t('whatIf.nothing')
          ) : (
            <ul class="ops">
              {entry.operations.map((operation, i) => {
                const url = props.baseUrl
                  ? recordUrl(props.crm, props.baseUrl, operation.entity, operation.id)
                  : null;
                return (
                  <li key={i}>
                    <code>{operation.op}</code> {operation.entity}{' '}
                    {url ? (
                      <a href={url} target="_blank" rel="noreferrer noopener">
                        {operation.id} ({t('trace.open')})
                      </a>
                    ) : (
                      <span class="muted">{operation.id}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        {(entry.skipped ?? []).length > 0 && (
          <>
            <dt>{t('trace.skipped')}</dt>
            <dd>
              <ul class="ops">
                {(entry.skipped ?? []).map((skip, i) => (
                  <li key={i}>
                    <code>{skip.action}</code>: {skip.reason}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
