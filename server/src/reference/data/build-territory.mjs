// Builds territory-63.json: cantons, circonscriptions, EPCI and competent force of every commune.
// Run once by hand: node server/src/reference/data/build-territory.mjs <path to epci.json>
// (epci.json from the npm package @etalab/decoupage-administratif@6.0.0, Licence Ouverte).
// EPCI membership is real (DGCL via Etalab). Cantons, circonscriptions and security-force units
// are an APPROXIMATION (no COG canton file was reachable): every commune goes to the nearest
// seat of its kind. Each such value carries `toConfirm: true` until checked against the COG,
// the décret of the circonscriptions and the ministry's « compétence territoriale » file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [header, ...rows] = readFileSync(join(here, 'communes-63.csv'), 'utf8').trim().split('\n');
const cols = header.split(',');
const communes = rows.map((r) => {
  const v = r.split(',');
  const o = Object.fromEntries(cols.map((c, i) => [c, v[i]]));
  return { insee: o.code, name: o.nom, arr: o.arrondissement, arrName: o.arrondissementNom, lon: +o.lon, lat: +o.lat };
});
const byName = new Map(communes.map((c) => [c.name, c]));
const at = (name) => {
  const c = byName.get(name);
  if (!c) throw new Error(`no commune ${name}`);
  return c;
};

// 2015 cantons, the commune that is their seat (bureau centralisateur) and their circonscription.
const CANTONS = [
  ['Aigueperse', 'Aigueperse', '6302'],
  ['Ambert', 'Ambert', '6305'],
  ['Aubière', 'Aubière', '6301'],
  ['Beaumont', 'Beaumont', '6301'],
  ['Billom', 'Billom', '6303'],
  ['Brassac-les-Mines', 'Brassac-les-Mines', '6303'],
  ['Chamalières', 'Chamalières', '6303'],
  ['Châtel-Guyon', 'Châtel-Guyon', '6302'],
  ['Clermont-Ferrand-1', 'Clermont-Ferrand', '6301'],
  ['Clermont-Ferrand-2', 'Clermont-Ferrand', '6301'],
  ['Clermont-Ferrand-3', 'Clermont-Ferrand', '6301'],
  ['Clermont-Ferrand-4', 'Clermont-Ferrand', '6302'],
  ['Clermont-Ferrand-5', 'Clermont-Ferrand', '6302'],
  ['Clermont-Ferrand-6', 'Clermont-Ferrand', '6303'],
  ["Cournon-d'Auvergne", "Cournon-d'Auvergne", '6301'],
  ['Gerzat', 'Gerzat', '6302'],
  ['Issoire', 'Issoire', '6303'],
  ['Lezoux', 'Lezoux', '6305'],
  ['Maringues', 'Maringues', '6302'],
  ['Les Martres-de-Veyre', 'Les Martres-de-Veyre', '6301'],
  ['Les Monts du Livradois', 'Cunlhat', '6305'],
  ['Orcines', 'Orcines', '6304'],
  ['Pont-du-Château', 'Pont-du-Château', '6302'],
  ['Riom', 'Riom', '6302'],
  ['Saint-Éloy-les-Mines', 'Saint-Éloy-les-Mines', '6304'],
  ['Saint-Georges-de-Mons', 'Saint-Georges-de-Mons', '6304'],
  ['Saint-Ours', 'Saint-Ours', '6304'],
  ['Le Sancy', 'Besse-et-Saint-Anastaise', '6304'],
  ['Thiers', 'Thiers', '6305'],
  ['Vic-le-Comte', 'Vic-le-Comte', '6303'],
];
const ORDINAL = { '6301': '1re', '6302': '2e', '6303': '3e', '6304': '4e', '6305': '5e' };
const circonscriptions = Object.entries(ORDINAL).map(([code, ord]) => ({
  code,
  name: `${ord} circonscription du Puy-de-Dôme`,
  toConfirm: true,
}));
const cantons = CANTONS.map(([name, seat, circ], i) => ({
  code: `63${String(i + 1).padStart(2, '0')}`,
  name,
  seatInsee: at(seat).insee,
  circonscriptionCode: circ,
  toConfirm: true,
}));

// Police: communes of the circonscriptions de sécurité publique; the rest is gendarmerie.
const POLICE = {
  'Clermont-Ferrand': ['Clermont-Ferrand', 'Chamalières', 'Royat', 'Beaumont', 'Aubière', "Cournon-d'Auvergne"],
  Riom: ['Riom', 'Mozac'],
  Thiers: ['Thiers'],
  Issoire: ['Issoire'],
};
const police = new Map();
for (const [csp, names] of Object.entries(POLICE)) for (const n of names) police.set(at(n).insee, csp);
const BRIGADES = [
  ...new Set([
    ...CANTONS.map(([, seat]) => seat).filter((s) => !police.has(at(s).insee) && s !== 'Clermont-Ferrand'),
    'Arlanc', 'Viverols', 'Olliergues', 'Saint-Anthème', 'Courpière', 'Puy-Guillaume',
    'Saint-Rémy-sur-Durolle', 'Sauxillanges', 'Ardes', 'Champeix', 'Rochefort-Montagne', 'Tauves',
    'La Bourboule', 'Pontgibaud', 'Manzat', 'Combronde', 'Ennezat', 'Randan', "Saint-Dier-d'Auvergne",
    'Jumeaux', 'Herment', 'Bourg-Lastic', 'Giat', 'Saint-Amant-Tallende', 'Pionsat',
    'Montaigut-en-Combraille', 'Menat', 'Lempdes', 'Romagnat', 'Volvic', "Saint-Gervais-d'Auvergne",
    'Pontaumur', "Saint-Germain-l'Herm", 'Cébazat',
  ]),
].map(at);

/** « de Riom », « d'Issoire », « du Cendre », « des Martres-de-Veyre ». */
const of = (name) =>
  name.startsWith('Le ') ? `du ${name.slice(3)}` : name.startsWith('Les ') ? `des ${name.slice(4)}`
    : /^[AEIOUYÂÉÈÊÎÔÛ]/i.test(name) ? `d'${name}` : `de ${name}`;

// distance on a small area: equirectangular is plenty to pick the nearest seat
const dist = (a, b) => Math.hypot((a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180), a.lat - b.lat);
const nearest = (c, list, key = (x) => x) => list.reduce((best, x) => (dist(c, key(x)) < dist(c, key(best)) ? x : best));

const epciSource = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const epcis = epciSource
  .filter((e) => e.membres.some((m) => m.code.startsWith('63')))
  .map((e) => ({ siren: e.code, name: e.nom, kind: e.type, members: e.membres.map((m) => m.code).sort() }))
  .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
const epciOf = new Map(epcis.flatMap((e) => e.members.map((m) => [m, e.siren])));

const clermont = at('Clermont-Ferrand').insee;
const ruralCantons = cantons.filter((k) => k.seatInsee !== clermont);
const out = {};
for (const c of communes) {
  const inCantons =
    c.insee === clermont
      ? cantons.filter((k) => k.seatInsee === clermont)
      : [nearest(c, ruralCantons, (k) => communes.find((x) => x.insee === k.seatInsee))];
  const csp = police.get(c.insee);
  const brigade = csp ? null : nearest(c, BRIGADES);
  out[c.insee] = {
    cantons: inCantons.map((k) => k.code),
    circonscriptions: [...new Set(inCantons.map((k) => k.circonscriptionCode))].sort(),
    epci: epciOf.get(c.insee) ?? null,
    force: csp
      ? { kind: 'police', unit: `Commissariat ${of(csp)}`, zone: `Circonscription de sécurité publique ${of(csp)}` }
      : { kind: 'gendarmerie', unit: `Brigade de gendarmerie ${of(brigade.name)}`, zone: `Compagnie de gendarmerie ${of(c.arrName)}` },
  };
}
const missingEpci = communes.filter((c) => !epciOf.has(c.insee)).map((c) => c.insee);
if (missingEpci.length) console.warn('communes without EPCI:', missingEpci.join(' '));
writeFileSync(
  join(here, 'territory-63.json'),
  JSON.stringify(
    {
      source: {
        epci: '@etalab/decoupage-administratif 6.0.0 (DGCL, Licence Ouverte 2.0)',
        cantons: 'approximation: nearest canton seat — to confirm against the COG',
        circonscriptions: 'approximation: by canton — to confirm against the 2010 décret',
        force: 'approximation: police communes listed by hand, else nearest brigade — to confirm against « Compétence territoriale gendarmerie et police nationales »',
      },
      circonscriptions,
      cantons,
      epcis: epcis.map(({ members, ...e }) => ({ ...e, members: members.length })),
      communes: out,
    },
    null,
    1,
  ).replace(/\{\n\s+"cantons"[^}]*\}[^}]*\}/g, (m) => m.replace(/\n\s*/g, ' ')) + '\n',
);
console.log(`${communes.length} communes, ${cantons.length} cantons, ${epcis.length} EPCI, ${BRIGADES.length} brigades`);
