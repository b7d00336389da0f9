/** A one-line progress bar on standard error (a plain line per step when not on a terminal). */
export function progressBar(label: string) {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return (done: number, total: number, what: string) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (!tty) {
      if (percent >= last + 10 || done === total) process.stderr.write(`${label}: ${done}/${total} ${what}\n`);
      last = percent;
      return;
    }
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} ${what.slice(0, 30).padEnd(30)}`);
    if (done === total) process.stderr.write("\n");
  };
}
