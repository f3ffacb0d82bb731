/**
 * Saves bytes built in main as a file through a Blob download: an <a download> click, which Electron turns into its
 * save dialog and a browser into a download. Needs no CSP change (downloads are not fetches) and no node access.
 */
export function downloadBase64(file: { readonly fileName: string; readonly mimeType: string; readonly base64: string }): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked later, not at once: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
