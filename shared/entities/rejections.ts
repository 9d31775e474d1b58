import { z } from 'zod';
import type { Rejection } from './suggest/types';

/// A rejected suggestion as stored in a sidecar, so it is not suggested again.
///
/// With `start`/`end` (code points on the corrected text) it rejects one place; without them it rejects the text
/// as that type on the whole page. Offered for the sidecar schema (`rejected: z.array(rejectionSchema)`), which
/// belongs to the sidecar owner; place rejections must be mapped through edits like spans.
export const rejectionSchema = z
  .strictObject({
    text: z.string().min(1),
    type: z.string().min(1),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
  })
  .refine((r) => (r.start === undefined) === (r.end === undefined), 'a rejection has both start and end, or neither')
  .refine((r) => r.start === undefined || r.end! > r.start, 'a rejected place must cover some text');

/// Adds a rejection unless an equal one is already in the list; returns a new list.
export function addRejection(list: readonly Rejection[], rejection: Rejection): Rejection[] {
  const same = (r: Rejection) =>
    r.text === rejection.text && r.type === rejection.type && r.start === rejection.start && r.end === rejection.end;
  return list.some(same) ? [...list] : [...list, rejection];
}
