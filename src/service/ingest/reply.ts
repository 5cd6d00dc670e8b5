import type { FastifyReply } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  problemBody,
  problemStatus,
  type ProblemKind,
  type ProblemOptions,
} from '../../sources/common/problem.js';

/** Sends an RFC 9457 problem (service.md §4) through the sources' one helper. */
export function sendProblem(
  reply: FastifyReply,
  kind: ProblemKind,
  options: ProblemOptions = {},
): FastifyReply {
  if (options.retryAfterSec !== undefined)
    void reply.header('retry-after', String(options.retryAfterSec));
  return reply
    .code(problemStatus(kind))
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(kind, options));
}
