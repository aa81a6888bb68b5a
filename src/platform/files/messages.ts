import { defineMessages, translator, type Locale } from '../i18n/index.js';
import type { ImageLimits, ImageProblem } from './images.js';

/** Why an uploaded image was refused, in words people can act on. */
export const fileMessages = defineMessages({
  de: {
    'image.required': 'Bitte wählen Sie eine Bilddatei aus.',
    'image.not_image': 'Die Datei ist kein Bild, das wir anzeigen können. Erlaubt sind Fotos und Logos als JPEG, PNG oder WebP.',
    'image.unsupported_type': 'Dieses Bildformat nehmen wir nicht an. Erlaubt sind JPEG, PNG und WebP (kein SVG, kein GIF).',
    'image.too_large': 'Die Datei ist größer als {mb} MB. Bitte verkleinern Sie das Bild und versuchen Sie es noch einmal.',
    'image.too_many_pixels': 'Das Bild hat zu viele Pixel: höchstens {side} Pixel an jeder Seite und {megapixels} Megapixel insgesamt.',
  },
  en: {
    'image.required': 'Please choose an image file.',
    'image.not_image': 'The file is not an image we can show. Photos and logos are accepted as JPEG, PNG or WebP.',
    'image.unsupported_type': 'We do not accept this image format. Please use JPEG, PNG or WebP (no SVG, no GIF).',
    'image.too_large': 'The file is larger than {mb} MB. Please make the image smaller and try again.',
    'image.too_many_pixels': 'The image has too many pixels: at most {side} pixels on each side and {megapixels} megapixels in all.',
  },
});

/** The message for a refused image, with the limits filled in. */
export function imageProblemText(locale: Locale, problem: ImageProblem | 'required', limits: ImageLimits): string {
  const t = translator(fileMessages, locale);
  const number = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB');
  return t(`image.${problem}`, {
    mb: number.format(limits.maxBytes / (1024 * 1024)),
    side: number.format(limits.maxSide),
    megapixels: number.format(limits.maxPixels / 1_000_000),
  });
}
