/** The CSAT score as the industry reports it: good ratings as a share of all ratings, in percent. */
export function csatScore(good: number, bad: number): number | null {
  const rated = good + bad;
  return rated === 0 ? null : Math.round((good / rated) * 1000) / 10;
}
