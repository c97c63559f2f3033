/**
 * Reader of the ONISR road-accident files (BAAC open data, 2019+ schema): four `;`-separated
 * files linked by `Num_Acc` (caracteristiques, lieux, vehicules, usagers). Keeps the accidents of
 * one département and checks every line it keeps; problems carry their file, line and column
 * (`usagers.line.12.grav`). Pure: no database.
 */
import type { ErrorDetail } from '../common/app-error';
import type { AccidentSeverity, BaacFile, UserCategory } from '../contracts/road-safety';
import { foldKey, parseCsv, type CsvRecord } from '../directory/csv';

export interface BaacVehicle {
  numVeh: string;
  idVehicule: string;
  catv: number;
  category: UserCategory;
}

export interface BaacUser {
  idVehicule: string | null;
  numVeh: string | null;
  catu: number;
  grav: number;
  sexe: number | null;
  birthYear: number | null;
  category: UserCategory;
}

export interface BaacAccident {
  numAcc: string;
  /** Line of caracteristiques. */
  line: number;
  year: number;
  month: number;
  day: string;
  time: string;
  dep: string;
  communeInsee: string;
  lum: number;
  agg: number;
  intersection: number | null;
  atm: number | null;
  col: number | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  catr: number | null;
  vma: number | null;
  surf: number | null;
  vehicles: BaacVehicle[];
  users: BaacUser[];
  severity: AccidentSeverity;
  killed: number;
  hospitalised: number;
  slightlyInjured: number;
  unharmed: number;
}

export interface BaacRead {
  accidents: BaacAccident[];
  /** Problems by accident (a line that names a kept accident). */
  accidentProblems: Map<string, ErrorDetail[]>;
  /** Problems of a whole file or of lines that name no kept accident. */
  fileProblems: ErrorDetail[];
  otherDepartments: number;
}

/** Columns each file must have (the key column is `Num_Acc`, `Accident_Id` in 2022's caracteristiques). */
const REQUIRED: Record<BaacFile, string[]> = {
  caracteristiques: [
    'Num_Acc',
    'jour',
    'mois',
    'an',
    'hrmn',
    'lum',
    'dep',
    'com',
    'agg',
    'int',
    'atm',
    'col',
    'adr',
    'lat',
    'long',
  ],
  lieux: ['Num_Acc', 'catr', 'surf', 'vma'],
  vehicules: ['Num_Acc', 'id_vehicule', 'num_veh', 'catv'],
  usagers: ['Num_Acc', 'id_vehicule', 'num_veh', 'catu', 'grav', 'sexe', 'an_nais'],
};

/** catv → the category used by dashboards. */
export function vehicleCategory(catv: number): UserCategory {
  if ([1, 80].includes(catv)) return 'velo';
  if ([50, 60].includes(catv)) return 'edp';
  if ([2, 30, 41].includes(catv)) return 'cyclo';
  if ([31, 32, 33, 34, 42, 43].includes(catv)) return 'moto';
  if ([3, 7].includes(catv)) return 'vl';
  if (catv === 10) return 'vu';
  if ([13, 14, 15, 16, 17].includes(catv)) return 'pl';
  if ([37, 38, 39, 40].includes(catv)) return 'transport_commun';
  return 'autre';
}

/** Worst injury of the accident's users. */
export function accidentSeverity(gravs: number[]): AccidentSeverity {
  if (gravs.includes(2)) return 'mortel';
  if (gravs.includes(3)) return 'grave';
  if (gravs.includes(4)) return 'leger';
  return 'indemne';
}

const KNOWN_CATV = new Set([
  0, 1, 2, 3, 7, 10, 13, 14, 15, 16, 17, 20, 21, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
  43, 50, 60, 80, 99,
]);

interface Table {
  file: BaacFile;
  col: Map<string, number>;
  records: CsvRecord[];
}

function readTable(file: BaacFile, text: string, problems: ErrorDetail[]): Table | null {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    problems.push({ path: `${file}.line.${parsed.line}`, message: parsed.message });
    return null;
  }
  const col = new Map<string, number>();
  parsed.header.cells.forEach((h, i) => col.set(foldKey(h), i));
  if (file === 'caracteristiques' && !col.has('numacc') && col.has('accidentid'))
    col.set('numacc', col.get('accidentid')!);
  const missing = REQUIRED[file].filter((c) => !col.has(foldKey(c)));
  if (missing.length) {
    problems.push(
      ...missing.map((c) => ({ path: `${file}.line.1.${c}`, message: 'missing column' })),
    );
    return null;
  }
  return { file, col, records: parsed.records };
}

/** Reads cells of one line and collects its problems. */
class Line {
  readonly problems: ErrorDetail[] = [];
  constructor(
    private readonly table: Table,
    private readonly record: CsvRecord,
  ) {}

  raw(column: string): string {
    return (this.record.cells[this.table.col.get(foldKey(column))!] ?? '').trim();
  }

  problem(column: string, message: string): void {
    this.problems.push({ path: `${this.table.file}.line.${this.record.line}.${column}`, message });
  }

  /** An integer among `allowed` (or in [min, max]); `-1` and empty are « non renseigné » → null when `optional`. */
  int(
    column: string,
    check: { min: number; max: number } | readonly number[],
    optional = false,
  ): number | null {
    const value = this.raw(column);
    if (value === '' || value === '-1' || value === '- 1') {
      if (optional) return null;
      this.problem(column, 'required');
      return null;
    }
    if (!/^-?\d+$/.test(value)) {
      this.problem(column, `not an integer: « ${value} »`);
      return null;
    }
    const n = Number(value);
    const ok = Array.isArray(check)
      ? check.includes(n)
      : n >= (check as { min: number }).min && n <= (check as { max: number }).max;
    if (!ok) {
      this.problem(column, Array.isArray(check) ? `unknown code ${n}` : `out of range: ${n}`);
      return null;
    }
    return n;
  }

  /** `45,7766` or `45.7766`; empty → null. */
  decimal(column: string, min: number, max: number): number | null {
    const value = this.raw(column).replace(',', '.');
    if (value === '') return null;
    const n = Number(value);
    if (!/^-?\d+(\.\d+)?$/.test(value) || n < min || n > max) {
      this.problem(column, `not a coordinate of metropolitan France: « ${this.raw(column)} »`);
      return null;
    }
    return n;
  }
}

const range = (min: number, max: number) => ({ min, max });

/**
 * Reads the four files and keeps the accidents whose `dep` is `department` (`63`; the old
 * three-digit `630` is accepted). Lines of the other files follow their accident by `Num_Acc`.
 */
export function readBaac(texts: Record<BaacFile, string>, department: string): BaacRead {
  const fileProblems: ErrorDetail[] = [];
  const tables = {} as Record<BaacFile, Table | null>;
  for (const file of ['caracteristiques', 'lieux', 'vehicules', 'usagers'] as const)
    tables[file] = readTable(file, texts[file], fileProblems);
  const accidentProblems = new Map<string, ErrorDetail[]>();
  const result: BaacRead = { accidents: [], accidentProblems, fileProblems, otherDepartments: 0 };
  if (fileProblems.length) return result;
  const { caracteristiques, lieux, vehicules, usagers } = tables as Record<BaacFile, Table>;
  const note = (numAcc: string, problems: ErrorDetail[]) => {
    if (problems.length)
      accidentProblems.set(numAcc, [...(accidentProblems.get(numAcc) ?? []), ...problems]);
  };

  const allKeys = new Set<string>();
  const kept = new Map<string, BaacAccident>();
  const firstLine = new Map<string, number>();
  for (const record of caracteristiques.records) {
    const line = new Line(caracteristiques, record);
    const numAcc = line.raw('Num_Acc');
    if (!/^\d{12}$/.test(numAcc)) {
      line.problem('Num_Acc', `not an accident number (12 digits): « ${numAcc} »`);
      fileProblems.push(...line.problems);
      continue;
    }
    if (allKeys.has(numAcc)) {
      line.problem('Num_Acc', `same accident as line ${firstLine.get(numAcc)}`);
      fileProblems.push(...line.problems);
      continue;
    }
    allKeys.add(numAcc);
    firstLine.set(numAcc, record.line);
    const dep = line.raw('dep');
    if (dep !== department && dep !== `${department}0`) {
      result.otherDepartments++;
      continue;
    }
    const day = line.int('jour', range(1, 31));
    const month = line.int('mois', range(1, 12));
    const yearRaw = line.int('an', range(5, 2100));
    const year = yearRaw !== null && yearRaw < 100 ? 2000 + yearRaw : yearRaw;
    let date = '';
    if (day !== null && month !== null && year !== null) {
      date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const check = new Date(`${date}T00:00:00Z`);
      if (check.getUTCDate() !== day) line.problem('jour', `no such day: ${date}`);
    }
    const hrmn = line.raw('hrmn');
    const hm = /^(\d{1,2}):?(\d{2})$/.exec(hrmn);
    if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59)
      line.problem('hrmn', `not a time (HH:MM): « ${hrmn} »`);
    let com = line.raw('com');
    if (/^\d{3}$/.test(com)) com = `${department}${com}`; // before 2019: commune without its département
    if (!/^\d{5}$/.test(com) || !com.startsWith(department))
      line.problem('com', `not an INSEE code of département ${department}: « ${com} »`);
    const accident: BaacAccident = {
      numAcc,
      line: record.line,
      year: year ?? 0,
      month: month ?? 0,
      day: date,
      time: hm ? `${hm[1].padStart(2, '0')}:${hm[2]}` : '',
      dep: department,
      communeInsee: com,
      lum: line.int('lum', range(1, 5)) ?? 0,
      agg: line.int('agg', [1, 2]) ?? 0,
      intersection: line.int('int', range(1, 9), true),
      atm: line.int('atm', range(1, 9), true),
      col: line.int('col', range(1, 7), true),
      address: line.raw('adr') || null,
      lat: line.decimal('lat', 41, 51.5),
      lon: line.decimal('long', -5.5, 10),
      catr: null,
      vma: null,
      surf: null,
      vehicles: [],
      users: [],
      severity: 'indemne',
      killed: 0,
      hospitalised: 0,
      slightlyInjured: 0,
      unharmed: 0,
    };
    if ((accident.lat === null) !== (accident.lon === null))
      line.problem('lat', 'latitude and longitude go together');
    note(numAcc, line.problems);
    kept.set(numAcc, accident);
  }

  /** The accident a line of another file belongs to; unknown numbers are reported. */
  const owner = (
    table: Table,
    record: CsvRecord,
  ): { accident: BaacAccident | null; line: Line } => {
    const line = new Line(table, record);
    const numAcc = line.raw('Num_Acc');
    if (!allKeys.has(numAcc)) {
      line.problem('Num_Acc', `no such accident in caracteristiques: « ${numAcc} »`);
      fileProblems.push(...line.problems);
      return { accident: null, line };
    }
    return { accident: kept.get(numAcc) ?? null, line };
  };

  const placed = new Set<string>();
  for (const record of lieux.records) {
    const { accident, line } = owner(lieux, record);
    if (!accident || placed.has(accident.numAcc)) continue; // one place per accident: the first
    placed.add(accident.numAcc);
    accident.catr = line.int('catr', [1, 2, 3, 4, 5, 6, 7, 9], true);
    accident.surf = line.int('surf', range(1, 9), true);
    accident.vma = line.int('vma', range(1, 130), true);
    note(accident.numAcc, line.problems);
  }

  const vehicleIds = new Map<string, number>();
  for (const record of vehicules.records) {
    const { accident, line } = owner(vehicules, record);
    if (!accident) continue;
    const idVehicule = line.raw('id_vehicule');
    const numVeh = line.raw('num_veh');
    if (!idVehicule) line.problem('id_vehicule', 'required');
    else if (vehicleIds.has(idVehicule))
      line.problem('id_vehicule', `same vehicle as line ${vehicleIds.get(idVehicule)}`);
    else vehicleIds.set(idVehicule, record.line);
    if (!numVeh) line.problem('num_veh', 'required');
    const catv = line.int('catv', [...KNOWN_CATV]) ?? 0;
    if (line.problems.length === 0)
      accident.vehicles.push({ idVehicule, numVeh, catv, category: vehicleCategory(catv) });
    note(accident.numAcc, line.problems);
  }

  for (const record of usagers.records) {
    const { accident, line } = owner(usagers, record);
    if (!accident) continue;
    const idVehicule = line.raw('id_vehicule') || null;
    const vehicle = idVehicule
      ? accident.vehicles.find((v) => v.idVehicule === idVehicule)
      : undefined;
    if (idVehicule && !vehicle)
      line.problem('id_vehicule', `no such vehicle in accident ${accident.numAcc}`);
    const catu = line.int('catu', [1, 2, 3]);
    const grav = line.int('grav', [1, 2, 3, 4]);
    const sexe = line.int('sexe', [1, 2], true);
    const birthYear = line.int('an_nais', range(1900, accident.year || 2100), true);
    if (catu !== null && catu !== 3 && !vehicle)
      line.problem('id_vehicule', 'a driver or passenger belongs to a vehicle');
    if (line.problems.length === 0 && catu !== null && grav !== null)
      accident.users.push({
        idVehicule,
        numVeh: vehicle?.numVeh ?? (line.raw('num_veh') || null),
        catu,
        grav,
        sexe,
        birthYear,
        category: catu === 3 ? 'pieton' : vehicleCategory(vehicle!.catv),
      });
    note(accident.numAcc, line.problems);
  }

  for (const accident of kept.values()) {
    const path = `caracteristiques.line.${firstLine.get(accident.numAcc)}.Num_Acc`;
    if (!placed.has(accident.numAcc))
      note(accident.numAcc, [{ path, message: 'no line in lieux' }]);
    if (accident.users.length === 0 && !accidentProblems.has(accident.numAcc))
      note(accident.numAcc, [{ path, message: 'no line in usagers' }]);
    const gravs = accident.users.map((u) => u.grav);
    accident.severity = accidentSeverity(gravs);
    accident.killed = gravs.filter((g) => g === 2).length;
    accident.hospitalised = gravs.filter((g) => g === 3).length;
    accident.slightlyInjured = gravs.filter((g) => g === 4).length;
    accident.unharmed = gravs.filter((g) => g === 1).length;
    result.accidents.push(accident);
  }
  return result;
}

/** `usagers.line.12.grav` → [file order, line] for sorting a report. */
export function problemOrder(path: string): [number, number] {
  const [file, , line] = path.split('.');
  const files: string[] = ['caracteristiques', 'lieux', 'vehicules', 'usagers'];
  return [files.indexOf(file), Number(line) || 0];
}
