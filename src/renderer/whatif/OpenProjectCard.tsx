/** Welcome-screen card: reopen a saved project (snapshot + edits + view). */
import { openProjectInteractive } from './projectIo';

/** The card. */
export function OpenProjectCard(): React.JSX.Element {
  return (
    <div className="card">
      <h2>Open a project</h2>
      <p>A saved <code>.vnetlens.json</code>: the estate with its pending what-if changes and view.</p>
      <button data-testid="welcome-open-project" onClick={() => void openProjectInteractive()}>Open project…</button>
    </div>
  );
}
