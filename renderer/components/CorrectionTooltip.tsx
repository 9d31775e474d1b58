import { useEffect, useState } from 'react';
import { useT } from '../i18n/LanguageContext';

/// Shows the OCR original of a highlighted correction while the pointer rests on it.
///
/// The editor marks corrected text with `data-original`; this listens on its container rather than on each
/// highlight, so a page with thousands of corrections costs one listener.
export function CorrectionTooltip({ container }: { container: HTMLElement | null }) {
  const t = useT();
  const [tip, setTip] = useState<{ original: string; x: number; y: number } | null>(null);

  useEffect(() => {
    if (!container) return;
    const onOver = (event: MouseEvent) => {
      const target = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-original]');
      if (!target || !container.contains(target)) return setTip(null);
      const box = target.getBoundingClientRect();
      setTip({ original: target.dataset.original ?? '', x: box.left, y: box.bottom + 4 });
    };
    const onLeave = () => setTip(null);
    container.addEventListener('mouseover', onOver);
    container.addEventListener('mouseleave', onLeave);
    return () => {
      container.removeEventListener('mouseover', onOver);
      container.removeEventListener('mouseleave', onLeave);
    };
  }, [container]);

  if (!tip) return null;
  return (
    <div role="tooltip" className="correction-tooltip" style={{ left: tip.x, top: tip.y }}>
      <span className="label">{t('ocrOriginal')}</span>{' '}
      <span className="original">{tip.original === '' ? t('ocrNothing') : visible(tip.original)}</span>
    </div>
  );
}

// Line breaks and spaces in the original are shown as symbols so the tooltip is never blank.
function visible(text: string): string {
  return text.replace(/\n/g, '↵').replace(/ /g, '␣');
}
