import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalDigits, normalisePhone, phoneSpellings, samePhone, storedPhone } from './phone.js';

// G1: every format of one number is one identity; invalid numbers match nobody.

const operator = fc.constantFrom(
  '50',
  '63',
  '66',
  '67',
  '68',
  '73',
  '93',
  '95',
  '96',
  '97',
  '98',
  '99',
);
const subscriber = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));
const uaMobile = fc.tuple(operator, subscriber);

function formats([op, sub]: [string, string]): string[] {
  const [a, b, c] = [sub.slice(0, 3), sub.slice(3, 5), sub.slice(5)];
  return [
    `+380${op}${sub}`,
    `+380 ${op} ${sub.slice(0, 3)} ${sub.slice(3)}`,
    `0${op} ${a} ${b}${c}`,
    `0${op}${sub}`,
    `+38-0${op}-${a}-${b}${c}`,
    `380${op}${sub}`,
    `(0${op}) ${a}-${b}-${c}`,
    `0038${`0${op}`}${sub}`,
  ];
}

describe('phone identity (G1)', () => {
  it('G1: every listed format of a Ukrainian number maps to one E.164 identity', () => {
    fc.assert(
      fc.property(uaMobile, (parts) => {
        const identities = new Set(formats(parts).map((raw) => normalisePhone(raw, 'UA').e164));
        expect([...identities]).toEqual([`+380${parts[0]}${parts[1]}`]);
      }),
    );
  });

  it('G1: normalising is idempotent and the stored form is E.164', () => {
    fc.assert(
      fc.property(uaMobile, (parts) => {
        const stored = storedPhone(formats(parts)[2] ?? '', 'UA');
        expect(normalisePhone(stored, 'UA').e164).toBe(stored);
      }),
    );
  });

  it('G1: international numbers keep their own country whatever the default country', () => {
    expect(normalisePhone('+48 512 345 678', 'UA').e164).toBe('+48512345678');
    expect(normalisePhone('+1 (415) 555-2671', 'UA').e164).toBe('+14155552671');
  });

  it('G1: without a default country only international forms are normalised', () => {
    expect(normalisePhone('+380671234567').e164).toBe('+380671234567');
    expect(normalisePhone('380671234567').e164).toBe('+380671234567');
    expect(normalisePhone('067 123 4567').e164).toBeNull();
  });

  it('G1: hidden, short and malformed numbers have no identity and match nobody, not even themselves', () => {
    const invalid = fc.oneof(
      fc.constantFrom(
        'anonymous',
        'Unknown',
        'private',
        '101',
        '*100#',
        '112',
        '+',
        '0',
        'sip:olena@pbx',
      ),
      fc.string({ maxLength: 4 }),
      fc.stringMatching(/^[a-z]{1,12}$/),
    );
    fc.assert(
      fc.property(invalid, uaMobile, (raw, parts) => {
        const phone = normalisePhone(raw, 'UA');
        expect(phone.e164).toBeNull();
        expect(phone.raw).toBe(raw);
        expect(samePhone(phone, phone)).toBe(false);
        expect(samePhone(phone, normalisePhone(`+380${parts[0]}${parts[1]}`, 'UA'))).toBe(false);
        expect(storedPhone(raw, 'UA')).toBe(raw);
      }),
    );
  });

  it('G1: two different valid numbers never share an identity', () => {
    fc.assert(
      fc.property(uaMobile, uaMobile, (a, b) => {
        fc.pre(a.join('') !== b.join(''));
        expect(
          samePhone(
            normalisePhone(formats(a)[0] ?? '', 'UA'),
            normalisePhone(formats(b)[3] ?? '', 'UA'),
          ),
        ).toBe(false);
      }),
    );
  });
});

describe('search spellings of a number (G1)', () => {
  it('E.164, without "+", national with trunk prefix, national digits, once each', () => {
    expect(phoneSpellings('+380671234567')).toEqual([
      '+380671234567',
      '380671234567',
      '0671234567',
      '671234567',
    ]);
    // No trunk prefix in the US: the national form is the national digits.
    expect(phoneSpellings('+12025550143')).toEqual(['+12025550143', '12025550143', '2025550143']);
  });

  it('the national significant digits, or every digit of what does not parse', () => {
    expect(nationalDigits('+380671234567')).toBe('671234567');
    expect(nationalDigits('+0 12')).toBe('012');
  });
});
