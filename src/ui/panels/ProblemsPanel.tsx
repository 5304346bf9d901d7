/** The Problems region: the analyzer's findings (wired when the analyzer lands). */
export function ProblemsPanel() {
  return (
    <section className="panel" aria-label="Problems">
      <h2 className="panel-title">Problems</h2>
      <p className="muted">The analyzer's findings appear here.</p>
    </section>
  );
}
