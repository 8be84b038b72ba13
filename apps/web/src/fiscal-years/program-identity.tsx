import type { Program } from '../api/resources.ts';

/** A program as both program views name it: its name, its id, and its description when it has one. */
export function ProgramIdentity({ program }: { program: Program }) {
  return (
    <>
      <span className="block font-medium text-slate-900">{program.name}</span>
      <code className="text-xs text-slate-600">{program.id}</code>
      {program.description ? (
        <span className="mt-1 block max-w-prose text-xs text-slate-600">{program.description}</span>
      ) : null}
    </>
  );
}
