// Files in and out: contact files to base64 for ImportRequest.content, and
// exports to a download (browser) or the native save dialog (desktop).
import { isDesktop } from './shim'

/** Encodes bytes as base64 without blowing the call stack on big files. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    bin += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(bin)
}

/** Reads a File (or Blob) into an ArrayBuffer, with a FileReader fallback. */
export function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer()
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(r.result as ArrayBuffer)
    r.onerror = () => reject(r.error?.message ?? 'Could not read the file')
    r.readAsArrayBuffer(file)
  })
}

/** Decodes base64 (as Go encodes []byte) into bytes. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Triggers a browser download of a Blob's worth of data. */
export function downloadBlob(fileName: string, mimeType: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType || 'application/octet-stream' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** An exported file as the backend sends it: text in content, or bytes in contentBase64. */
export interface ExportedFile {
  fileName: string
  mimeType: string
  content?: string
  contentBase64?: string
}

/** Where an export went: the chosen path (desktop) or the downloaded file's name and size (browser). */
export interface Saved {
  where: string
  /** Bytes downloaded; 0 on the desktop, where the backend writes the file. */
  size: number
  downloaded: boolean
}

/**
 * Saves an export, the one way for every export. Desktop: saveAs shows the
 * native save dialog (a bound Save* method) and answers the chosen path, ""
 * when cancelled. Browser: render fetches the file, which is downloaded.
 * Returns null when cancelled.
 */
export async function saveOrDownload(
  saveAs: () => Promise<string>,
  render: () => Promise<ExportedFile>,
): Promise<Saved | null> {
  if (isDesktop()) {
    const path = await saveAs()
    return path ? { where: path, size: 0, downloaded: false } : null
  }
  const f = await render()
  const data =
    f.contentBase64 !== undefined ? base64ToBytes(f.contentBase64) : new TextEncoder().encode(f.content ?? '')
  downloadBlob(f.fileName, f.mimeType || 'text/plain', data)
  return { where: f.fileName, size: data.length, downloaded: true }
}

/** "Saved to <path>" on the desktop, "Downloaded <name>" in the browser. */
export function savedText(s: Saved): string {
  return s.downloaded ? `Downloaded ${s.where}` : `Saved to ${s.where}`
}
