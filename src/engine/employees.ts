import type { EmployeeRef } from '../domain/events.js';
import { normalisePhone } from '../domain/phone.js';
import type { Employee } from '../domain/project.js';

/**
 * The project's employees, indexed for the questions the engine asks: who is
 * this reference (G15), who is the top manager, which CRM user is which
 * employee (D15), and is a number one of ours (G2).
 */
export class Staff {
  readonly all: readonly Employee[];
  readonly top: Employee | null;
  private readonly byKey = new Map<string, Employee>();
  private readonly byUser = new Map<string, Employee>();
  private readonly ownNumbers = new Set<string>();

  constructor(employees: readonly Employee[], defaultCountry?: string) {
    this.all = employees;
    this.top = employees.find((employee) => employee.topManager) ?? null;
    for (const employee of employees) {
      this.byKey.set(`id:${employee.id}`, employee);
      if (employee.code) this.byKey.set(`code:${employee.code}`, employee);
      if (employee.extension) {
        this.byKey.set(`extension:${employee.extension}`, employee);
        this.ownNumbers.add(`raw:${employee.extension}`);
      }
      for (const login of employee.sipLogins) {
        this.byKey.set(`sipLogin:${login.toLowerCase()}`, employee);
        this.ownNumbers.add(`raw:${login.toLowerCase()}`);
      }
      for (const phone of employee.phones) {
        const key = phoneKey(phone, defaultCountry);
        this.byKey.set(`phone:${key}`, employee);
        this.ownNumbers.add(key);
      }
      if (employee.crmUserId && !this.byUser.has(employee.crmUserId))
        this.byUser.set(employee.crmUserId, employee);
    }
    this.defaultCountry = defaultCountry;
  }

  private readonly defaultCountry: string | undefined;

  /** The employee a reference names, known or not (one without a CRM user is unknown to the CRM). */
  find(ref: EmployeeRef | undefined): Employee | null {
    if (!ref) return null;
    const keys = [
      ref.id && `id:${ref.id}`,
      ref.extension && `extension:${ref.extension}`,
      ref.sipLogin && `sipLogin:${ref.sipLogin.toLowerCase()}`,
      ref.phone && `phone:${phoneKey(ref.phone, this.defaultCountry)}`,
      ref.code && `code:${ref.code}`,
    ];
    for (const key of keys) {
      const found = key ? this.byKey.get(key) : undefined;
      if (found) return found;
    }
    return null;
  }

  /** A known employee: named by the reference and linked to a CRM user. */
  known(ref: EmployeeRef | undefined): Employee | null {
    const employee = this.find(ref);
    return employee?.crmUserId ? employee : null;
  }

  byCrmUser(userId: string | null | undefined): Employee | null {
    return userId ? (this.byUser.get(userId) ?? null) : null;
  }

  /** Employees linked to a CRM user (RC-3's "all managers"). */
  linked(): Employee[] {
    return this.all.filter((employee) => employee.crmUserId);
  }

  /** Is this number an employee's phone, extension or SIP login (G2)? */
  isOwnNumber(raw: string): boolean {
    return (
      this.ownNumbers.has(phoneKey(raw, this.defaultCountry)) ||
      this.ownNumbers.has(`raw:${raw.toLowerCase()}`)
    );
  }
}

function phoneKey(raw: string, defaultCountry: string | undefined): string {
  const phone = normalisePhone(raw, defaultCountry);
  return phone.e164 ?? `raw:${raw.toLowerCase()}`;
}
