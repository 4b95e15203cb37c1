export async function endToEnd(_n: number): Promise<void> {
  process.stdout.write('\n(end-to-end section: waiting for the synthetic generator)\n');
}
