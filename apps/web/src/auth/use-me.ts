import { useQuery } from '@tanstack/react-query';
import type { Me } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { meQueryOptions } from './me-query.ts';

/** Who is signed in (the app route has loaded it before any page renders); undefined only while it loads. */
export function useMe(): Me | undefined {
  const { api } = useQuip();
  return useQuery(meQueryOptions(api)).data;
}
