// A stand-in case-record app: three children, client-side navigation with
// history.pushState, and a case-note form. All text goes in via textContent.
const CHILDREN = {
  '1000001': { name: 'Amelia Hart', dob: '14/03/2016', worker: 'J. Patel', notes: [] },
  '1000002': { name: 'Noah Bennett', dob: '02/09/2019', worker: 'S. Okafor', notes: [] },
  '1000003': { name: 'Isla Morgan', dob: '27/11/2012', worker: 'R. Quinn', notes: [] },
};

function currentId() {
  const m = /^\/person\/(\w+)/.exec(location.pathname);
  return m ? m[1] : '1000001';
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

function render() {
  const id = currentId();
  const child = CHILDREN[id];
  const header = document.getElementById('person-header');
  if (!child) {
    header.replaceChildren(el('h1', 'Person not found'));
    return;
  }
  document.title = `${child.name} - Person summary - Children's Case Management (demo)`;
  header.replaceChildren(
    el('h1', child.name),
    el('dt', 'Mosaic ID'), el('dd', id, { class: 'person-id' }),
    el('dt', 'Date of birth'), el('dd', child.dob),
    el('dt', 'Allocated worker'), el('dd', child.worker),
  );
  const list = document.getElementById('recorded-notes');
  list.replaceChildren(...child.notes.map((n) => el('li', n)));
}

addEventListener('popstate', render);
document.getElementById('note-save').addEventListener('click', () => {
  const text = document.getElementById('note-text').value || document.getElementById('note-editor').innerText;
  CHILDREN[currentId()]?.notes.push(text);
  document.getElementById('note-status').textContent = 'Note saved.';
  render();
});
renderRecent();
render();
