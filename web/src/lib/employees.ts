import type { Schemas } from '../api';

// The employees table's logic, apart from the page so it can be tested alone: list fields typed
// as text, new rows, the flags (a CRM user that no longer exists) and the API's problems by row.

export type Employee = Schemas['Employees'][number];
export type CrmUser = Schemas['CrmUsers']['users'][number];

/** "petro, 380441234567" → ["petro", "380441234567"]: commas, semicolons or spaces part them. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function listText(values: readonly string[] | undefined): string {
  return (values ?? []).join(', ');
}

/** The next free id of the form e1, e2, … */
export function nextEmployeeId(employees: readonly Employee[]): string {
  const taken = new Set(employees.map((employee) => employee.id));
  let n = employees.length + 1;
  while (taken.has(`e${n}`)) n += 1;
  return `e${n}`;
}

/** A new row: the CRM user's name as the employee's name when one is picked. */
export function newEmployee(employees: readonly Employee[], user?: CrmUser): Employee {
  return {
    id: nextEmployeeId(employees),
    name: user?.name ?? '',
    ...(user && { crmUserId: user.id }),
    sipLogins: [],
    phones: [],
    topManager: false,
  };
}

/** Picking a CRM user fills an empty (or the previous user's) name with the user's own. */
export function pickCrmUser(
  employee: Employee,
  user: CrmUser | undefined,
  users: readonly CrmUser[],
): Employee {
  const previous = users.find((candidate) => candidate.id === employee.crmUserId);
  const keepName = employee.name.trim() !== '' && employee.name !== previous?.name;
  const rest: Employee = { ...employee };
  delete rest.crmUserId;
  return {
    ...rest,
    name: keepName || !user ? employee.name : user.name,
    ...(user && { crmUserId: user.id }),
  };
}

/** Ids of employees whose CRM user is not among the CRM's users (deleted or deactivated). */
export function missingCrmUsers(
  employees: readonly Employee[],
  users: readonly CrmUser[],
): Set<string> {
  const known = new Set(users.map((user) => user.id));
  return new Set(
    employees
      .filter((employee) => employee.crmUserId && !known.has(employee.crmUserId))
      .map((employee) => employee.id),
  );
}

/**
 * The API's problems of a PUT …/employees by row and field: `[1].crmUserId` → row 1,
 * `crmUserId`; a problem of the whole list (`""`) goes to row -1.
 */
export function problemsByRow(problems: Map<string, string>): Map<number, Map<string, string>> {
  const rows = new Map<number, Map<string, string>>();
  for (const [path, message] of problems) {
    const match = /^(?:employees)?\[(\d+)\]\.?([A-Za-z]*)/.exec(path);
    const row = match ? Number(match[1]) : -1;
    const field = match ? match[2] || 'row' : 'row';
    const fields = rows.get(row) ?? new Map<string, string>();
    fields.set(field, fields.has(field) ? `${fields.get(field)}; ${message}` : message);
    rows.set(row, fields);
  }
  return rows;
}

/** A row of the table: the employee, and its list fields as the user types them. */
export interface EmployeeRow {
  readonly employee: Employee;
  readonly sipText: string;
  readonly phonesText: string;
}

export function toRows(employees: readonly Employee[]): EmployeeRow[] {
  return employees.map((employee) => ({
    employee,
    sipText: listText(employee.sipLogins),
    phonesText: listText(employee.phones),
  }));
}

/** The rows as the API takes them: empty optional fields left out, the lists parsed. */
export function fromRows(rows: readonly EmployeeRow[]): Employee[] {
  return rows.map(({ employee, sipText, phonesText }) => {
    const { extension, crmUserId, ...rest } = employee;
    return {
      ...rest,
      name: employee.name.trim(),
      ...(extension?.trim() && { extension: extension.trim() }),
      ...(crmUserId && { crmUserId }),
      sipLogins: parseList(sipText),
      phones: parseList(phonesText),
    };
  });
}

/** CRM users who are no employee yet, for "add every CRM user". */
export function usersNotEmployed(rows: readonly EmployeeRow[], users: readonly CrmUser[]) {
  const taken = new Set(rows.map((row) => row.employee.crmUserId));
  return users.filter((user) => !taken.has(user.id));
}

/** A reference on recent calls that names no employee (GET …/unknown-employees). */
export type UnknownReference = Schemas['UnknownEmployees']['items'][number];

/** Whether a row of the table (saved or not) already covers the reference. */
export function coversReference(rows: readonly EmployeeRow[], item: UnknownReference): boolean {
  return rows.some(({ employee, sipText, phonesText }) => {
    if (item.extension !== undefined) return employee.extension?.trim() === item.extension;
    if (item.sipLogin !== undefined)
      return parseList(sipText).some((login) => login.toLowerCase() === item.sipLogin);
    if (item.phone !== undefined) return parseList(phonesText).includes(item.phone);
    if (item.code !== undefined) return employee.code === item.code;
    return false;
  });
}

/** A new row for a reference: its extension, SIP login, phone or code, named after it. */
export function employeeFromReference(
  rows: readonly EmployeeRow[],
  item: UnknownReference,
  name: string,
): EmployeeRow {
  const employee = newEmployee(rows.map((row) => row.employee));
  return {
    employee: {
      ...employee,
      name,
      ...(item.extension !== undefined && { extension: item.extension }),
      ...(item.code !== undefined && { code: item.code }),
    },
    sipText: item.sipLogin ?? '',
    phonesText: item.phone ?? '',
  };
}
