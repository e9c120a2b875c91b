// Lints code snippets as if they were files at the given paths, with the project's own
// ESLint config. Reads [{ filePath, code }] as JSON on stdin, prints the rule ids hit
// per snippet as JSON. Run as a child process: ESLint's flat config is an ES module.
import { ESLint } from 'eslint';

const input = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
});
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [report] = await eslint.lintText(code, { filePath });
  results.push(report.messages.map((m) => m.ruleId ?? m.message));
}
process.stdout.write(JSON.stringify(results));
