// The shared components' CSS as a string, for the in-page panel's shadow root (no global stylesheet there).
import css from './components.css?raw';

/** Inject into a shadow root as a <style> text node; the popup and options page import components.css instead. */
export const componentCss: string = css;
