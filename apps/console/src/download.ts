/** The file name the API gave a download (Content-Disposition), else `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Saves bytes fetched with the bearer token (a plain link could not send it) as a file, as a
 * browser saves a download.
 */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the bytes over; revoke once the browser had a turn to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file the API answered (fetched through the typed client with `parseAs: 'blob'`) under the name it gave; returns that name. */
export function saveDownload(blob: Blob, response: Response, fallbackName: string): string {
  const name = fileNameOf(response, fallbackName);
  saveFile(blob, name);
  return name;
}
