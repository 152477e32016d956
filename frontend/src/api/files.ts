// Files in and out: contact files to base64 for ImportRequest.content, and
// exports to a download (browser) or the native save dialog (desktop).

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

/** Triggers a browser download of text content. */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  downloadBlob(fileName, mimeType || 'text/plain', content)
}

/** Triggers a browser download of base64 content (binary files such as PDF). */
export function downloadBase64(fileName: string, mimeType: string, contentBase64: string): void {
  downloadBlob(fileName, mimeType, base64ToBytes(contentBase64))
}
