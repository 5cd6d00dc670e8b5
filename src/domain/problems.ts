import type { z } from 'zod';

/** One problem with input, named by its JSON path (`events[3].from`). */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function problemsFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatPath([...prefix, ...issue.path, key]),
          message: 'unknown member',
        }))
      : [{ path: formatPath([...prefix, ...issue.path]), message: innerMessage(issue) }],
  );
}

/** A record key's own error ("unknown parameter …") says more than zod's "Invalid key in record". */
function innerMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues[0]) return issue.issues[0].message;
  return issue.message;
}

export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
