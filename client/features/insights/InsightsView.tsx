/** @module The insights dashboard of the cycle in view (placeholder until the charts land). */
export function InsightsView() {
  return <section aria-labelledby="insights-title"><h1 id="insights-title">Insights</h1></section>
}
