// Uploads a file to the media API (POST /api/media) with XMLHttpRequest, which, unlike fetch, reports upload
// progress. The body is the file itself and Content-Type its type as the browser knows it; the server recognises the
// type from the bytes and refuses a mismatch. Resolves with the stored media (MediaView); rejects with ApiError
// carrying the server's problem document, as api() does.
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { token } from './session.js';

/**
 * Uploads `file`. Options: onProgress(fraction 0..1), signal (an AbortSignal).
 * @returns {Promise<object>} the stored media: id, url, kind, contentType, thumbnails...
 */
export function uploadMedia(file, { onProgress = () => {}, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = new URL('/api/media', location.origin);
    if (file.name) url.searchParams.set('name', file.name);
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    const bearer = token();
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status === 201 && data) {
        onProgress(1);
        resolve(data);
        return;
      }
      const problem = data && typeof data === 'object' ? data
        : { type: '/problems/http', title: t('common:errors.http', { status: xhr.status }) };
      reject(new ApiError(xhr.status, problem));
    };
    xhr.onerror = () => reject(new ApiError(0, { type: '/problems/network', title: t('common:errors.network'),
      detail: t('common:errors.network') }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** The Markdown that shows an uploaded media in a message: an image, or a link to the file. */
export function mediaMarkdown(media, fileName) {
  const label = (fileName || media.fileName || media.id).replace(/[[\]\\]/g, '');
  if (media.kind === 'image') {
    const alt = media.alt || label.replace(/\.[A-Za-z0-9]{1,5}$/, '');
    return `![${alt}](${media.url})`;
  }
  return `[${label}](${location.origin}${media.url})`;
}
