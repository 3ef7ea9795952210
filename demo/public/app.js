// A stand-in case-record app: three children, client-side navigation with
// history.pushState, and a case-note form. All text goes in via textContent.
// ?redesign: the header as it might look after the supplier changes its markup (the adapter misses it).
// Note editors: ?editor=ckeditor|tinymce|quill|react|reverting (demo/public/editors.js).
// Views: /person/ID (normal), /slow/person/ID (header drawn after a delay),
// /framed/person/ID (the record inside an iframe), ?history=N (a long record), /legacy/person/ID (the ID
// where the adapter does not look, for the picker), /banner/person/ID (the ID only in a sentence, under
// a label the adapter does not know), /help (no child on the
// page), /hostile/KIND (a header whose ID slot holds something that is not an ID), ?corners (a button in
// each corner of the window).
const CHILDREN = {
  1000001: { name: 'Amelia Hart', dob: '14/03/2016', worker: 'J. Patel', notes: [] },
  1000002: { name: 'Noah Bennett', dob: '02/09/2019', worker: 'S. Okafor', notes: [] },
  1000003: {
    name: 'Isla Morgan',
    dob: '27/11/2012',
    worker: 'R. Quinn',
    // A colleague on another machine recorded an escalation in the record's notes.
    notes: ['Home visit. Health visitor disagrees with step-down.\nEscalation ESC-Q7RW2T · Herefordshire stage 2 · due Thu 3 Dec 2026'],
  },
};

const SLOW_MS = 1200;
const HOSTILE = {
  html: '<img src=x onerror="alert(1)">',
  script: '<script>alert(document.cookie)</script>',
  long: '1'.repeat(10000),
  lookalike: '١٠٠٠٠٠١', // Arabic-Indic digits that look like 1000001
};

function currentId() {
  const m = /\/person\/(\w+)/.exec(location.pathname);
  return m ? m[1] : null;
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function renderRecent() {
  const nav = document.getElementById('recent');
  nav.replaceChildren(
    ...Object.entries(CHILDREN).map(([id, child]) => {
      const a = el('a', child.name, { href: `/person/${id}`, 'data-person': id });
      a.addEventListener('click', (event) => {
        event.preventDefault();
        history.pushState({}, '', `/person/${id}`);
        render();
      });
      return a;
    }),
  );
}

function renderHeader(header, name, id, child) {
  if (new URLSearchParams(location.search).has('redesign')) {
    // ?redesign: the supplier changed the header without notice (a grid of cards, a new label).
    const card = el('div', undefined, { class: 'card-grid' });
    card.append(el('span', 'Client number', { class: 'card-label' }), el('span', id, { class: 'card-value' }));
    header.replaceChildren(el('h1', name), card);
    return;
  }
  const facts = el('dl', undefined, { class: 'person-facts' });
  facts.append(
    el('dt', 'Mosaic ID'),
    el('dd', id, { class: 'person-id' }),
    el('dt', 'Date of birth'),
    el('dd', child ? child.dob : 'Not known'),
    el('dt', 'Allocated worker'),
    el('dd', child ? child.worker : 'Unallocated'),
  );
  header.replaceChildren(el('h1', name), facts);
}

function render() {
  const path = location.pathname;
  const header = document.getElementById('person-header');
  if (path.startsWith('/framed/')) {
    // The record opens inside an iframe, as some portals show it.
    document
      .getElementById('record')
      .replaceChildren(
        el('h1', 'Portal'),
        el('iframe', undefined, { src: path.replace('/framed', '') + '?embedded=1', title: 'Person record', class: 'record-frame' }),
      );
    return;
  }
  if (path.startsWith('/hostile/')) {
    const kind = path.split('/')[2];
    renderHeader(header, 'Test person', HOSTILE[kind] ?? '', null);
    return;
  }
  if (path.startsWith('/banner/')) {
    // A screen that shows the ID only in running text, under a label the adapter does not know.
    const id = currentId();
    const child = CHILDREN[id];
    header.replaceChildren(
      el('div', `${child?.name ?? 'Unknown'} (Case ref: ${id}) · born ${child?.dob ?? 'not known'}`, { class: 'banner running-text' }),
    );
    return;
  }
  if (path.startsWith('/legacy/')) {
    // An older screen that shows the ID where the adapter does not look.
    const id = currentId();
    header.replaceChildren(el('h1', CHILDREN[id]?.name ?? 'Unknown'));
    const banner = el('div', undefined, { class: 'banner' });
    banner.append(el('span', 'Ref', { class: 'ref-label' }), document.createTextNode(' '), el('span', id, { class: 'ref-value' }));
    header.append(banner);
    return;
  }
  if (path === '/help' || path === '/') {
    header.replaceChildren(el('h1', 'Help and guidance'), el('p', 'Search for a person to open their record.'));
    return;
  }
  const id = currentId();
  const child = CHILDREN[id];
  if (!child) {
    header.replaceChildren(el('h1', 'Person not found'));
    return;
  }
  if (path.startsWith('/slow/') && !render.slowDone) {
    header.replaceChildren(el('p', 'Loading person…'));
    setTimeout(() => {
      render.slowDone = true;
      render();
    }, SLOW_MS);
    return;
  }
  document.title = `${child.name} - Person summary - Children's Case Management (demo)`;
  renderHeader(header, child.name, id, child);
  const list = document.getElementById('recorded-notes');
  list.replaceChildren(...child.notes.map((n) => el('li', n)));
}

// ?notes=plain shows only the plain textarea; ?notes=none no notes field at all.
const notesVariant = new URLSearchParams(location.search).get('notes');
if (notesVariant === 'plain' || notesVariant === 'none') document.getElementById('note-editor')?.remove();
if (notesVariant === 'none') document.getElementById('note-text')?.closest('label')?.remove();

// ?corners: a button fixed in each corner of the window, where record systems put menus, Save bars, pagination
// and chat widgets (the extension's chip must never cover them). Each click is written under the record.
if (new URLSearchParams(location.search).has('corners')) {
  const clicked = el('p', '', { id: 'corner-clicks', 'aria-live': 'polite' });
  document.getElementById('record').append(clicked);
  for (const [corner, label] of [
    ['top-left', 'Menu'],
    ['top-right', 'Sign out'],
    ['bottom-left', 'Previous page'],
    ['bottom-right', 'Save and close'],
  ]) {
    const button = el('button', label, { type: 'button', class: `corner ${corner}` });
    button.addEventListener('click', () => (clicked.textContent += `${label}. `));
    document.body.append(button);
  }
}

// ?history=N: a long record, N DOM nodes of past case notes (for the benchmark's
// "large record page"). Five nodes per entry: li, time, strong, span, p.
const historyNodes = Math.min(100_000, Number(new URLSearchParams(location.search).get('history')) || 0);
if (historyNodes > 0) {
  const section = el('section', undefined, { class: 'case-history', 'aria-label': 'Case history' });
  const list = el('ol');
  for (let i = 0; i < Math.floor(historyNodes / 5); i++) {
    const item = el('li');
    item.append(
      el('time', `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
      el('strong', i % 3 ? 'Home visit' : 'Strategy discussion'),
      el('span', ` by worker ${i % 40}`),
      el('p', 'Visited the family home; discussed school attendance and the plan. Next review agreed.'),
    );
    list.append(item);
  }
  section.append(el('h2', `Case history (${Math.floor(historyNodes / 5)} entries)`), list);
  document.getElementById('record').append(section);
}

// The app's own listener, as a real case system has: it notices typing and pasting.
for (const id of ['note-text', 'note-editor']) {
  document.getElementById(id)?.addEventListener('input', (event) => {
    const field = event.currentTarget;
    const length = (field.value ?? field.innerText).length;
    document.getElementById('note-status').textContent = `Unsaved changes (${length} characters)`;
  });
}

addEventListener('popstate', render);
// Save reads the note through the editor's own API (demo/public/editors.js), never the DOM underneath it.
window.savedNotes = [];
document.getElementById('note-save').addEventListener('click', () => {
  const { text, html } = window.noteEditor.read();
  window.savedNotes.push({ text, html });
  CHILDREN[currentId()]?.notes.push(text);
  document.getElementById('note-status').textContent = 'Note saved.';
  render();
});
renderRecent();
render();
