/** Saves text as a file through a temporary link (extension pages only). */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke once the browser had a chance to read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
