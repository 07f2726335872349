// Forms marked data-api write through the service's own API, as any other client does: the fields become the command's
// JSON (data-type: int, number, list, bool; empty fields are left out), the page's antiforgery token goes in a header,
// and the answer is shown where the secretary is looking. A refusal names the field or the agreement's rule; success
// reloads the page (or goes to data-next) with a short confirmation read out by screen readers.
(() => {
  const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';

  // After the reload the confirmation takes the focus, so a screen reader reads it and Tab goes on from the top of the content.
  const flash = sessionStorage.getItem('governance.flash');
  if (flash) {
    sessionStorage.removeItem('governance.flash');
    const region = document.getElementById('meddelande');
    if (region) {
      region.textContent = flash;
      region.tabIndex = -1;
      region.focus();
    }
  }

  function valueOf(field) {
    const raw = field.value.trim();
    switch (field.dataset.type) {
      case 'int': return raw === '' ? undefined : (/^-?\d+$/.test(raw) ? parseInt(raw, 10) : NaN);
      case 'number': return raw === '' ? undefined : Number(raw.replace(/\s/g, '').replace(',', '.'));
      case 'bool': return field.type === 'checkbox' ? field.checked : raw === 'true';
      default: return raw === '' ? undefined : field.value;
    }
  }

  function setPath(target, path, value) {
    const parts = path.split('.');
    let node = target;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts[parts.length - 1]] = value;
  }

  // The command's JSON, and the fields that are not numbers where numbers are asked for (not sent: answered here).
  function toCommand(form) {
    const command = {};
    const errors = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled || field.type === 'submit' || field.name === '__RequestVerificationToken') continue;
      if (field.dataset.type === 'list') {
        const values = field.type === 'checkbox'
          ? [...form.querySelectorAll(`[name="${field.name}"]:checked`)].map(f => f.value)
          : field.value.split(',').map(v => v.trim()).filter(v => v);
        setPath(command, field.name, values);
        continue;
      }
      // A choice naming several fields at once (data-fields="meetingId itemId"): its value gives each, space-separated.
      if (field.dataset.fields) {
        const values = field.value.split(' ');
        field.dataset.fields.split(' ').forEach((name, i) => setPath(command, name, values[i]));
        continue;
      }
      if ((field.type === 'checkbox' || field.type === 'radio') && field.dataset.type !== 'bool' && !field.checked) continue;
      const value = valueOf(field);
      if (Number.isNaN(value)) errors[field.name] = ['Ange ett tal.'];
      else if (value !== undefined) setPath(command, field.name, value);
    }
    // Parts named in data-omit-empty ("votes") are left out when nothing in them was chosen.
    for (const part of (form.dataset.omitEmpty ?? '').split(' ').filter(p => p)) {
      const value = command[part];
      if (value && Object.values(value).every(v => Array.isArray(v) && v.length === 0)) delete command[part];
    }
    return { command, errors };
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(f => { f.removeAttribute('aria-invalid'); f.removeAttribute('aria-describedby'); });
  }

  function showProblem(form, problem, status) {
    let summary = form.querySelector('.form-problem');
    if (!summary) {
      summary = document.createElement('div');
      summary.className = 'form-problem';
      summary.setAttribute('role', 'alert');
      summary.tabIndex = -1;
      form.prepend(summary);
    }
    const lines = [];
    lines.push(problem.title || (status === 409 ? 'Kunde inte sparas' : 'Något gick fel'));
    if (problem.detail) lines.push(problem.detail);
    if (problem.rule) lines.push(`Regel: ${problem.rule}`);
    if (status === 409 && !problem.rule) lines.push('Någon annan har ändrat uppgifterna sedan sidan laddades. Ladda om sidan och försök igen.');
    summary.replaceChildren(...lines.map(text => Object.assign(document.createElement('p'), { textContent: text })));
    for (const [name, messages] of Object.entries(problem.errors ?? {})) {
      const field = [...form.elements].find(f => f.name && f.name.toLowerCase() === name.toLowerCase());
      const text = Array.isArray(messages) ? messages.join(' ') : String(messages);
      if (field) {
        // The message goes after the field's label (not inside it, where it would become part of the field's name),
        // or at the end of a group of checkboxes, and the field or group points to it.
        const id = `${form.id || 'f'}-${field.name}-fel`.replace(/[^\w-]/g, '-');
        const message = Object.assign(document.createElement('p'), { className: 'field-error', id, textContent: text });
        const group = field.type === 'checkbox' ? field.closest('fieldset') : null;
        const described = group ?? field;
        described.setAttribute('aria-invalid', 'true');
        described.setAttribute('aria-describedby', id);
        if (group) group.append(message);
        else (field.closest('label') ?? field).insertAdjacentElement('afterend', message);
      } else {
        summary.append(Object.assign(document.createElement('p'), { textContent: `${name}: ${text}` }));
      }
    }
    summary.focus();
  }

  document.addEventListener('submit', async event => {
    const form = event.target.closest('form[data-api]');
    if (!form) return;
    event.preventDefault();
    if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
    const button = form.querySelector('button[type="submit"], button:not([type])');
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearProblems(form);
    form.querySelector('.form-problem')?.remove();
    try {
      const multipart = form.enctype === 'multipart/form-data';
      const { command, errors } = multipart ? { command: null, errors: {} } : toCommand(form);
      if (Object.keys(errors).length > 0) { showProblem(form, { title: 'Uppgifterna är inte giltiga', errors }, 400); return; }
      const body = multipart ? new FormData(form) : JSON.stringify(command);
      const headers = { 'RequestVerificationToken': token, 'Accept': 'application/json' };
      if (!multipart) headers['Content-Type'] = 'application/json';
      const response = await fetch(form.dataset.api, { method: 'POST', headers, body, credentials: 'same-origin' });
      const text = await response.text();
      let answer = {};
      try { answer = text ? JSON.parse(text) : {}; } catch { answer = { detail: text }; }
      // A redirect followed to a page (a session that ended) is not a success.
      if (response.status === 401 || response.redirected || !(response.headers.get('content-type') ?? 'application/json').includes('json')) {
        showProblem(form, { title: 'Du behöver logga in igen', detail: 'Inloggningen har gått ut. Ladda om sidan och logga in; inget sparades.' }, response.status);
        return;
      }
      if (!response.ok) { showProblem(form, answer, response.status); return; }
      sessionStorage.setItem('governance.flash', form.dataset.success || 'Sparat.');
      const next = form.dataset.next?.replace(/\{(\w+)\}/g, (_, key) => encodeURIComponent(answer[key] ?? ''));
      if (next) location.assign(next); else location.reload();
    } catch (error) {
      showProblem(form, { title: 'Tjänsten svarar inte', detail: String(error) }, 0);
    } finally {
      if (button) button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
})();

// The quorum indicator of a meeting under way follows arrivals and departures recorded by others.
(() => {
  const panel = document.querySelector('[data-quorum-url][data-live="true"]');
  if (!panel) return;
  const refresh = async () => {
    const response = await fetch(panel.dataset.quorumUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const q = await response.json();
    panel.querySelector('[data-field="at"]').textContent = String(q.at).slice(0, 5).replace(':', '.');
    // The status region is rewritten only when the count changes: a screen reader announces that, not the clock.
    const field = key => panel.querySelector(`[data-field="${key}"]`);
    if (['present', 'members', 'required'].every(key => field(key).textContent === String(q[key]))) return;
    panel.querySelector('strong').textContent = q.met ? 'Beslutsför' : 'Inte beslutsför';
    panel.className = `quorum ${q.met ? 'met' : 'not-met'}`;
    for (const key of ['present', 'members', 'required']) field(key).textContent = q[key];
  };
  setInterval(refresh, 30000);
})();
