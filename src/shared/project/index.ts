/** Project files (`*.vnetlens.json`): format, parsing with clear errors, serialization. */
export { PROJECT_EXTENSION, PROJECT_FORMAT, PROJECT_SCHEMA_VERSION, newProject, serializeProject, type Project, type ProjectView } from './projectFile';
export { parseProject, ProjectError } from './parseProject';
