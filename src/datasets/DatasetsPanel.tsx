/** The datasets panel: built-in datasets, CSV import, column roles, split and scaling. */
export function DatasetsPanel() {
  return <div data-testid="datasets">Datasets</div>;
}
