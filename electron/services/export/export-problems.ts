import type { ExportFormatId } from '../../../shared/export/format-ids';
import type { ExportProblemCode } from '../../../shared/export/problem-codes';
import type { ExportProblem } from '../../../shared/ipc/contract';
import type { Worded } from '../../../shared/errors/fail-with';
import type { Reason } from '../../../shared/errors/reasons';
import { wordedWithReason } from '../../../shared/errors/with-reason';

// Up to this many pages a format does not apply to are listed one by one; more are said in one problem.
const NOT_APPLICABLE_LISTED = 5;

/// The problems of one export run, collected as pages go by.
///
/// A format that does not apply to a page (ALTO asked for a plain-text page) is expected in a mixed corpus, so
/// beyond a few pages it is summarised in one problem per format (path '', the count and the first pages named)
/// instead of one per page; every other problem is listed with its page.
export class ExportProblems {
  private readonly list: ExportProblem[] = [];
  private readonly notApplicable = new Map<ExportFormatId, { count: number; first: ExportProblem[] }>();

  /// Records a problem of page `path` ('' for the run), for `format` when it concerns one; `worded`, when the
  /// problem says exactly what went wrong, is its registered message (its English replaces `message`).
  add(path: string, code: ExportProblemCode, message: string, format?: ExportFormatId, worded?: Worded): void {
    const base: ExportProblem = format === undefined ? { path, code, message } : { path, format, code, message };
    const problem: ExportProblem = worded?.messageId === undefined ? base : { ...base, message: worded.message, messageId: worded.messageId, ...(worded.values && { values: worded.values }) };
    if (code !== 'not-applicable' || format === undefined) {
      this.list.push(problem);
      return;
    }
    const entry = this.notApplicable.get(format) ?? { count: 0, first: [] };
    entry.count++;
    if (entry.first.length < NOT_APPLICABLE_LISTED) entry.first.push(problem);
    this.notApplicable.set(format, entry);
  }

  /// Records that page `path` was exported as its original because its saved corrections cannot be used:
  /// `problem` says why in English, `why` as a reason for the UI (absent: the UI says only that they cannot be used).
  addSidecarUnusable(path: string, problem: string, why?: Reason | null): void {
    const english = `Exported the original text, uncorrected and untagged, because the saved corrections cannot be used: ${problem}`;
    this.add(path, 'sidecar-unusable', english, undefined, why ? wordedWithReason('export.sidecarUnusable', {}, why, problem) : undefined);
  }

  /// Every problem, page problems sorted by path, the run's own ('' path) first.
  all(): ExportProblem[] {
    const out = [...this.list];
    for (const [format, entry] of this.notApplicable) {
      if (entry.count <= NOT_APPLICABLE_LISTED) {
        for (const problem of entry.first) out.push(problem);
        continue;
      }
      const named = entry.first.map((p) => p.path).join(', ');
      out.push({
        path: '',
        format,
        code: 'not-applicable',
        message: `The ${format} export does not apply to ${entry.count} of the pages (${named}, …): ${entry.first[0]!.message}`,
      });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.format ?? '').localeCompare(b.format ?? '')));
  }
}
