package org.openenvelope.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system with synchronous writes: files opened for writing get {@code O_DSYNC} ({@code "rwd"}), so
 * every chunk H2 writes is on the disk, not only in the operating system's cache, when the write returns.
 * Together with {@code WRITE_DELAY=0}, which makes H2 write its store at every commit instead of a second later
 * in the background, a commit that H2 acknowledged survives {@code kill -9} and a power cut. H2 itself never
 * forces its file on commit; this is the smallest change that makes it do so (one {@code fdatasync} per chunk).
 *
 * <p>Used through URLs of the form {@code jdbc:h2:fsync:/path/to/database}.
 */
public class SynchronousFileSystem extends FilePathWrapper {

    static final String SCHEME = "fsync";

    /** Makes the scheme known to the H2 engine of this class loader; harmless when done again. */
    static void register() {
        FilePath.register(new SynchronousFileSystem());
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return getBase().open("rw".equals(mode) ? "rwd" : mode);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
