// Styles of the in-page badge and the minutes note (inside their own shadow roots, px-sized so the
// portal's root font size cannot scale them). Status is told by icon and word, colour only adds.
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; position: relative;
  font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
:host(:focus) { outline: none; }
.chip { display: inline-flex; align-items: center; gap: 3px; padding: 0 6px; border-radius: 8px;
  border: 1px solid currentColor; white-space: nowrap; cursor: help; background: #fff; }
:host(:focus-visible) .chip, :host(:focus) .chip { box-shadow: 0 0 0 2px #1a56db; }
.error { color: #a4161a; background: #fde8e8; }
.warn { color: #7a4b00; background: #fff4d6; }
.unknown { color: #3b3f46; background: #eef0f3; border-style: dashed; }
.ok { color: #14532d; background: #e6f4ea; }
.tip { display: none; position: fixed; z-index: 2147483646; max-width: 420px; min-width: 260px; padding: 8px 10px;
  background: #fff; color: #111; border: 1px solid #5b6270; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  white-space: normal; text-align: left; }
:host(:hover) .tip, :host(:focus) .tip, :host(:focus-within) .tip { display: block; }
.tip h4 { margin: 0 0 4px; font-size: 12px; }
.tip ul { margin: 0; padding: 0 0 0 16px; }
.tip li { margin: 0 0 6px; }
.tip .rule { font-weight: 600; }
.tip .cite { display: block; color: #4a4f57; font-size: 11px; margin-top: 2px; }
.tip .counted { display: block; color: #4a4f57; font-size: 11px; }
.note { display: inline-block; margin: 4px 0; padding: 4px 8px; border-radius: 6px; border: 1px solid currentColor; }
`;
