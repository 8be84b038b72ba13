/** A program's published rulebook version, or that there is none yet. */
export function PublishedRulebook({ version }: { version: number | null }) {
  return version === null ? <span className="text-slate-600">None published</span> : <>Version {version}</>;
}
