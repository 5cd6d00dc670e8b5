import { describe, expect, it } from 'vitest';
import { GroupCommit, type GroupCommitter } from './group-commit.js';

// Group commit (service.md §4: several requests may share one commit), and how
// many commits may be under way at once (issue 10: SQLite's next batch commits
// while the last one waits for its fdatasync).

/** A committer whose commits are recorded and finish only when released. */
function heldCommitter(inFlight?: number) {
  const commits: Array<{ items: number[]; release: (ok: boolean) => void }> = [];
  const committer: GroupCommitter<number, string> = {
    max: 3,
    ...(inFlight === undefined ? {} : { inFlight }),
    one: (item) =>
      new Promise((resolve, reject) =>
        commits.push({
          items: [item],
          release: (ok) => (ok ? resolve(`one ${item}`) : reject(new Error(`no ${item}`))),
        }),
      ),
    many: (items) =>
      new Promise((resolve, reject) =>
        commits.push({
          items: [...items],
          release: (ok) =>
            ok ? resolve(items.map((item) => `many ${item}`)) : reject(new Error('shared')),
        }),
      ),
  };
  return { commits, group: new GroupCommit(committer) };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('items submitted in one turn share a commit, at most `max` per commit', async () => {
    const { commits, group } = heldCommitter(4);
    const outcomes = [1, 2, 3, 4].map((item) => group.submit(item));
    await turn();
    expect(commits.map((commit) => commit.items)).toEqual([[1, 2, 3], [4]]);
    commits.forEach((commit) => commit.release(true));
    expect(await Promise.all(outcomes)).toEqual(['many 1', 'many 2', 'many 3', 'one 4']);
  });

  it('by default one commit at a time: what arrives meanwhile waits and then goes together', async () => {
    const { commits, group } = heldCommitter();
    const first = group.submit(1);
    await turn();
    const later = [2, 3].map((item) => group.submit(item));
    await turn();
    expect(commits).toHaveLength(1);
    commits[0]?.release(true);
    await first;
    await turn();
    expect(commits.map((commit) => commit.items)).toEqual([[1], [2, 3]]);
    commits[1]?.release(true);
    expect(await Promise.all(later)).toEqual(['many 2', 'many 3']);
  });

  it('with inFlight 2 the next batch commits while the last one is still under way, and no third', async () => {
    const { commits, group } = heldCommitter(2);
    const first = group.submit(1);
    await turn();
    const second = group.submit(2);
    await turn();
    const third = group.submit(3);
    await turn();
    expect(commits.map((commit) => commit.items)).toEqual([[1], [2]]);
    commits[1]?.release(true);
    expect(await second).toBe('one 2');
    await turn();
    expect(commits.map((commit) => commit.items)).toEqual([[1], [2], [3]]);
    commits[0]?.release(true);
    commits[2]?.release(true);
    expect([await first, await third]).toEqual(['one 1', 'one 3']);
  });

  it('a shared commit that fails is retried item by item, each standing alone', async () => {
    const { commits, group } = heldCommitter(4);
    const outcomes = [1, 2].map((item) =>
      group.submit(item).catch((error: Error) => error.message),
    );
    await turn();
    commits[0]?.release(false);
    await turn();
    expect(commits.map((commit) => commit.items)).toEqual([[1, 2], [1]]);
    commits[1]?.release(false);
    await turn();
    commits[2]?.release(true);
    expect(await Promise.all(outcomes)).toEqual(['no 1', 'one 2']);
  });
});
