// The in-page part: a launcher chip and, when open, the extension's panel in an
// iframe. The shadow root keeps host styles and ours apart. It is not what
// keeps escalation details private: those render only inside the
// extension-origin frame, which the host page's scripts cannot read.
const HOST_TAG = 'escalation-companion';

const STYLE = `
:host { all: initial; }
.chip { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; font: 600 14px/1.2 system-ui, sans-serif;
  background: #1d3557; color: #fff; border: 2px solid #fff; border-radius: 999px; padding: 10px 16px; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.chip:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.frame { position: fixed; top: 0; right: 0; width: min(380px, 100vw); height: 100vh; border: 0; border-left: 1px solid #b1b4b6;
  z-index: 2147483645; background: #fff; box-shadow: -2px 0 8px rgba(0,0,0,.15); }
.frame[hidden] { display: none; }
`;

export function mountCompanion(doc: Document, panelUrl: string): HTMLElement {
  const existing = doc.querySelector(HOST_TAG);
  if (existing instanceof HTMLElement) return existing;
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const frame = doc.createElement('iframe');
  frame.className = 'frame';
  frame.title = 'Escalation Companion';
  frame.src = panelUrl;
  frame.hidden = true;
  const chip = doc.createElement('button');
  chip.className = 'chip';
  chip.type = 'button';
  chip.textContent = 'Escalations';
  chip.setAttribute('aria-expanded', 'false');
  chip.addEventListener('click', () => {
    frame.hidden = !frame.hidden;
    chip.setAttribute('aria-expanded', String(!frame.hidden));
  });
  root.append(style, frame, chip);
  doc.documentElement.append(host);
  return host;
}
