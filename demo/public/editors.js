// The note editor the demo's case-note form uses, chosen with ?editor=… so the demo and the browser
// tests meet real editors, each self-hosted from node_modules (demo/server.mjs serves /vendor/):
//   (none)     a bare contenteditable and a plain textarea (the original demo form)
//   ckeditor   CKEditor 5 (classic), which owns its document model
//   tinymce    TinyMCE, whose editable body is inside an iframe
//   quill      Quill, which keeps its own delta model
//   react      a React-controlled textarea (React's value tracker)
//   reverting  an editor that undoes every change it did not make itself (accepts no paste, no foreign DOM)
// &draft=TEXT opens the editor holding a draft saved earlier, as case systems restore one.
// Saving reads the note through the editor's own API (window.noteEditor.read()), as a real system does.
(function () {
  const params = new URLSearchParams(location.search);
  const kind = params.get('editor');
  const draft = params.get('draft') ?? '';
  const form = document.getElementById('notes');
  const ready = () => form.setAttribute('data-editor-ready', kind ?? 'default');

  const htmlToText = (html) => {
    // The demo's own reading of its editor's HTML: block elements become lines. Parsed inertly, shown as text.
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    const lines = [];
    const walk = (node, line) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) line.push(child.data);
        else if (/^(P|H[1-6]|LI|DIV|UL|OL|BLOCKQUOTE)$/.test(child.nodeName)) {
          if (line.length) lines.push(line.splice(0).join(''));
          const inner = [];
          walk(child, inner);
          if (inner.length) lines.push((child.nodeName === 'LI' ? '- ' : '') + inner.join(''));
        } else if (child.nodeName === 'BR') lines.push(line.splice(0).join(''));
        else walk(child, line);
      }
    };
    const rest = [];
    walk(body, rest);
    if (rest.length) lines.push(rest.join(''));
    return lines.join('\n').replace(/\u00a0/g, ' ');
  };

  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject });
      document.head.append(script);
    });
  const loadStyle = (href) => document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));

  // The default form's two fields stay for the original demo; a chosen editor replaces them with one note field.
  const richDefault = document.getElementById('note-editor');
  const plainDefault = document.getElementById('note-text');
  window.noteEditor = {
    read: () => {
      const text = plainDefault?.value || richDefault?.innerText || '';
      return { text, html: null };
    },
  };
  if (!kind) return ready();

  const label = Object.assign(document.createElement('label'), { htmlFor: 'note-body', textContent: `Note (${kind})` });
  const source = Object.assign(document.createElement('textarea'), { id: 'note-body', name: 'note', rows: 8, cols: 70, value: draft });
  richDefault?.remove();
  plainDefault?.closest('label')?.remove();
  document.getElementById('editor-label')?.remove();
  document.getElementById('note-status').before(label, source);

  const editors = {
    async ckeditor() {
      loadStyle('/vendor/ckeditor5/dist/browser/ckeditor5.css');
      await loadScript('/vendor/ckeditor5/dist/browser/ckeditor5.umd.js');
      const { ClassicEditor, Essentials, Paragraph, Heading, List, Bold, Italic } = window.CKEDITOR;
      const editor = await ClassicEditor.create(source, {
        licenseKey: 'GPL',
        plugins: [Essentials, Paragraph, Heading, List, Bold, Italic],
        toolbar: ['heading', 'bold', 'italic', 'bulletedList', 'numberedList'],
        heading: {
          options: [
            { model: 'paragraph', title: 'Paragraph' },
            { model: 'heading3', view: 'h3', title: 'Heading 3' },
            { model: 'heading4', view: 'h4', title: 'Heading 4' },
          ],
        },
      });
      return () => editor.getData();
    },
    async tinymce() {
      await loadScript('/vendor/tinymce/tinymce.min.js');
      const [editor] = await window.tinymce.init({
        target: source,
        license_key: 'gpl',
        base_url: '/vendor/tinymce',
        suffix: '.min',
        plugins: 'lists',
        menubar: false,
        promotion: false,
        branding: false,
        height: 260,
      });
      return () => editor.getContent();
    },
    async quill() {
      loadStyle('/vendor/quill/dist/quill.snow.css');
      await loadScript('/vendor/quill/dist/quill.js');
      const holder = document.createElement('div');
      holder.id = 'note-quill';
      source.replaceWith(holder);
      label.remove();
      const quill = new window.Quill(holder, {
        theme: 'snow',
        modules: { toolbar: [[{ header: [3, 4, false] }], ['bold', 'italic'], [{ list: 'bullet' }]] },
      });
      quill.root.setAttribute('aria-label', 'Note (quill)');
      if (draft) quill.setText(draft);
      return () => quill.getSemanticHTML();
    },
    async react() {
      await loadScript('/vendor/react/umd/react.production.min.js');
      await loadScript('/vendor/react-dom/umd/react-dom.production.min.js');
      const { createElement: h, useState } = window.React;
      let current = '';
      function NoteField() {
        const [value, setValue] = useState(draft);
        current = value;
        return h('textarea', { id: 'note-body', name: 'note', rows: 8, cols: 70, value, onChange: (e) => setValue(e.target.value) });
      }
      const holder = document.createElement('div');
      source.replaceWith(holder);
      window.ReactDOM.createRoot(holder).render(h(NoteField));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { text: () => current };
    },
    async reverting() {
      // Keeps its own model (paragraphs of text); only keys typed in it change the model, and any other change to
      // its DOM is put back within a task, as editors that own their document do. Paste is ignored.
      const holder = Object.assign(document.createElement('div'), {
        id: 'note-reverting',
        contentEditable: 'true',
        className: 'rich-editor',
      });
      holder.setAttribute('role', 'textbox');
      holder.setAttribute('aria-multiline', 'true');
      holder.setAttribute('aria-label', 'Note (reverting)');
      source.replaceWith(holder);
      label.remove();
      const model = [draft];
      const render = () => {
        observer.disconnect();
        holder.replaceChildren(...model.map((line) => Object.assign(document.createElement('p'), { textContent: line || '\u200b' })));
        const selection = getSelection();
        const last = holder.lastChild.firstChild;
        if (document.activeElement === holder) selection.setBaseAndExtent(last, last.length, last, last.length);
        observer.observe(holder, { childList: true, characterData: true, subtree: true });
      };
      const observer = new MutationObserver(() => setTimeout(render, 0));
      holder.addEventListener('beforeinput', (event) => {
        event.preventDefault();
        if (event.inputType === 'insertText' && event.isTrusted) model[model.length - 1] += event.data;
        if (event.inputType === 'insertParagraph' && event.isTrusted) model.push('');
        render();
      });
      holder.addEventListener('paste', (event) => event.preventDefault()); // "accepts" the paste and does nothing
      render();
      return () => model.map((line) => `<p>${line.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join('');
    },
  };
  const start = editors[kind];
  if (!start) return ready();
  start().then((read) => {
    window.noteEditor = {
      read: () => {
        if (typeof read === 'function') {
          const html = read();
          return { html, text: htmlToText(html) };
        }
        return { html: null, text: read.text() };
      },
    };
    ready();
  });
})();
