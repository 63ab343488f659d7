/**
 * Long writers of this process on SQLite: an import's worker thread holds the database's one write lock
 * for the whole of its all-or-nothing transaction (minutes for a million rows). better-sqlite3 waits for
 * a lock synchronously, so a write from the request thread meanwhile would stall every request until its
 * busy timeout; knowing the lock is taken lets optional writes (a session's last-seen time) wait instead.
 */
let held = 0;

export async function holdingWriteLock<T>(work: () => Promise<T>): Promise<T> {
  held++;
  try {
    return await work();
  } finally {
    held--;
  }
}

export const writeLockHeld = (): boolean => held > 0;
