/** The Designs region: the designs stored in this browser (wired when persistence lands). */
export function DesignsPanel() {
  return (
    <section className="panel designs" aria-label="Designs">
      <h2 className="panel-title">Designs</h2>
      <p className="muted">Designs saved in this browser appear here.</p>
    </section>
  );
}
