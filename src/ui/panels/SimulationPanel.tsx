/** The Simulation region: debug and batch runs (wired when the simulator lands). */
export function SimulationPanel() {
  return (
    <section className="panel" aria-label="Simulation">
      <h2 className="panel-title">Simulation</h2>
      <p className="muted">Dry-run results appear here.</p>
    </section>
  );
}
