import { notFound, type ApiContext, type ApiRequest, type ApiResponse } from './api.js';
import { SfFailure, sfDateTime } from './org.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const replicationError = (message: string): SfFailure =>
  new SfFailure(400, [{ errorCode: 'INVALID_REPLICATION_DATE', message }]);

/**
 * sObject Get Deleted (REST API v29.0+): the delete log between `start` and
 * `end`. The API ignores the seconds of both; `start` must precede `end` by
 * more than a minute and lie within the log (15 days back to the day, or since
 * the last purge), else INVALID_REPLICATION_DATE (documented for SOAP
 * getDeleted(); the REST status 400 and the messages are UNVERIFIED).
 */
export function getDeleted(ctx: ApiContext, req: ApiRequest, type: string): ApiResponse {
  if (req.method !== 'GET')
    throw new SfFailure(405, [
      {
        errorCode: 'METHOD_NOT_ALLOWED',
        message: `HTTP Method '${req.method}' not allowed. Allowed are GET`,
      },
    ]);
  if (Number(req.version) < 29) throw notFound();
  const minute = (name: 'start' | 'end'): number => {
    const raw = req.query.get(name);
    // Error code for a missing or unreadable date UNVERIFIED.
    if (raw === null || raw === '')
      throw new SfFailure(400, [
        { errorCode: 'MISSING_ARGUMENT', message: `Missing required parameter: ${name}` },
      ]);
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(ms))
      throw new SfFailure(400, [
        {
          errorCode: 'INVALID_DATETIME',
          message: `${name}: unable to parse '${raw}' as a dateTime`,
        },
      ]);
    return Math.floor(ms / MINUTE) * MINUTE;
  };
  const start = minute('start');
  const end = minute('end');
  if (end - start <= MINUTE)
    throw replicationError(
      'startDate must chronologically precede endDate by more than one minute',
    );
  const now = Date.now();
  const earliest =
    Math.floor(
      Math.max(ctx.org.earliestDeleteLog, Math.floor(now / DAY) * DAY - 15 * DAY) / MINUTE,
    ) * MINUTE;
  if (start < earliest)
    throw replicationError(
      `startDate is before the earliest date available ${sfDateTime(earliest)}`,
    );
  const covered = Math.min(end, Math.floor(now / MINUTE) * MINUTE);
  const found = ctx.org.deleteLog.filter(
    (entry) => entry.type === type && entry.at >= start && entry.at < covered,
  );
  if (found.length > 600_000)
    throw new SfFailure(400, [
      {
        errorCode: 'EXCEEDED_ID_LIMIT',
        message: 'Too many ids: choose start and end dates closer together',
      },
    ]);
  return {
    status: 200,
    body: {
      deletedRecords: found.map((entry) => ({ id: entry.id, deletedDate: sfDateTime(entry.at) })),
      earliestDateAvailable: sfDateTime(earliest),
      latestDateCovered: sfDateTime(covered),
    },
  };
}
