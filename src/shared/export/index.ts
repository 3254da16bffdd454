/** Exports: ARM template and Bicep of what-if edits, diagrams (draw.io, SVG). */
export { exportEdits, type EditExport } from './exportEdits';
export { planDeployment } from './planDeployment';
export type { DeploymentGroup, DeploymentPlan, PlannedResource } from './plannedResource';
export { armTemplate, type ArmTemplate, type TemplateResource } from './armTemplate';
export { bicepFiles, type BicepFiles } from './bicep';
export { templateToArmResources, resourceIdFromName } from './templateToArmResources';
export { indexRawResources, type RawIndex } from './rawIndex';
export { diagramGraph, type DiagramGraph } from './diagram/diagramGraph';
export { gridLayout } from './diagram/gridLayout';
export { toDrawio } from './diagram/drawio';
export { toSvg } from './diagram/svg';
export type { DiagramEdge, DiagramLayout, DiagramNode, DiagramNodeKind } from './diagram/diagramTypes';
