type Scores = { performance: number; accessibility: number; bestPractices: number };
/** Placeholder until the Lighthouse runner lands. */
export async function lighthouseScores(_baseUrl: string, _routes: string[], _cookie: string): Promise<Record<string, { desktop: Scores; mobile: Scores }>> {
  return {};
}
