import type { Event } from '../../domain/events.js';
import { problemsFromZod, type Parsed } from '../../domain/problems.js';
import { formRecord } from '../common/form.js';
import type { Source } from '../common/source.js';
import { mapDialAction, mapRecordingCallback, mapStatusCallback } from './map.js';
import {
  DialActionSchema,
  RecordingCallbackSchema,
  StatusCallbackSchema,
  TwilioSettingsSchema,
  type TwilioSettings,
} from './schema.js';
import { calledUrl, verifyTwilio } from './signature.js';

// POST /v1/projects/{project}/sources/twilio (service.md §4).

export const twilio: Source<TwilioSettings> = {
  name: 'twilio',
  settings: TwilioSettingsSchema,

  verify(raw, headers, settings, url) {
    return verifyTwilio(raw, headers, settings.authToken, calledUrl(settings.publicUrl, url));
  },

  parse(raw, _settings, { receivedAt }): Parsed<Event[]> {
    const form = formRecord(raw);
    // One URL may serve all three callbacks; the parameters tell them apart.
    if ('RecordingStatus' in form) {
      const p = RecordingCallbackSchema.safeParse(form);
      return p.success
        ? { ok: true, value: mapRecordingCallback(p.data, receivedAt) }
        : { ok: false, problems: problemsFromZod(p.error) };
    }
    if ('DialCallStatus' in form) {
      const p = DialActionSchema.safeParse(form);
      return p.success
        ? { ok: true, value: mapDialAction(p.data, receivedAt) }
        : { ok: false, problems: problemsFromZod(p.error) };
    }
    const p = StatusCallbackSchema.safeParse(form);
    return p.success
      ? { ok: true, value: mapStatusCallback(p.data, receivedAt) }
      : { ok: false, problems: problemsFromZod(p.error) };
  },

  // An empty TwiML document: fine for status and recording callbacks, and for a
  // <Dial action> it ends the call, which is what an unanswered dial usually wants.
  acknowledgement: {
    status: 200,
    contentType: 'text/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
  },
};
