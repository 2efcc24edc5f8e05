/** Saves a file the backend sent as base64 (an export, a package) through the browser's download. */
export function saveBase64File(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes]));
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(a.href);
}
