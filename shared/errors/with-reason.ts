/// Failures and problems whose value `problem` is a reason (shared/errors/reasons.ts): the reason travels as an id
/// with values for the renderer; `english`, when given, is the fuller English the message keeps for logs and the
/// command line (an OS error with its path, a parser's own sentence) in place of the reason's English.
import type { Result } from '../result';
import type { MessageId } from './codes';
import { englishOf, failWith, problemWith, worded, type MessageValues, type Worded, type WordedProblem } from './fail-with';
import { withReason, type Reason } from './reasons';

/// A failure `id` with reason `r` as its value `problem`.
export function failWithReason(id: MessageId, values: MessageValues, r: Reason, english?: string): Result<never> {
  const failed = failWith(id, withReason(values, 'problem', r));
  if (!failed.ok && english !== undefined) failed.error.message = englishOf(id, { ...values, problem: english });
  return failed;
}

/// A problem with page `path` worded by `id`, with reason `r` as its value `problem`.
export function problemWithReason(path: string, id: MessageId, values: MessageValues, r: Reason, english?: string): WordedProblem {
  const problem = problemWith(path, id, withReason(values, 'problem', r));
  return english === undefined ? problem : { ...problem, message: englishOf(id, { ...values, problem: english }) };
}

/// A message not tied to a failure (see `worded`), with reason `r` as its value `problem`.
export function wordedWithReason(id: MessageId, values: MessageValues, r: Reason, english?: string): Worded {
  return worded(id, withReason(values, 'problem', r), english === undefined ? undefined : englishOf(id, { ...values, problem: english }));
}
