/** Saves a blob as a file: an object URL on a temporary `<a download>`, clicked and removed. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file name: lowercase words joined by dashes, with the extension ("norm-histogram.svg"). */
export function exportFileName(base: string, extension: 'svg' | 'png' | 'csv'): string {
  const slug = base
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'figure' : slug}.${extension}`;
}
