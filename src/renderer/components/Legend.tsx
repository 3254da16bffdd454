/** The legend: what colours, dash patterns and icons mean (every status has all three). */

/** Bottom-left legend. */
export function Legend(): React.JSX.Element {
  const line = (cls: string, dash?: string) => (
    <svg width="36" height="10" aria-hidden="true"><line x1="0" y1="5" x2="36" y2="5" className={cls} strokeWidth="2.5" {...(dash ? { strokeDasharray: dash } : {})} /></svg>
  );
  return (
    <div className="legend" data-testid="legend">
      <span>{line('allowed')} ✓ allowed</span>
      <span>{line('blocked', '8 5')} ✕ blocked</span>
      <span>{line('unknown', '2 5')} ? unknown</span>
      <span>{line('peering')} peering connected</span>
      <span>{line('blocked', '10 6')} peering not connected</span>
      <span>{line('muted', '3 4')} private link / DNS link</span>
      <span>⚠ failed check</span>
    </div>
  );
}
