import { fitTexts } from './capabilities.js';
import { describe, expect, it } from 'vitest';
import type { Task } from '../domain/snapshot.js';
import { fitCallLog, fitLinks, fitTask } from './capabilities.js';
import { CRMS } from './registry.js';

// D12: each CRM keeps what it can hold; the rest goes into the record's text.

const texts = fitTexts('en');
const task: Task = {
  id: 't1',
  assigneeId: 'u2',
  done: true,
  title: 'Call',
  description: 'Incoming call',
  contactId: 'c1',
  leadId: null,
  dealId: 'd1',
  callId: 'k1',
  recordingUrl: 'https://r/k1.mp3',
};

describe('what each CRM can hold (D12)', () => {
  it('D12/D9: a retailCRM task keeps the most specific link and names the others in its text', () => {
    const fitted = fitTask(task, CRMS.retailcrm.capabilities, texts);
    expect(fitted).toMatchObject({ dealId: 'd1', contactId: null, recordingUrl: null });
    expect(fitted.description).toBe(
      "Incoming call\nAlso concerns: the client's contact\nRecording: https://r/k1.mp3",
    );
  });

  it('D12: Zoho and Pipedrive tasks hold the contact and the deal together', () => {
    expect(fitTask(task, CRMS.zoho.capabilities, texts)).toMatchObject({
      dealId: 'd1',
      contactId: 'c1',
    });
    expect(fitTask(task, CRMS.pipedrive.capabilities, texts)).toMatchObject({
      dealId: 'd1',
      contactId: 'c1',
    });
  });

  it('D12: a Salesforce task on a lead cannot also name a contact (WhoId is one of them)', () => {
    const { record, dropped } = fitLinks(
      { contactId: 'c1', leadId: 'l1', dealId: null },
      CRMS.salesforce.capabilities.taskLinks,
    );
    expect(record).toEqual({ contactId: null, leadId: 'l1', dealId: null });
    expect(dropped).toBe("the client's contact");
  });

  it('D12/ZO-18: legs and recordings go to the call log text where the CRM has no field; retailCRM keeps the recording URL', () => {
    const log = {
      id: 'cl1',
      callId: 'k1',
      direction: 'incoming' as const,
      from: '+1',
      to: '+2',
      disposition: 'answered' as const,
      recordingUrl: 'https://r/k1.mp3',
      userId: 'u3',
      contactId: 'c1',
      leadId: null,
      dealId: 'd1',
      legs: [
        { userId: 'u2', talkSec: 60, name: 'Petro' },
        { userId: 'u3', talkSec: 125 },
      ],
    };
    const zoho = fitCallLog(log, CRMS.zoho.capabilities, texts);
    expect(zoho.legs).toBeUndefined();
    expect(zoho.description).toBe('Recording: https://r/k1.mp3\nLegs: Petro 1:00, u3 2:05');
    const retail = fitCallLog(log, CRMS.retailcrm.capabilities, texts);
    expect(retail).toMatchObject({
      recordingUrl: 'https://r/k1.mp3',
      dealId: null,
      contactId: 'c1',
    });
  });
});
