// Styles of everything the content script shows. Sizes in px (the portal's root font size cannot
// scale them); the status is told by the icon's shape and by words, colour only adds to it.
import { lazy } from '@/utils/lazy';
import { ICONS, iconUrl, type Tone } from './icons';

const TONES: Tone[] = ['error', 'warn', 'unknown', 'ok'];

/**
 * The one stylesheet in the page: the cell outlines and the markers. A marker is an empty element
 * (no text node: the cell's text, which the readers read, is untouched) whose icon is a background;
 * a light mark (big grids) is the same icon as the background of the cell itself, which changes no
 * size: only paint. Made when marks are first written (its icons are encoded then), not on injection.
 */
export const PAGE_CSS = lazy(
  () => `
[data-katip-ui="mark"] { all: initial; display: inline-block !important; box-sizing: border-box !important; width: 16px !important; height: 16px !important;
  margin: 0 0 0 4px !important; padding: 0 !important; vertical-align: -3px !important; cursor: help !important;
  background: no-repeat center / 16px 16px !important; border-radius: 50% !important; }
[data-katip-ui="mark"][data-katip-count]::after { content: attr(data-katip-count); position: relative; left: 15px; top: -6px;
  font: 700 10px/12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; }
[data-katip-ui="mark"]:focus { outline: 2px solid #1a56db !important; outline-offset: 1px !important; }
${TONES.map((t) => `[data-katip-ui="mark"][data-katip-tone="${t}"], [data-katip-mark="${t}"] { background-image: ${iconUrl(t)} !important; }`).join('\n')}
[data-katip-ui="mark"][data-katip-tone="unknown"] { width: 14px !important; height: 14px !important; background-size: 14px 14px !important; opacity: .85; }
[data-katip-mark] { background-repeat: no-repeat !important; background-position: right 2px center !important; background-size: 14px 14px !important; cursor: help !important; }
[data-katip-cell="error"] { outline: 2px solid ${ICONS.error.color} !important; outline-offset: -2px !important; }
[data-katip-cell="warn"] { outline: 2px dashed ${ICONS.warn.color} !important; outline-offset: -2px !important; }
[data-katip-jump] { outline: 3px solid #1a56db !important; outline-offset: 1px !important; }
`,
);

/** Inside the shadow roots of the shared tooltip, the minutes note and the approval bar. */
export const SHADOW_CSS = `
:host { all: initial; font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; }
svg { flex: none; }
.tip { position: fixed; z-index: 2147483646; box-sizing: border-box; width: max-content; max-width: min(440px, calc(100vw - 16px));
  padding: 8px 10px; background: #fff; color: #111; border: 1px solid #5b6270; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); white-space: normal; text-align: left; }
.tip[hidden], .bar[hidden] { display: none; }
.head { display: flex; align-items: center; gap: 6px; margin: 0 0 6px; font-weight: 700; font-size: 12px; }
ul { margin: 0; padding: 0; list-style: none; }
li { display: flex; gap: 6px; align-items: flex-start; margin: 0 0 6px; }
li:last-child { margin-bottom: 0; }
li > svg { margin-top: 1px; }
.title { font-weight: 600; }
.small { display: block; color: #4a4f57; font-size: 11px; margin-top: 2px; }
.id { font: 10px/14px ui-monospace, Menlo, Consolas, monospace; color: #5b6270; }
button { font: inherit; font-size: 12px; margin-top: 4px; padding: 2px 8px; border: 1px solid #1a56db; border-radius: 4px;
  background: #fff; color: #1a56db; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.note { display: inline-flex; gap: 6px; align-items: center; margin: 4px 0; padding: 4px 8px; border-radius: 6px; border: 1px solid currentColor; }
.bar { display: inline-block; box-sizing: border-box; vertical-align: top; max-width: 520px; margin: 0 6px; padding: 6px 8px;
  border: 1px solid currentColor; border-radius: 6px; text-align: left; }
.bar .head { margin-bottom: 4px; }
.bar li { margin: 0 0 3px; }
.error { color: #a4161a; background: #fde8e8; }
.warn { color: #7a4b00; background: #fff4d6; }
.unknown { color: #3b3f46; background: #eef0f3; border-style: dashed; }
.ok { color: #14532d; background: #e6f4ea; }
.bar li, .note span { color: #111; }
`;
