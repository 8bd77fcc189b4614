/**
 * Files between the user's disk and main where there is no path: in the browser bridge a picked
 * or dropped file goes to main as base64 bytes (the desktop app sends its path instead:
 * window.masa.pathForFile), and a file main made comes back as bytes that the browser saves
 * (Electron shows its save dialog).
 */

/** The same limit main's contract enforces (preload/contract/api.ts, import.analyzeBytes). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** A File's bytes as base64, read by the browser (FileReader's data URL, without its prefix). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves bytes under a file name through the browser's download (a Blob and an anchor with `download`). */
export function downloadBase64(name: string, base64: string, type: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Late enough for the download to have taken the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
