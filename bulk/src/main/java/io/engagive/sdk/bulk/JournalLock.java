package io.engagive.sdk.bulk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One process at a time on an embedded journal: a lock on {@code <journal>.lock}, released on close or exit. */
final class JournalLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static JournalLock take(Path journal) {
        Path file = journal.resolveSibling(journal.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another run is using the journal " + journal + " (" + file + " is locked)");
            }
            return new JournalLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException("this process already uses the journal " + journal, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BulkJournalException("cannot lock the journal " + journal, e);
        }
    }

    static void release(AutoCloseable lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (Exception e) {
                throw new BulkJournalException("cannot release the journal's lock", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                // the lock was not taken; nothing is held
                return;
            }
        }
    }
}
