/**
 * One read-modify-write at a time: jobs run in the order they were asked, each after the one before has
 * settled (a failed job does not stop the next). The queue is the returned function's own.
 */
export function serial(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => {});
    return run;
  };
}
