import { Table } from '@digdir/designsystemet-react';
import { useId } from 'react';

export type Bar = { key: string; label: string; value: number; text: string };

/**
 * A simple bar chart in SVG with the same numbers in a table below it: the table is the
 * accessible alternative (screen readers, keyboard, high zoom), the chart is for the eye.
 */
export function BarChart({
  title,
  bars,
  labelHeader,
  valueHeader,
}: {
  title: string;
  bars: Bar[];
  labelHeader: string;
  valueHeader: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 600;
  const height = 180;
  const step = width / Math.max(1, bars.length);
  const every = Math.ceil(bars.length / 12);
  return (
    <figure className="operator-stack" aria-labelledby={`${id}-caption`}>
      <svg
        className="operator-chart"
        viewBox={`0 0 ${width} ${height + 24}`}
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((b, i) => {
          const h = Math.round((b.value / max) * height);
          return (
            <g key={b.key}>
              <rect className="bar" x={i * step + step * 0.15} y={height - h} width={step * 0.7} height={h} />
              {i % every === 0 && (
                <text x={i * step + step / 2} y={height + 16} textAnchor="middle">
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
        <line className="axis" x1={0} x2={width} y1={height} y2={height} />
      </svg>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="operator-table-wrap">
        <Table data-size="sm" zebra>
          <caption className="ds-sr-only">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{labelHeader}</Table.HeaderCell>
              <Table.HeaderCell className="operator-number">{valueHeader}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {bars.map((b) => (
              <Table.Row key={b.key}>
                <Table.Cell>{b.label}</Table.Cell>
                <Table.Cell className="operator-number">{b.text}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </figure>
  );
}
