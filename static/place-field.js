// Suggestions as you type for place fields (src/domains/places/views/place-field.tsx), following
// the WAI-ARIA combobox pattern with a list popup. Progressive enhancement only: without this file
// the field is a text input that the server resolves, offering radio buttons when it is ambiguous.
(() => {
  const DELAY_MS = 200;

  /** @param {HTMLElement} root */
  function enhance(root) {
    if (root.dataset.enhanced) return;
    root.dataset.enhanced = 'true';
    const input = /** @type {HTMLInputElement | null} */ (root.querySelector('input[data-suggest-url]'));
    if (!input) return;
    const idName = input.dataset.idField || '';
    const list = document.createElement('ul');
    list.id = `${input.id}-vorschlaege`;
    list.className = 'qn-place-field__list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.dataset.listLabel || '');
    list.hidden = true;
    const status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.className = 'kern-sr-only';
    input.after(list);
    root.append(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    /** @type {HTMLElement[]} */
    let options = [];
    let active = -1;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /** @type {AbortController | undefined} */
    let pending;

    // The chosen id travels in a hidden field placed before any candidate radio buttons, so that
    // it is the first value of that name; it is disabled (not sent) while it does not apply.
    function idField() {
      let field = /** @type {HTMLInputElement | null} */ (root.querySelector(`input[type="hidden"][name="${idName}"]`));
      if (!field) {
        field = document.createElement('input');
        field.type = 'hidden';
        field.name = idName;
        list.after(field);
      }
      return field;
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    /** @param {number} index */
    function highlight(index) {
      active = index;
      options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
      const option = options[index];
      if (!option) return input.removeAttribute('aria-activedescendant');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }

    /** @param {HTMLElement} option */
    function choose(option) {
      input.value = option.dataset.value || '';
      const field = idField();
      field.value = option.dataset.id || '';
      field.disabled = false;
      root.querySelectorAll('input[type="radio"]').forEach((radio) => ((/** @type {HTMLInputElement} */ (radio)).checked = false));
      close();
    }

    /** @param {string} html */
    function show(html) {
      const received = new DOMParser().parseFromString(html, 'text/html').querySelector('ul[role="listbox"]');
      options = received ? Array.from(received.querySelectorAll('li[role="option"]')).map((li) => /** @type {HTMLElement} */ (document.importNode(li, true))) : [];
      options.forEach((option, i) => {
        option.id = `${list.id}-${i}`;
        option.setAttribute('aria-selected', 'false');
        // Keep the focus in the input while clicking an option.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(option));
      });
      list.replaceChildren(...options);
      status.textContent = received?.getAttribute('data-status') || '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = options.length === 0;
      input.setAttribute('aria-expanded', String(options.length > 0));
    }

    async function load() {
      const query = input.value.trim();
      pending?.abort();
      if (query.length < 2) return close();
      pending = new AbortController();
      try {
        const response = await fetch(`${input.dataset.suggestUrl}?q=${encodeURIComponent(query)}`, { signal: pending.signal, headers: { accept: 'text/html' } });
        if (response.ok && document.activeElement === input) show(await response.text());
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) close();
      }
    }

    input.addEventListener('input', () => {
      // What was chosen before no longer matches the text.
      root.querySelectorAll(`input[type="hidden"][name="${idName}"]`).forEach((field) => ((/** @type {HTMLInputElement} */ (field)).disabled = true));
      clearTimeout(timer);
      timer = setTimeout(load, DELAY_MS);
    });
    input.addEventListener('keydown', (event) => {
      const open = !list.hidden;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (options.length === 0) return;
        event.preventDefault();
        if (!open) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if (event.key === 'Enter' && open && active >= 0) {
        event.preventDefault();
        const option = options[active];
        if (option) choose(option);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
    root.querySelectorAll('input[type="radio"]').forEach((radio) =>
      radio.addEventListener('change', () => root.querySelectorAll(`input[type="hidden"][name="${idName}"]`).forEach((field) => ((/** @type {HTMLInputElement} */ (field)).disabled = true))),
    );
  }

  function enhanceAll() {
    document.querySelectorAll('[data-place-field]').forEach((root) => enhance(/** @type {HTMLElement} */ (root)));
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceAll);
  else enhanceAll();
  // Fields that arrive in an htmx swap.
  document.addEventListener('htmx:afterSettle', enhanceAll);
})();
