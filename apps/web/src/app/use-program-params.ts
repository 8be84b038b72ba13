import { useParams } from '@tanstack/react-router';

/** The fiscal year and program of a per-program page (`/fiscal-years/$fy/programs/$program/…`). */
export function useProgramParams(): { fy: string; program: string } {
  const { fy = '', program = '' } = useParams({ strict: false }) as { fy?: string; program?: string };
  return { fy, program };
}
