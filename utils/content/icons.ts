// The in-page icons, as inline SVG (no emoji and no glyph font: "⛔" showed as a missing-glyph box).
// One shape per tone, so the status never rests on colour alone: a cross in a circle (error), a
// triangle with "!" (warning), a dashed circle with "?" (missing data), a tick (passes).
export type Tone = 'error' | 'warn' | 'unknown' | 'ok';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface IconSpec {
  color: string;
  /** [element, attributes] pairs drawn on a 16 × 16 view box */
  parts: [string, Record<string, string>][];
}

export const ICONS: Record<Tone, IconSpec> = {
  error: {
    color: '#a4161a',
    parts: [
      ['circle', { cx: '8', cy: '8', r: '7', fill: '#a4161a' }],
      ['path', { d: 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6', stroke: '#fff', 'stroke-width': '1.8', 'stroke-linecap': 'round' }],
    ],
  },
  warn: {
    color: '#8a5300',
    parts: [
      ['path', { d: 'M8 1.2l7 13.3H1z', fill: '#b86e00' }],
      ['path', { d: 'M8 5.6v4.4', stroke: '#fff', 'stroke-width': '1.8', 'stroke-linecap': 'round' }],
      ['circle', { cx: '8', cy: '12.3', r: '1', fill: '#fff' }],
    ],
  },
  unknown: {
    color: '#4a4f57',
    parts: [
      ['circle', { cx: '8', cy: '8', r: '6.6', fill: '#fff', stroke: '#5b6270', 'stroke-width': '1.3', 'stroke-dasharray': '2.2 1.6' }],
      ['path', { d: 'M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.8.7-.8 1.3v.3', fill: 'none', stroke: '#3b3f46', 'stroke-width': '1.4', 'stroke-linecap': 'round' }],
      ['circle', { cx: '8', cy: '11.6', r: '.85', fill: '#3b3f46' }],
    ],
  },
  ok: {
    color: '#14532d',
    parts: [
      ['circle', { cx: '8', cy: '8', r: '7', fill: '#1e7b3e' }],
      ['path', { d: 'M4.8 8.3l2.2 2.2 4.2-4.6', fill: 'none', stroke: '#fff', 'stroke-width': '1.8', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
    ],
  },
};

function svgMarkup(tone: Tone): string {
  const parts = ICONS[tone].parts
    .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}='${v}'`).join(' ')}/>`)
    .join('');
  return `<svg xmlns='${SVG_NS}' viewBox='0 0 16 16'>${parts}</svg>`;
}

/** The icon as a CSS url() (for the page stylesheet: the markers hold no child nodes). */
export function iconUrl(tone: Tone): string {
  return `url("data:image/svg+xml,${encodeURIComponent(svgMarkup(tone))}")`;
}

/** The icon as an SVG element (inside the extension's shadow roots), hidden from screen readers. */
export function iconElement(doc: Document, tone: Tone, size = 14): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [tag, attrs] of ICONS[tone].parts) {
    const part = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) part.setAttribute(k, v);
    svg.append(part);
  }
  return svg;
}
