import { benchImportFile } from './import.js';

// Runs one measurement in a fresh process, so peak memory is the import's own, not the generator's.
const [file, what] = process.argv.slice(2);
if (!file || (what !== 'raw' && what !== 'import')) throw new Error('usage: import-child <file> raw|import');
benchImportFile(file, what).then((r) => {
  process.stdout.write(JSON.stringify(r));
});
