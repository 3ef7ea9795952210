// The one table of records every page draws (class "records"): a caption, a head of column headers and a
// row per item, each header scoped, the columns given as data. The dashboard's list is not one of them: it
// draws only the rows in view, with sort buttons in its head.
import type { ComponentChildren } from 'preact';

type Attributes = Record<string, string | undefined>;

export interface Column<Row> {
  /** The column's header; a table whose columns have none has no head (a list of labelled rows). */
  heading?: ComponentChildren;
  /** What the row's cell in this column shows. */
  cell: (row: Row) => ComponentChildren;
  /** The cell names its row (a header scoped to the row) rather than holding data. */
  rowHeader?: boolean;
  /** The cell's own attributes (a class, a data- name tests and styles find it by). */
  attributes?: (row: Row) => Attributes;
}

interface Props<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** What tells the row apart from the others (its place, where rows may repeat). */
  rowKey: (row: Row, index: number) => string;
  /** The row's attributes (its data- name, a class). */
  rowAttributes?: (row: Row) => Attributes;
  caption?: string;
  /** The caption is read by screen readers only, where a heading above already says it. */
  captionHidden?: boolean;
  /** The table's name where it has no caption. */
  label?: string;
  /** Classes besides "records". */
  class?: string;
}

export function RecordsTable<Row>({ columns, rows, rowKey, rowAttributes, caption, captionHidden, label, class: extra }: Props<Row>) {
  const headed = columns.some((c) => c.heading !== undefined);
  return (
    <table class={extra ? `records ${extra}` : 'records'} aria-label={label}>
      {caption !== undefined && <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
      {headed && (
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c.heading}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowAttributes?.(row)}>
            {columns.map((c, i) =>
              c.rowHeader ? (
                <th key={i} scope="row" {...c.attributes?.(row)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={i} {...c.attributes?.(row)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
