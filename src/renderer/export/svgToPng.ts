/** PNG of an SVG document, rasterized in the renderer with a canvas (no server, no extra library). */

/** Rasterize `svg` at `scale` × its own width/height. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const width = Number.parseFloat(root.getAttribute('width') ?? '') || 1200;
  const height = Number.parseFloat(root.getAttribute('height') ?? '') || 800;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the diagram SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    // Chromium caps canvases around 16k px a side; shrink the scale rather than fail.
    const s = Math.min(scale, 16000 / width, 16000 / height);
    canvas.width = Math.max(1, Math.round(width * s));
    canvas.height = Math.max(1, Math.round(height * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas available for the PNG export');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
