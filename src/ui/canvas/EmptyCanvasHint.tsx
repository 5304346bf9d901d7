/** What a first-time user sees on an empty canvas: how to start. */
export function EmptyCanvasHint() {
  return (
    <div className="empty-hint" role="note">
      <h2>Start a workflow</h2>
      <ol>
        <li>Click <strong>Trigger</strong> in the Node palette (or drag it here): every case starts at one.</li>
        <li>Add the steps: AI tools, tools, human gates, quality checks.</li>
        <li>Drag from a node's right-hand port to the next node to connect them.</li>
        <li>End each path at an <strong>Output</strong>. Problems lists what to fix as you go.</li>
      </ol>
      <p>Or open a template from the Designs panel.</p>
    </div>
  );
}
