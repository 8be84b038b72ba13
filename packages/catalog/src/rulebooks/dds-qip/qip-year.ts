/** What differs between DDS QIP fiscal years. */
export interface QipYear {
  fiscalYear: string;
  /** First and last day of the fiscal year. */
  firstDay: string;
  lastDay: string;
  description: string;
  dueDates: { directory: string; workforce: string; employment: string; screenings: string };
  /** Whether the directory's new fields (ZIP codes, languages, agency/independent) are required. */
  directoryNewFieldsRequired: boolean;
  /** Weights of the reporting measures in the weighted-met earning. */
  weights: {
    directory: number;
    dspSurvey: number;
    nonDspWorkforce: number;
    employmentStaff: number;
    employmentOutcomes: number;
    screenings: number;
  };
}

/** The day `years` years before an ISO day (July 1 never meets a leap day). */
export function yearsBefore(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
}
