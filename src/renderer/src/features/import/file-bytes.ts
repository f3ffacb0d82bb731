/** A picked file as base64 for the IPC call (main parses it; the renderer never interprets the bytes). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  // In chunks: String.fromCharCode with a whole 10 MB file as arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}
