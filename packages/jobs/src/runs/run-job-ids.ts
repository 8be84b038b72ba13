/**
 * The job ids of a run's flow. A queue keeps the ids of ended jobs (so a replay adds nothing), so
 * each resume of an interrupted run queues its jobs under new ids, numbered by the resume.
 */
export function runJobIds(runId: number, resumes: number) {
  const parent = resumes === 0 ? `run-${runId}` : `run-${runId}-resume-${resumes}`;
  return { parent, chunk: (chunkNo: number) => `${parent}-chunk-${chunkNo}` };
}
