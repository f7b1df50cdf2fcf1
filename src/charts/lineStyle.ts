/**
 * One line style per quantity across the page, so a quantity is told by shape as well as colour:
 * ‖x‖ (the test-time length) solid, E‖y‖ dashed, √E‖y‖² = ‖x‖/√q dotted, a measured length
 * dash-dot. Their colours are index.css's --marker-norm, --marker-mean, --marker-rms and
 * --marker-reference (Okabe–Ito, light and dark).
 */
export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'dashdot';

/** The SVG stroke-dasharray of a line style (none for solid). */
export function dashArray(style: LineStyle): string | undefined {
  switch (style) {
    case 'solid':
      return undefined;
    case 'dashed':
      return '6 4';
    case 'dotted':
      return '2 3';
    case 'dashdot':
      return '9 3 2 3';
  }
}
