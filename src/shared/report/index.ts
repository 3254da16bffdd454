/** Reports of a check run: the JSON contract, the terminal table and SARIF. */
export * from './checkJson';
export * from './formatTable';
export * from './sarif';
export { flowLight, checkLight, type Light } from './flowGroups';
export { decidedByText } from './decidedByText';
