/** Paints drawing steps on a 2D context: the only code that touches the canvas. */
import type { Canvas2DContext } from '../../../services/contracts';
import type { DrawStep } from './steps';

const FONT_FAMILY = "-apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export function paint(context: Canvas2DContext, steps: readonly DrawStep[]): void {
  context.textBaseline = 'middle';
  for (const step of steps) {
    if (step.op === 'rect') {
      context.fillStyle = step.color;
      context.fillRect(step.x, step.y, step.w, step.h);
    } else if (step.op === 'text') {
      context.fillStyle = step.color;
      context.font = `${step.bold ? 'bold ' : ''}${step.size}px ${FONT_FAMILY}`;
      context.textAlign = step.align;
      context.fillText(step.text, step.x, step.y);
    } else {
      context.strokeStyle = step.color;
      context.lineWidth = 1;
      context.setLineDash([4, 4]);
      context.beginPath();
      context.moveTo(step.x1, step.y);
      context.lineTo(step.x2, step.y);
      context.stroke();
      context.setLineDash([]);
    }
  }
}
