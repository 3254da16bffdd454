/** Invisible connection points: edges attach left (in) and right (out) of every node. */
import { Handle, Position } from '@xyflow/react';

/** Both handles. */
export function Handles(): React.JSX.Element {
  return (
    <>
      <Handle type="target" position={Position.Left} className="handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="handle" isConnectable={false} />
    </>
  );
}
