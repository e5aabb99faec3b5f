// The benchmark's floor: a minimal signed-in page under the same root layout as every page,
// running one indexed query. Only on a server started for the benchmark (404 otherwise).
// `?rows=N` adds N static table rows shaped like the options table's (about 0.9 kB of HTML and
// RSC payload each, no reads, no logic): the benchmark's size ladder, which shows what a page of a
// given size costs the server before it reads or decides anything.
import { notFound } from 'next/navigation';
import { requireCustomer } from '@/lib/auth/guard';
import { benchRoutesEnabled, floorCustomerName, ladderRows } from '@/lib/bench/floor';
import { getDb } from '@/lib/db';

export default async function BenchFloorPage({ searchParams }: { searchParams: Promise<{ rows?: string }> }) {
  if (!benchRoutesEnabled()) notFound();
  const actor = await requireCustomer();
  const name = await floorCustomerName(await getDb(), actor.customerId);
  const rows = ladderRows((await searchParams).rows);
  return (
    <div>
      <p>{name}</p>
      {rows > 0 && (
        <table className="min-w-full text-left text-sm">
          <tbody className="divide-y divide-slate-100">
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <th scope="row">
                  On-premises connection port<div>{`SH-O-LADDER${i}`}</div>
                </th>
                <td>Line optical / interface 1G / Tokyo DC1 (Otemachi), rack R10-U2</td>
                <td>
                  <span className="badge badge-green">Active</span>
                </td>
                <td>1 July 2025</td>
                <td>
                  ¥40,000<p>Tax 10%: ¥4,000</p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
