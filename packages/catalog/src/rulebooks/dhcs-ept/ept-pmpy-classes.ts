// The EPT per-member-per-year class table, copied row by row from data/ept-pmpy-classes.csv
// (the same values as Table 1 of 002_b5f0493840ffb60e.txt, fact 002-15). Kept exactly as
// published, including the rows where the PMPY rises with more members (K > J, W > V, Z > Y,
// DD > CC, FF > EE, PP > OO, VV > UU): Quip applies the table, it never smooths it.

/** One class: assigned members membersFrom..membersTo (inclusive) are paid `pmpy` dollars per member per year. */
export interface EptClassRow {
  class: string;
  membersFrom: number;
  membersTo: number;
  pmpy: string;
}

export const EPT_PMPY_CLASSES: readonly EptClassRow[] = [
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class A 1-500 members, $580.00
  { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class B 501-700 members, $397.00
  { class: 'B', membersFrom: 501, membersTo: 700, pmpy: '397.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class C 701-850 members, $349.00
  { class: 'C', membersFrom: 701, membersTo: 850, pmpy: '349.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class D 851-1000 members, $305.00;
  // the source's worked example (002-11..002-14): 920 members x $305 = $280,600, / 25 = $11,224
  { class: 'D', membersFrom: 851, membersTo: 1000, pmpy: '305.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class E 1001-1200 members, $300.00
  { class: 'E', membersFrom: 1001, membersTo: 1200, pmpy: '300.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class F 1201-1400 members, $260.00
  { class: 'F', membersFrom: 1201, membersTo: 1400, pmpy: '260.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class G 1401-1600 members, $180.00
  { class: 'G', membersFrom: 1401, membersTo: 1600, pmpy: '180.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class H 1601-1800 members, $170.00
  { class: 'H', membersFrom: 1601, membersTo: 1800, pmpy: '170.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class I 1801-2000 members, $162.00
  { class: 'I', membersFrom: 1801, membersTo: 2000, pmpy: '162.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class J 2001-2250 members, $144.00
  { class: 'J', membersFrom: 2001, membersTo: 2250, pmpy: '144.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class K 2251-2500 members, $146.00
  { class: 'K', membersFrom: 2251, membersTo: 2500, pmpy: '146.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class L 2501-2750 members, $145.00
  { class: 'L', membersFrom: 2501, membersTo: 2750, pmpy: '145.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class M 2751-3000 members, $121.00
  { class: 'M', membersFrom: 2751, membersTo: 3000, pmpy: '121.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class N 3001-3250 members, $110.00
  { class: 'N', membersFrom: 3001, membersTo: 3250, pmpy: '110.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class O 3251-3500 members, $106.00
  { class: 'O', membersFrom: 3251, membersTo: 3500, pmpy: '106.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class P 3501-4000 members, $95.00
  { class: 'P', membersFrom: 3501, membersTo: 4000, pmpy: '95.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class Q 4001-4500 members, $88.00
  { class: 'Q', membersFrom: 4001, membersTo: 4500, pmpy: '88.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class R 4501-5000 members, $85.00
  { class: 'R', membersFrom: 4501, membersTo: 5000, pmpy: '85.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class S 5001-5500 members, $79.00
  { class: 'S', membersFrom: 5001, membersTo: 5500, pmpy: '79.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class T 5501-6000 members, $77.00
  { class: 'T', membersFrom: 5501, membersTo: 6000, pmpy: '77.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class U 6001-6500 members, $61.50
  { class: 'U', membersFrom: 6001, membersTo: 6500, pmpy: '61.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class V 6501-7000 members, $50.25
  { class: 'V', membersFrom: 6501, membersTo: 7000, pmpy: '50.25' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class W 7001-7500 members, $59.00
  { class: 'W', membersFrom: 7001, membersTo: 7500, pmpy: '59.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class X 7501-8000 members, $53.00
  { class: 'X', membersFrom: 7501, membersTo: 8000, pmpy: '53.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class Y 8001-8500 members, $49.50
  { class: 'Y', membersFrom: 8001, membersTo: 8500, pmpy: '49.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class Z 8501-9000 members, $50.50
  { class: 'Z', membersFrom: 8501, membersTo: 9000, pmpy: '50.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class AA 9001-9500 members, $48.00
  { class: 'AA', membersFrom: 9001, membersTo: 9500, pmpy: '48.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class BB 9501-10000 members, $46.00
  { class: 'BB', membersFrom: 9501, membersTo: 10000, pmpy: '46.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class CC 10001-11500 members, $40.50
  { class: 'CC', membersFrom: 10001, membersTo: 11500, pmpy: '40.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class DD 11501-13000 members, $45.00
  { class: 'DD', membersFrom: 11501, membersTo: 13000, pmpy: '45.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class EE 13001-14500 members, $33.30
  { class: 'EE', membersFrom: 13001, membersTo: 14500, pmpy: '33.30' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class FF 14501-16000 members, $40.00
  { class: 'FF', membersFrom: 14501, membersTo: 16000, pmpy: '40.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class GG 16001-17500 members, $38.00
  { class: 'GG', membersFrom: 16001, membersTo: 17500, pmpy: '38.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class HH 17501-20000 members, $37.00
  { class: 'HH', membersFrom: 17501, membersTo: 20000, pmpy: '37.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class II 20001-22500 members, $36.50
  { class: 'II', membersFrom: 20001, membersTo: 22500, pmpy: '36.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class JJ 22501-25000 members, $31.50
  { class: 'JJ', membersFrom: 22501, membersTo: 25000, pmpy: '31.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class KK 25001-27500 members, $30.50
  { class: 'KK', membersFrom: 25001, membersTo: 27500, pmpy: '30.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class LL 27501-30000 members, $28.50
  { class: 'LL', membersFrom: 27501, membersTo: 30000, pmpy: '28.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class MM 30001-35000 members, $28.00
  { class: 'MM', membersFrom: 30001, membersTo: 35000, pmpy: '28.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class NN 35001-45000 members, $26.00
  { class: 'NN', membersFrom: 35001, membersTo: 45000, pmpy: '26.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class OO 45001-55000 members, $22.50
  { class: 'OO', membersFrom: 45001, membersTo: 55000, pmpy: '22.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class PP 55001-60000 members, $28.50
  { class: 'PP', membersFrom: 55001, membersTo: 60000, pmpy: '28.50' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class QQ 60001-65000 members, $23.00
  { class: 'QQ', membersFrom: 60001, membersTo: 65000, pmpy: '23.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class RR 65001-75000 members, $22.00
  { class: 'RR', membersFrom: 65001, membersTo: 75000, pmpy: '22.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class SS 75001-90000 members, $22.00
  { class: 'SS', membersFrom: 75001, membersTo: 90000, pmpy: '22.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class TT 90001-105000 members, $21.00
  { class: 'TT', membersFrom: 90001, membersTo: 105000, pmpy: '21.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class UU 105001-120000 members, $18.00
  { class: 'UU', membersFrom: 105001, membersTo: 120000, pmpy: '18.00' },
  // ept-pmpy-classes.csv / 002_b5f0493840ffb60e.txt (002-15): class VV 120001-138000 members, $23.00
  { class: 'VV', membersFrom: 120001, membersTo: 138000, pmpy: '23.00' },
];
