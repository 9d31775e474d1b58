import { Chart } from 'chart.js';

/// Gives the dashboard's charts (chart.js) the theme's text and grid-line colours, read from the palette's CSS
/// custom properties, and redraws the charts already shown. Chart.js draws on a canvas, so the page's CSS does not
/// reach its labels; without this its default grey text is hard to read on the dark panel.
export function applyChartTheme(): void {
  const style = getComputedStyle(document.documentElement);
  const muted = style.getPropertyValue('--muted').trim();
  const line = style.getPropertyValue('--line').trim();
  if (muted !== '') Chart.defaults.color = muted;
  if (line !== '') Chart.defaults.borderColor = line;
  for (const chart of Object.values(Chart.instances)) chart.update('none');
}
