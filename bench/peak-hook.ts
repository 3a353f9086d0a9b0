// Preloaded into the measured command (node -r): reports the process's peak memory on exit.
process.on('exit', () => {
  process.stderr.write(`KAOPING_PEAK_KB=${process.resourceUsage().maxRSS}\n`);
});
