import { describe, expect, it } from 'vitest';
import { outageDuration, outageTask } from './outage-texts.js';

describe('the outage task (issue 11 item 6 d)', () => {
  const outage = { downMs: (2 * 60 + 5) * 60_000, resent: 7, expired: 2 };

  it('says how long and how many, in English by default', () => {
    const task = outageTask(outage, 'en');
    expect(task.title).toBe('The CRM integration is working again');
    expect(task.description).toContain('down for 2 h 5 min');
    expect(task.description).toContain('Calls resent: 7');
    expect(task.description).toContain('expired (older than the resend window, not sent): 2');
  });

  it.each([
    ['uk', '2 год 5 хв', 'Інтеграція з CRM знову працює'],
    ['ru', '2 ч 5 мин', 'Интеграция с CRM снова работает'],
    ['pl', '2 godz. 5 min', 'Integracja z CRM znów działa'],
  ] as const)('in %s', (language, duration, title) => {
    const task = outageTask(outage, language);
    expect(task.title).toBe(title);
    expect(task.description).toContain(duration);
    expect(task.description).toContain('7');
    expect(task.description).toContain('2.');
  });

  it('rounds to minutes, at least one', () => {
    expect(outageDuration(10_000, 'en')).toBe('1 min');
    expect(outageDuration(3 * 3_600_000, 'en')).toBe('3 h');
    expect(outageDuration(45 * 60_000, 'uk')).toBe('45 хв');
  });
});
