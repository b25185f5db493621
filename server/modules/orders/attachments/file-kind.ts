/**
 * What an attachment is, judged by its bytes (magic numbers through file-type), never by its name
 * or the type the browser declared: a renamed program stays a program.
 */
import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';

/** At most 10 MB per file: photos, scans, a few minutes of a call recording. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted kinds as file-type names them, with the content type they are served with. */
const ACCEPTED: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/**
 * The content type to store and serve the file with, or null when it is refused. Plain text has
 * no magic number, so it is taken only when the name says .txt and the bytes are UTF-8 without
 * NUL (a binary file renamed .txt fails that).
 */
export async function attachmentContentType(
  data: Buffer,
  fileName: string,
): Promise<string | null> {
  if (data.length === 0) return null;
  const found = await fileTypeFromBuffer(data);
  if (found) {
    // MPEG-4 audio under other brands (m4b, f4a, f4b) is still MPEG-4 audio; video is not taken.
    if (found.mime === 'audio/mp4' || found.mime === 'audio/x-m4a') return 'audio/mp4';
    const accepted = ACCEPTED[found.ext];
    if (accepted) return accepted;
  }
  if (/\.txt$/i.test(fileName) && isUtf8(data) && !data.includes(0)) return PLAIN_TEXT;
  return null;
}
