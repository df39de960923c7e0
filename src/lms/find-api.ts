/** The global names of the two SCORM runtimes, as the standards spell them. */
export const ApiName = { scorm12: 'API', scorm2004: 'API_1484_11' } as const;
export type ApiName = (typeof ApiName)[keyof typeof ApiName];

/** ADL's discovery algorithm gives up after this many parents: a guard against odd frame loops. */
const MAX_TRIES = 500;

type Lookup = Window & Partial<Record<ApiName, unknown>>;

function search(start: Window, name: ApiName): unknown {
  let win = start as Lookup;
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    try {
      const api = win[name];
      if (api) return api;
    } catch {
      // A cross-origin frame cannot be read: the API is not there, keep climbing.
    }
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

/**
 * Finds an LMS runtime object the standard way (SCORM RTE, ADL's `GetAPI`): this window and its
 * parents, then the window that opened it (and that window's parents), then the opener of the
 * top window — LMSs launch content in a frame or in a pop-up.
 */
export function findApi(name: ApiName, from: Window = window): unknown {
  const found =
    search(from, name) ??
    (from.opener ? search(from.opener as Window, name) : null) ??
    (from.top && from.top !== from && from.top.opener
      ? search(from.top.opener as Window, name)
      : null);
  return found ?? null;
}
