// Toasts: short messages in a polite live region (errors are assertive), so that nothing fails silently.
let region;

function host() {
  if (!region) {
    region = document.createElement('div');
    region.className = 'toasts';
    document.body.append(region);
  }
  return region;
}

/** Shows a message for a few seconds. kind: "info" | "success" | "error". */
export function notify(message, kind = 'info', { timeout = kind === 'error' ? 8000 : 4000 } = {}) {
  const toast = document.createElement('div');
  toast.className = `toast toast-${kind}`;
  toast.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  toast.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.setAttribute('aria-label', '×');
  close.textContent = '×';
  close.addEventListener('click', () => toast.remove());
  toast.append(close);
  host().append(toast);
  setTimeout(() => toast.remove(), timeout);
  return toast;
}

/** Shows an error (an ApiError or any Error) as a toast. */
export function notifyError(error) {
  console.error(error);
  return notify(error?.message || String(error), 'error');
}
