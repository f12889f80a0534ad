import type { Response } from 'express';

export interface Problem {
  status: number;
  title: string;
  code: string;
  detail?: string;
  [extension: string]: unknown;
}

/** RFC 9457 problem details; `type` points at the error catalogue in the docs. */
export function sendProblem(res: Response, problem: Problem): void {
  const requestId = res.getHeader('x-request-id');
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: `https://wa-ops.dev/problems/${problem.code.toLowerCase()}`, ...problem, requestId });
}
