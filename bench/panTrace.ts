/**
 * Where a pan frame's CPU goes, for the render bench (VNETLENS_BENCH_TRACE=1): a chromium trace of
 * the pan, summed per thread and divided by the frames actually drawn. It decides what to optimise
 * (React commits on the main thread vs software raster vs the compositor's draw) from data; the trace
 * itself slows the pan, so the fps printed beside it is not a figure to report.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent { readonly name: string; readonly ph: string; readonly tid: number; readonly dur?: number; readonly args?: { readonly name?: string } }

/** Milliseconds of complete events named `name`, optionally only on thread `tid`. */
function total(events: readonly TraceEvent[], name: string, tid?: number): number {
  let ms = 0;
  for (const e of events) if (e.ph === 'X' && e.name === name && (tid === undefined || e.tid === tid)) ms += (e.dur ?? 0) / 1000;
  return ms;
}

/** Starts tracing; the returned function stops it and answers one line of per-frame costs. */
export async function startPanTrace(cdp: CDPSession): Promise<() => Promise<string>> {
  const events: TraceEvent[] = [];
  // Typed by CDP as string maps; the trace events carry numbers too.
  cdp.on('Tracing.dataCollected', (d) => { events.push(...(d.value as unknown as TraceEvent[])); });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,viz', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
    // Frames the compositor drew (software output): the denominator, not rAF callbacks.
    const frames = events.filter((e) => e.ph === 'X' && e.name === 'Display::DrawAndSwap').length || 1;
    const per = (ms: number) => (ms / frames).toFixed(1);
    return `pan trace: ${frames} frames drawn; per frame ms: main ${per(total(events, 'RunTask', main))}`
      + ` (mouse move ${per(total(events, 'EventHandler::handleMouseMoveEvent', main))} of which hit-test ${per(total(events, 'LayoutView::HitTest', main))},`
      + ` style+layout ${per(total(events, 'LocalFrameView::UpdateStyleAndLayout', main))}, paint ${per(total(events, 'Blink.Paint.UpdateTime', main))}, layerize ${per(total(events, 'Layerize', main))})`
      + ` · raster ${per(total(events, 'RasterTask'))} · compositor draw ${per(total(events, 'Display::DrawAndSwap'))}`;
  };
}
