// Icons as inline SVG (no icon font, no emoji: nothing that can show as a missing-glyph box).
// Always beside a word: the icon is decoration (aria-hidden), the word carries the meaning.

export type IconName = 'error' | 'warn' | 'needs-data' | 'ok' | 'ended' | 'jump' | 'profile' | 'panel' | 'settings' | 'audit' | 'search' | 'chevron' | 'download' | 'info';

const PATHS: Record<IconName, string> = {
  // a circle with a cross
  error: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-2.3 3.2L8 7l2.3-2.3 1 1L9 8l2.3 2.3-1 1L8 9l-2.3 2.3-1-1L7 8 4.7 5.7Z',
  // a triangle with an exclamation mark
  warn: 'M8 1.2 15.2 14H.8L8 1.2Zm-.8 4.3v4.2h1.6V5.5Zm0 5.4v1.6h1.6v-1.6Z',
  // a circle with a question mark
  'needs-data':
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 2.6c1.5 0 2.6 1 2.6 2.3 0 1-.6 1.6-1.3 2-.4.3-.5.5-.5 1v.3H7.2v-.4c0-.9.4-1.4 1-1.8.5-.3.8-.6.8-1.1 0-.5-.4-.9-1-.9s-1 .4-1.1 1H5.4c.1-1.5 1.1-2.4 2.6-2.4Zm-.8 6.6h1.6v1.5H7.2Z',
  // a circle with a tick
  ok: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3 3.8 1 1-5 5-3-3 1-1 2 2Z',
  // a circle with a bar (ended / not judged)
  ended: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-3.5 5.7h7v1.6h-7Z',
  // an arrow into a box
  jump: 'M9 2h5v5h-1.6V4.7L8.6 8.6 7.4 7.4l3.9-3.8H9ZM2 4h5v1.6H3.6v6.8h6.8V9H12v5H2Z',
  // a person with a plus
  profile: 'M6 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6Zm0 7c2.8 0 5 1.3 5 3v2H1v-2c0-1.7 2.2-3 5-3Zm7-4h1.5v1.5H16V8h-1.5v1.5H13V8h-1.5V6.5H13Z',
  // a window with a side bar
  panel: 'M1.5 2.5h13v11h-13Zm1.6 1.6v7.8h6.2V4.1Zm7.8 0v7.8h2V4.1Z',
  // a gear-like cog (simple)
  settings:
    'M7 1h2l.4 1.8 1.3.6 1.6-1 1.4 1.4-1 1.6.6 1.3L15 7v2l-1.8.4-.6 1.3 1 1.6-1.4 1.4-1.6-1-1.3.6L9 15H7l-.4-1.8-1.3-.6-1.6 1-1.4-1.4 1-1.6-.6-1.3L1 9V7l1.8-.4.6-1.3-1-1.6 1.4-1.4 1.6 1 1.3-.6Zm1 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  // a clipboard with lines
  audit: 'M5 1.5h6V3h2.5v11.5h-11V3H5Zm1.5 1.5v1h3V3ZM4 4.5v8.5h8V4.5h-1v1H5v-1Zm1.5 3h5V9h-5Zm0 2.5h5v1.5h-5Z',
  // a magnifier
  search: 'M6.5 1.5a5 5 0 0 1 4 8l3.8 3.8-1.1 1.1-3.8-3.8a5 5 0 1 1-2.9-9.1Zm0 1.6a3.4 3.4 0 1 0 0 6.8 3.4 3.4 0 0 0 0-6.8Z',
  // a right-pointing chevron
  chevron: 'M5.5 3 6.6 1.9 12.7 8l-6.1 6.1-1.1-1.1L10.5 8Z',
  // a circle with an i
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-.8 3h1.6V6H7.2Zm0 2.5h1.6v4.5H7.2Z',
  // an arrow down onto a tray
  download: 'M7.2 1.5h1.6v6.6l2.3-2.3 1.1 1.1L8 11.1 3.8 6.9l1.1-1.1 2.3 2.3ZM2 10.5h1.6v2.4h8.8v-2.4H14v4H2Z',
};

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={`katip-icon katip-icon-${name}${className ? ` ${className}` : ''}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      <path fillRule="evenodd" d={PATHS[name]} />
    </svg>
  );
}
