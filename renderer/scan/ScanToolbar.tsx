import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import type { Rotation } from './rotation';

/// Props of `ScanToolbar`: what each tool does, and the state the buttons show.
export interface ScanToolbarProps {
  onZoomOut(): void;
  onZoomIn(): void;
  onFitWidth(): void;
  onFitPage(): void;
  onRotate(): void;
  /// Which fit is on (its button shows pressed), or null after a zoom or pan of the user's own.
  fit: 'fit-width' | 'fit-page' | null;
  rotation: Rotation;
  /// The zoom as a percentage of the image's pixels, or null while it is not known yet.
  percent: number | null;
  confidenceThreshold: number;
  onConfidenceThresholdChange(threshold: number): void;
  /// More tools after the viewer's own (the split's layout toggle).
  extraTools?: ReactNode;
}

/// The scan viewers' toolbar (the single-image viewer and the deep-zoom viewer show the same one): zoom out / in,
/// fit width, fit page, rotate, the zoom level, and the OCR confidence threshold. The keys (− + 0 Shift+0 R) are
/// the viewers' own; the buttons' titles name them.
export function ScanToolbar(props: ScanToolbarProps) {
  const t = useT();
  const { fit, rotation, percent, confidenceThreshold, onConfidenceThresholdChange, extraTools } = props;
  return (
    <div className="scan-tools" role="toolbar" aria-label={t('scan.tools')}>
      <button type="button" onClick={props.onZoomOut} aria-label={t('scan.zoomOut')} title={`${t('scan.zoomOut')} (−)`}>−</button>
      <button type="button" onClick={props.onZoomIn} aria-label={t('scan.zoomIn')} title={`${t('scan.zoomIn')} (+)`}>+</button>
      <button type="button" onClick={props.onFitWidth} aria-pressed={fit === 'fit-width'} title={`${t('scan.fitWidth')} (0)`}>{t('scan.fitWidth')}</button>
      <button type="button" onClick={props.onFitPage} aria-pressed={fit === 'fit-page'} title={`${t('scan.fitPage')} (Shift+0)`}>{t('scan.fitPage')}</button>
      <button type="button" onClick={props.onRotate} title={`${t('scan.rotate')} (R) · ${rotation}°`}>{t('scan.rotate')}</button>
      <span className="scan-zoom-level" aria-live="polite">{percent === null ? '' : `${percent}%`}</span>
      <label className="scan-confidence" title={t('scan.confidenceHint')}>
        {t('scan.confidenceThreshold')}
        <input
          type="number"
          min={0}
          max={100}
          step={5}
          value={Math.round(confidenceThreshold * 100)}
          onChange={(event) => {
            const value = event.currentTarget.valueAsNumber;
            if (Number.isFinite(value)) onConfidenceThresholdChange(value / 100);
          }}
        />
        %
      </label>
      {extraTools}
    </div>
  );
}
