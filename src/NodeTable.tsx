import { memo } from 'react';
import { formatShape } from '../engine';
import { formatValues } from './format';
import type { NodeSnapshot } from './session';

/** One row per node, in evaluation order: op, shape, value and gradient. */
export function NodeTable({ nodes, loss }: { nodes: readonly NodeSnapshot[]; loss: string | null }) {
  return (
    <table className="nodes" data-testid="nodes">
      <caption>Nodes in evaluation order</caption>
      <thead>
        <tr>
          <th scope="col">node</th>
          <th scope="col">op</th>
          <th scope="col">shape</th>
          <th scope="col">value</th>
          <th scope="col">grad</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <NodeRow key={n.id} node={n} isLoss={n.id === loss} />
        ))}
      </tbody>
    </table>
  );
}

const NodeRow = memo(function NodeRow({ node, isLoss }: { node: NodeSnapshot; isLoss: boolean }) {
  const id = node.id;
  return (
    <tr data-testid={`node.${id}`}>
      <th scope="row" data-testid={`node.${id}.label`}>
        {node.label}
        {isLoss && <span className="badge"> (loss)</span>}
      </th>
      <td data-testid={`node.${id}.op`}>{node.op}</td>
      <td data-testid={`node.${id}.shape`}>{formatShape(node.shape)}</td>
      <td className="values" data-testid={`node.${id}.value`}>{formatValues(node.shape, node.value)}</td>
      <td className="values" data-testid={`node.${id}.grad`}>
        {node.grad ? formatValues(node.shape, node.grad) : 'None'}
      </td>
    </tr>
  );
});
