import { Type } from 'typebox';
import { MAX_QUERY_LENGTH } from './service.js';

export const placeSchema = Type.Object(
  {
    id: Type.Integer({ description: 'GeoNames id' }),
    name: Type.String(),
    municipalityKey: Type.Union([Type.String({ pattern: '^\\d{8}$' }), Type.Null()], { description: 'Amtlicher Gemeindeschlüssel (8 digits) of the municipality the place belongs to' }),
    stateCode: Type.String({ description: 'ISO 3166-2:DE code without "DE-", e.g. BY' }),
    district: Type.Union([Type.String(), Type.Null()], { description: 'Landkreis or kreisfreie Stadt' }),
    latitude: Type.Number(),
    longitude: Type.Number(),
    population: Type.Integer({ minimum: 0 }),
    postcodes: Type.Array(Type.String({ pattern: '^\\d{5}$' }), { description: 'Postcodes of the place, where the data has them' }),
  },
  { description: 'A German place from the offline gazetteer (GeoNames, CC BY 4.0; postcodes © OpenStreetMap contributors, ODbL)' },
);

export const placesQuery = Type.Object(
  {
    q: Type.String({ maxLength: MAX_QUERY_LENGTH, description: 'Beginning of a place name (typos are tolerated) or of a postcode (2–5 digits)' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'How many places at most' })),
  },
  { additionalProperties: false },
);

export const placesResult = Type.Object({ items: Type.Array(placeSchema, { description: 'Best match first: exact, prefix, contained, similar; then by population' }) });

export const placeIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });
