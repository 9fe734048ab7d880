/**
 * Fetching a JSON file of the site: the parsed body, or the problem that stopped it (no
 * network, not found, not JSON). Checking its shape is the caller's job.
 */
import { failure, type Result, success } from '../../core/result.ts';
import { loadProblem } from './problems.ts';

export async function fetchJson(url: string, init?: RequestInit): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    return failure(loadProblem('network', url, String(error)));
  }
  if (response.status === 404) return failure(loadProblem('not-found', url));
  if (!response.ok) return failure(loadProblem('network', url, `HTTP ${response.status}`));
  try {
    return success(await response.json());
  } catch {
    return failure(loadProblem('invalid-json', url));
  }
}
