/** MIME type of the files the game writes and offers to open. */
const JSON_TYPE = 'application/json';
/** What the file dialog offers by default. */
const JSON_FILES = `.json,${JSON_TYPE}`;
/** Long enough for the browser to start the download before the object URL goes away. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves `text` as a download named `filename`, through a temporary link (browser only). Call it
 * from a key or click handler: browsers only allow downloads a person asked for.
 */
export function downloadText(filename: string, text: string, type: string = JSON_TYPE): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, REVOKE_AFTER_MS);
}

/**
 * Asks the player for a file and resolves with its text, or null when they cancel or it cannot be
 * read (browser only). Must be called synchronously from a key or click handler: the file dialog
 * needs the user's gesture.
 */
export function pickTextFile(accept = JSON_FILES): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (text: string | null) => {
      input.remove();
      resolve(text);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        finish(null);
        return;
      }
      file.text().then(finish, () => {
        finish(null);
      });
    });
    input.addEventListener('cancel', () => {
      finish(null);
    });
    document.body.append(input);
    input.click();
  });
}
