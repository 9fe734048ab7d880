/**
 * Fetching a JSON file of the site: the parsed body, or the problem that stopped it (no
 * network, no answer in time, not found, not JSON). Checking its shape is the caller's job.
 * Every call has a deadline (deadline.ts): a link that never answers counts as no network.
 */
import { failure, type Result, success } from '../../core/result.ts';
import { type DeadlineInit, fetchWithDeadline } from './deadline.ts';
import { loadProblem } from './problems.ts';

type Read =
  | { status: 'not-found' }
  | { status: 'http'; code: number }
  | { status: 'ok'; json: unknown }
  | { status: 'invalid' };

export async function fetchJson(url: string, init: DeadlineInit = {}): Promise<Result<unknown>> {
  let read: Read;
  try {
    read = await fetchWithDeadline<Read>(url, init, async (response) => {
      if (response.status === 404) return { status: 'not-found' };
      if (!response.ok) return { status: 'http', code: response.status };
      // The body is read inside the deadline too: headers then silence is still a stall.
      const text = await response.text();
      try {
        return { status: 'ok', json: JSON.parse(text) as unknown };
      } catch {
        return { status: 'invalid' };
      }
    });
  } catch (error) {
    return failure(loadProblem('network', url, String(error)));
  }
  if (read.status === 'not-found') return failure(loadProblem('not-found', url));
  if (read.status === 'http') return failure(loadProblem('network', url, `HTTP ${read.code}`));
  if (read.status === 'invalid') return failure(loadProblem('invalid-json', url));
  return success(read.json);
}
