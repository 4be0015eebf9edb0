/**
 * A jest reporter that prints, after the run, how long each test file took, slowest first (the ten slowest unless
 * JEST_DURATIONS=all): where `npm test`'s time goes. `--json --outputFile=…` gives the same figures as data.
 */
export default class SlowestFilesReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({
        path: file.testFilePath.replace(`${process.cwd()}/`, ''),
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    const shown = process.env.JEST_DURATIONS === 'all' ? files : files.slice(0, 10);
    const total = files.reduce((sum, file) => sum + file.seconds, 0);
    const wall = (Date.now() - results.startTime) / 1000;
    console.log(`\nTest files by duration (${files.length} files, ${total.toFixed(1)} s in all, ${wall.toFixed(1)} s wall clock):`);
    for (const file of shown) console.log(`  ${file.seconds.toFixed(1).padStart(7)} s  ${file.path}`);
  }
}
