// Styles of the in-page marks. Status is told by icon and word, colour only adds to it; sizes in px
// so the portal's root font size cannot scale them.

/** One stylesheet per page for the badges: light elements with no text nodes (their word comes from
 * an attribute through ::before), so the portal's cell text, which the readers read, is untouched. */
export const PAGE_CSS = `
[data-katip-ui="badge"] { all: initial; display: inline-block !important; box-sizing: border-box; margin: 0 4px !important;
  padding: 0 6px !important; border: 1px solid currentColor !important; border-radius: 8px !important;
  font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif !important; white-space: nowrap !important;
  vertical-align: middle !important; cursor: help !important; }
[data-katip-ui="badge"]::before { content: attr(data-katip-label); }
[data-katip-ui="badge"]:focus { outline: 2px solid #1a56db !important; outline-offset: 1px !important; }
[data-katip-ui="badge"][data-katip-tone="error"] { color: #a4161a !important; background: #fde8e8 !important; }
[data-katip-ui="badge"][data-katip-tone="warn"] { color: #7a4b00 !important; background: #fff4d6 !important; }
[data-katip-ui="badge"][data-katip-tone="unknown"] { color: #3b3f46 !important; background: #eef0f3 !important; border-style: dashed !important; }
[data-katip-ui="badge"][data-katip-tone="ok"] { color: #14532d !important; background: #e6f4ea !important; }
`;

/** Inside the shadow roots of the shared tooltip and the minutes note. */
export const BADGE_CSS = `
:host { all: initial; font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.tip { position: fixed; z-index: 2147483646; max-width: 420px; min-width: 260px; padding: 8px 10px;
  background: #fff; color: #111; border: 1px solid #5b6270; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  white-space: normal; text-align: left; }
.tip[hidden] { display: none; }
.tip h4 { margin: 0 0 4px; font-size: 12px; }
.tip ul { margin: 0; padding: 0 0 0 16px; }
.tip li { margin: 0 0 6px; }
.tip .rule { font-weight: 600; }
.tip .cite, .tip .counted { display: block; color: #4a4f57; font-size: 11px; margin-top: 2px; }
.note { display: inline-block; margin: 4px 0; padding: 4px 8px; border-radius: 6px; border: 1px solid currentColor; }
.error { color: #a4161a; background: #fde8e8; }
.unknown { color: #3b3f46; background: #eef0f3; border-style: dashed; }
.ok { color: #14532d; background: #e6f4ea; }
`;
