/**
 * Saves a file the API answered. Exports need the bearer token, so a plain link cannot fetch them: the
 * page asks through the typed client (`parseAs: 'blob'`) and hands the bytes to the browser here, under
 * the name the API gave in Content-Disposition.
 */
export function saveDownload(blob: Blob, response: Response, fallbackName: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the bytes over; revoke once the browser had a turn to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}
