import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';

/**
 * Checks an uploaded image by its bytes, never by its name or the browser's claim: the type is
 * sniffed from the content, the dimensions are read from the header without decoding, so a
 * decompression bomb (a small file that claims a huge picture) is refused before anyone decodes it.
 */

/** Raster formats every browser shows. Never SVG: it can carry script. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** image-size's names for the same formats. */
const sizeTypes: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export interface ImageLimits {
  maxBytes: number;
  /** width × height */
  maxPixels: number;
  maxSide: number;
}

export type ImageProblem = 'not_image' | 'unsupported_type' | 'too_large' | 'too_many_pixels';

export type ImageCheck = { ok: true; contentType: ImageType; width: number; height: number } | { ok: false; problem: ImageProblem };

export async function inspectImage(bytes: Uint8Array, limits: ImageLimits): Promise<ImageCheck> {
  if (bytes.byteLength > limits.maxBytes) return { ok: false, problem: 'too_large' };
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed) return { ok: false, problem: 'not_image' };
  const contentType = IMAGE_TYPES.find((type) => type === sniffed.mime);
  if (!contentType) return { ok: false, problem: sniffed.mime.startsWith('image/') ? 'unsupported_type' : 'not_image' };
  const size = readSize(bytes);
  if (!size || size.type !== sizeTypes[contentType] || !(size.width > 0) || !(size.height > 0)) return { ok: false, problem: 'not_image' };
  if (size.width > limits.maxSide || size.height > limits.maxSide || size.width * size.height > limits.maxPixels) return { ok: false, problem: 'too_many_pixels' };
  // EXIF orientations 5–8 turn the picture by 90°: the browser shows it with width and height swapped.
  const turned = size.orientation !== undefined && size.orientation >= 5;
  return { ok: true, contentType, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}

function readSize(bytes: Uint8Array) {
  try {
    // On a copy with a buffer of its own: image-size reads through DataViews on the whole underlying
    // buffer, so a truncated header in a pooled Buffer would read its neighbours' bytes as dimensions.
    return imageSize(new Uint8Array(bytes));
  } catch {
    return null; // a header it cannot read: truncated or not the image it claims to be
  }
}
