import { useEffect, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api';
import { Trace } from '../components/trace';
import { useI18n } from '../i18n';
import { formatTime } from '../lib/format';
import { zonedToInstant } from '../lib/zoned';
import type { ProjectContext } from './project';

// Every processed event, newest first, filtered by phone (any format), call, outcome and time;
// a row opens its decision trace; failed events can be retried one by one or all at once.

type Item = Schemas['JournalItem'];
type Outcome = Item['outcome'];
interface Filters {
  phone: string;
  callId: string;
  outcome: Outcome | '';
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { phone: '', callId: '', outcome: '', from: '', to: '' };

export function JournalTab(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t, language } = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const baseUrl = ctx.document.connection?.baseUrl ?? null;

  const load = async (cursor: string | null, wanted: Filters = filters) => {
    const query = {
      limit: 50,
      ...(wanted.phone && { phone: wanted.phone }),
      ...(wanted.callId && { callId: wanted.callId }),
      ...(wanted.outcome && { outcome: wanted.outcome }),
      // Typed on the project's clocks, as the times in the table are shown.
      ...(wanted.from && { from: zonedToInstant(wanted.from, ctx.timeZone) ?? wanted.from }),
      ...(wanted.to && { to: zonedToInstant(wanted.to, ctx.timeZone) ?? wanted.to }),
      ...(cursor && { cursor }),
    };
    const { data, error } = await ctx.api.GET('/v1/projects/{project}/journal', {
      params: { path: { project: ctx.project }, query },
    });
    if (!data) return setError(problemText(error));
    setError(null);
    setEntries((old) => [...(cursor ? (old ?? []) : []), ...data.entries]);
    setNext(data.next);
  };
  useEffect(() => void load(null), [ctx.api, ctx.project]);

  const retry = async (eventIds: string[]) => {
    let sent = 0;
    const refusals: string[] = [];
    for (const eventId of eventIds) {
      const { response, error } = await ctx.api.POST(
        '/v1/projects/{project}/events/{eventId}/retry',
        { params: { path: { project: ctx.project, eventId } } },
      );
      if (response.ok) sent += 1;
      else refusals.push(`${eventId}: ${problemText(error)}`);
    }
    setNotice([t('journal.retried', { count: sent }), ...refusals].join('\n'));
    await ctx.refresh();
    await load(null);
  };
  // Every failed event of the project, in one request (not only the entries shown).
  const retryAll = async () => {
    const { data, error } = await ctx.api.POST('/v1/projects/{project}/events/retry', {
      params: { path: { project: ctx.project } },
    });
    setNotice(data ? t('journal.retried', { count: data.retried }) : problemText(error));
    await ctx.refresh();
    await load(null);
  };
  // The journal keeps every run of an event, so a failed entry may have been retried since: the
  // project's count of events failed now decides whether there is anything to retry.
  const failedNow = ctx.status.events.failed;
  const field = (name: keyof Filters) => ({
    value: filters[name],
    onInput: (e: { currentTarget: HTMLInputElement }) =>
      setFilters({ ...filters, [name]: e.currentTarget.value }),
  });

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.title')}</h2>
      <form
        class="card filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(null);
        }}
      >
        <div>
          <label for="f-phone">{t('journal.phone')}</label>
          <input id="f-phone" {...field('phone')} />
        </div>
        <div>
          <label for="f-call">{t('journal.call')}</label>
          <input id="f-call" {...field('callId')} />
        </div>
        <div>
          <label for="f-outcome">{t('journal.outcome')}</label>
          <select
            id="f-outcome"
            value={filters.outcome}
            onChange={(e) => setFilters({ ...filters, outcome: e.currentTarget.value as Outcome })}
          >
            <option value="">{t('journal.any')}</option>
            {(['applied', 'skipped', 'failed'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-from">
            {t('journal.from')} ({ctx.timeZone})
          </label>
          <input id="f-from" type="datetime-local" {...field('from')} />
        </div>
        <div>
          <label for="f-to">
            {t('journal.to')} ({ctx.timeZone})
          </label>
          <input id="f-to" type="datetime-local" {...field('to')} />
        </div>
        <div class="filter-actions">
          <button type="submit">{t('journal.filter')}</button>
          {failedNow > 0 && (
            <button type="button" class="secondary" onClick={() => void retryAll()}>
              {t('journal.retryAll')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {entries?.length === 0 && <p>{t('journal.empty')}</p>}
      {entries && entries.length > 0 && (
        <div class="scroll">
          <table class="journal stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t('journal.time')}</th>
                <th scope="col">{t('journal.caller')}</th>
                <th scope="col">{t('journal.event')}</th>
                <th scope="col">{t('journal.type')}</th>
                <th scope="col">{t('journal.outcome')}</th>
                <th scope="col">{t('trace.conditions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <JournalRow
                  key={entry.eventId}
                  ctx={ctx}
                  entry={entry}
                  open={openId === entry.eventId}
                  baseUrl={baseUrl}
                  time={formatTime(entry.at, ctx.timeZone, language)}
                  onToggle={() => setOpenId(openId === entry.eventId ? null : entry.eventId)}
                  onRetry={() => void retry([entry.eventId])}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('journal.more')}
        </button>
      )}
    </section>
  );
}

function JournalRow(props: {
  ctx: ProjectContext;
  entry: Item;
  open: boolean;
  baseUrl: string | null;
  time: string;
  onToggle: () => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const { entry, ctx } = props;
  const [detail, setDetail] = useState<Schemas['EventDetail'] | null>(null);
  useEffect(() => {
    if (!props.open) return;
    void ctx.api
      .GET('/v1/projects/{project}/events/{eventId}', {
        params: { path: { project: ctx.project, eventId: entry.eventId } },
      })
      .then(({ data }) => setDetail(data ?? null));
    // Read again when the list is (after a retry): the event's state has moved on.
  }, [props.open, entry]);
  return (
    <>
      <tr data-event={entry.eventId} class={props.open ? 'open' : ''}>
        <td data-label={t('journal.time')}>{props.time}</td>
        <td class="caller" data-label={t('journal.caller')}>
          {entry.caller ?? '—'}
        </td>
        <td data-label={t('journal.event')}>
          <button
            type="button"
            class="link"
            aria-expanded={props.open}
            aria-label={t(props.open ? 'journal.close' : 'journal.open', { event: entry.eventId })}
            onClick={props.onToggle}
          >
            {entry.eventId}
          </button>
        </td>
        <td data-label={t('journal.type')}>
          <code>{entry.type}</code>
        </td>
        <td data-label={t('journal.outcome')}>
          <span class={`badge outcome-${entry.outcome}`}>{t(`outcome.${entry.outcome}`)}</span>
        </td>
        <td data-label={t('trace.conditions')}>
          {entry.conditions.map((c) => t(`condition.${c}`)).join(', ')}
        </td>
      </tr>
      {props.open && (
        <tr class="trace-row">
          <td colSpan={6}>
            <Trace entry={entry} crm={ctx.document.crm} baseUrl={props.baseUrl} />
            {detail && (
              <dl class="facts">
                <dt>{t('journal.state')}</dt>
                <dd>{detail.state}</dd>
                <dt>{t('journal.attempts')}</dt>
                <dd>{detail.attempts}</dd>
                {detail.lastError && (
                  <>
                    <dt>{t('journal.lastError')}</dt>
                    <dd class="error">{detail.lastError}</dd>
                  </>
                )}
              </dl>
            )}
            {entry.outcome === 'failed' && detail?.state === 'failed' && (
              <button type="button" onClick={props.onRetry}>
                {t('journal.retry')}
              </button>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
