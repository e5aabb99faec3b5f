import fs from 'node:fs';

/** The p-th percentile (nearest rank) of ascending values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux). */
export function rssOfTree(pid: number): number {
  let total = 0;
  for (const current of treeOf(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Pids of a process and all its descendants, from /proc (Linux). */
function treeOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const pids: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop()!;
    pids.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return pids;
}

/**
 * CPU time (user + system, ms) that a process and its descendants have used so far, from /proc
 * (Linux). Read before and after a load, it gives the server's own CPU per request: a figure that
 * other work on the machine moves far less than it moves requests per second.
 */
export function cpuMsOfTree(pid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const current of treeOf(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${current}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime (the 14th and 15th fields of the whole line), then cutime and cstime: the
      // time of children that ended and were waited for, so that a process leaving the tree keeps
      // its CPU in the total.
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}
