// Prints the first screen's JavaScript weight of a build and fails above the budget
// (run: npm run size, after a build; the end-to-end run checks the same in e2e/size.spec.ts).
import { budgetProblem, describeFirstScreen, FIRST_SCREEN_BUDGET, kb, measureFirstScreen } from './sizeBudget';

const outDir = process.argv[2] ?? 'dist';
const report = measureFirstScreen(outDir);
const problem = budgetProblem(report);
if (problem) {
  console.error(problem);
  process.exit(1);
}
console.log(`${describeFirstScreen(report)}\nWithin the ${kb(FIRST_SCREEN_BUDGET)} budget.`);
