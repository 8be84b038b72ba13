/**
 * The real places the fictitious payees sit in: California's 58 counties (with a rough population
 * in thousands, to size plans and pilots) and DDS's 21 regional centers (with a rough share of
 * people served and the 3-digit ZIP prefixes of their area). Sizes are approximate on purpose:
 * they only shape the generated distributions.
 */
export interface County {
  name: string;
  populationThousands: number;
}

export const COUNTIES: readonly County[] = [
  { name: 'Los Angeles', populationThousands: 9700 },
  { name: 'San Diego', populationThousands: 3300 },
  { name: 'Orange', populationThousands: 3150 },
  { name: 'Riverside', populationThousands: 2450 },
  { name: 'San Bernardino', populationThousands: 2200 },
  { name: 'Santa Clara', populationThousands: 1900 },
  { name: 'Alameda', populationThousands: 1650 },
  { name: 'Sacramento', populationThousands: 1600 },
  { name: 'Contra Costa', populationThousands: 1160 },
  { name: 'Fresno', populationThousands: 1010 },
  { name: 'Kern', populationThousands: 910 },
  { name: 'Ventura', populationThousands: 830 },
  { name: 'San Francisco', populationThousands: 810 },
  { name: 'San Joaquin', populationThousands: 790 },
  { name: 'San Mateo', populationThousands: 740 },
  { name: 'Stanislaus', populationThousands: 550 },
  { name: 'Sonoma', populationThousands: 480 },
  { name: 'Tulare', populationThousands: 480 },
  { name: 'Solano', populationThousands: 450 },
  { name: 'Santa Barbara', populationThousands: 445 },
  { name: 'Monterey', populationThousands: 435 },
  { name: 'Placer', populationThousands: 410 },
  { name: 'Merced', populationThousands: 290 },
  { name: 'San Luis Obispo', populationThousands: 280 },
  { name: 'Santa Cruz', populationThousands: 265 },
  { name: 'Marin', populationThousands: 255 },
  { name: 'Yolo', populationThousands: 220 },
  { name: 'Butte', populationThousands: 210 },
  { name: 'El Dorado', populationThousands: 190 },
  { name: 'Imperial', populationThousands: 180 },
  { name: 'Shasta', populationThousands: 180 },
  { name: 'Madera', populationThousands: 160 },
  { name: 'Kings', populationThousands: 150 },
  { name: 'Napa', populationThousands: 135 },
  { name: 'Humboldt', populationThousands: 135 },
  { name: 'Nevada', populationThousands: 100 },
  { name: 'Sutter', populationThousands: 100 },
  { name: 'Mendocino', populationThousands: 90 },
  { name: 'Yuba', populationThousands: 85 },
  { name: 'Lake', populationThousands: 68 },
  { name: 'San Benito', populationThousands: 67 },
  { name: 'Tehama', populationThousands: 66 },
  { name: 'Tuolumne', populationThousands: 55 },
  { name: 'Calaveras', populationThousands: 46 },
  { name: 'Siskiyou', populationThousands: 44 },
  { name: 'Amador', populationThousands: 41 },
  { name: 'Lassen', populationThousands: 30 },
  { name: 'Glenn', populationThousands: 29 },
  { name: 'Del Norte', populationThousands: 27 },
  { name: 'Colusa', populationThousands: 22 },
  { name: 'Plumas', populationThousands: 19 },
  { name: 'Inyo', populationThousands: 19 },
  { name: 'Mariposa', populationThousands: 17 },
  { name: 'Trinity', populationThousands: 16 },
  { name: 'Mono', populationThousands: 13 },
  { name: 'Modoc', populationThousands: 9 },
  { name: 'Sierra', populationThousands: 3 },
  { name: 'Alpine', populationThousands: 1.2 },
];

export interface RegionalCenter {
  code: string;
  /** Rough thousands of people served: how many providers the center vendors. */
  weight: number;
  zipPrefixes: readonly string[];
}

export const REGIONAL_CENTERS: readonly RegionalCenter[] = [
  { code: 'ACRC', weight: 30, zipPrefixes: ['956', '957', '958'] },
  { code: 'CVRC', weight: 25, zipPrefixes: ['936', '937'] },
  { code: 'ELARC', weight: 14, zipPrefixes: ['900', '917'] },
  { code: 'FDLRC', weight: 11, zipPrefixes: ['900'] },
  { code: 'FNRC', weight: 9, zipPrefixes: ['959', '960'] },
  { code: 'GGRC', weight: 11, zipPrefixes: ['940', '941'] },
  { code: 'HRC', weight: 16, zipPrefixes: ['902', '903'] },
  { code: 'IRC', weight: 45, zipPrefixes: ['922', '923', '924', '925'] },
  { code: 'KRC', weight: 14, zipPrefixes: ['932', '933'] },
  { code: 'NBRC', weight: 11, zipPrefixes: ['945', '949', '954'] },
  { code: 'NLACRC', weight: 30, zipPrefixes: ['913', '914', '935'] },
  { code: 'RCEB', weight: 25, zipPrefixes: ['945', '946'] },
  { code: 'RCOC', weight: 28, zipPrefixes: ['926', '927', '928'] },
  { code: 'RCRC', weight: 5, zipPrefixes: ['954', '955'] },
  { code: 'SARC', weight: 17, zipPrefixes: ['950', '951'] },
  { code: 'SCLARC', weight: 17, zipPrefixes: ['900', '902'] },
  { code: 'SDRC', weight: 36, zipPrefixes: ['919', '920', '921'] },
  { code: 'SGPRC', weight: 17, zipPrefixes: ['910', '911', '917'] },
  { code: 'TCRC', weight: 18, zipPrefixes: ['930', '931'] },
  { code: 'VMRC', weight: 20, zipPrefixes: ['952', '953'] },
  { code: 'WRC', weight: 10, zipPrefixes: ['902', '904'] },
];
