import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// How long this machine's disk takes to make one small write durable — the
// floor under every acknowledged event on SQLite with synchronous=FULL. Read
// the ingest bench's tail latencies against it: a p99 target below the disk's
// own fsync p99 cannot be met by any server on that disk.

const WRITES = Number(process.env['BENCH_DISK_WRITES'] ?? 3000);
const dir = mkdtempSync(join(process.env['BENCH_DISK_DIR'] ?? tmpdir(), 'callmatrix-disk-'));
const file = join(dir, 'fsync.bin');
const fd = openSync(file, 'w');
const block = Buffer.alloc(4096, 1);
const millis: number[] = [];
try {
  for (let i = 0; i < WRITES; i += 1) {
    const started = process.hrtime.bigint();
    writeSync(fd, block);
    fsyncSync(fd);
    millis.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
} finally {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
}
millis.sort((a, b) => a - b);
const at = (share: number): string =>
  (millis[Math.floor(share * (millis.length - 1))] ?? 0).toFixed(2);
console.log(
  `disk under ${dir}: ${WRITES} writes of 4 KB, each followed by fsync: ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${(millis.at(-1) ?? 0).toFixed(1)} ms`,
);
