import { REASONS, type ReasonId } from '../../shared/errors/reasons';
import { zhFileReasons } from './reasons-files-zh';
import { saveReasonsZh } from './reasons-saves-zh';

type ReasonKey = `reason.${ReasonId}`;

/// The English wording of every registered reason (shared/errors/reasons.ts), keyed `reason.<id>`.
export const en = Object.fromEntries(Object.entries(REASONS).map(([id, spec]) => [`reason.${id}`, spec.en])) as Record<ReasonKey, string>;

/// The Chinese wording of every registered reason.
export const zhCN: Record<ReasonKey, string> = {
  'reason.other.technical': '（英文原文）{detail}',
  // zhui3a: layout and settings files, JSON syntax, OS errors, path shapes (renderer/i18n/reasons-files-zh.ts).
  ...zhFileReasons,
  // zhui3b: sidecars, saves, batch runs, export and import (renderer/i18n/reasons-saves-zh.ts).
  ...saveReasonsZh,
};
