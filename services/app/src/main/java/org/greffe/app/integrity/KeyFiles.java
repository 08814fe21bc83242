package org.greffe.app.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The key files of {@code greffe.keys.dir}, whatever key they hold ({@link AppendKeys}, {@link HeadSigningKeys}):
 * created owner-only (a 0700 directory, 0600 files, where the file system has POSIX permissions) and atomically, so
 * that of several instances creating a key in one shared directory at once, one wins and the others read its key.
 */
final class KeyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * Writes the bytes to a temporary file, then links it into place.
     *
     * @param temporaryPrefix the temporary file's name prefix, e.g. {@code .append-mac}
     * @return true when this instance created the file; false when another instance created it first
     */
    static boolean create(Path dir, Path target, String temporaryPrefix, byte[] bytes) throws IOException {
        boolean posix = supportsPosix(dir.toAbsolutePath().getRoot());
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path temporary = posix
                ? Files.createTempFile(dir, temporaryPrefix, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, temporaryPrefix, ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                link(temporary, target);
                return true;
            } catch (FileAlreadyExistsException anotherInstanceWon) {
                LOG.info("Another instance created {} first; using its key", target.toAbsolutePath());
                return false;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The files of the directory whose names match the glob; none when the directory does not exist. */
    static List<Path> matching(Path dir, String glob) throws IOException {
        List<Path> matching = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return matching;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            files.forEach(matching::add);
        }
        return matching;
    }

    /** Warns when others than the owner may read the key file. */
    static void warnIfShared(Path file) throws IOException {
        if (supportsPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            if (!permissions.isEmpty()) {
                LOG.warn("{} can be read by others than its owner; chmod 600 it", file.toAbsolutePath());
            }
        }
    }

    /** Links the new key into place, or where the file system has no hard links, moves it there. */
    private static void link(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temporary, target);
        }
    }

    private static boolean supportsPosix(Path path) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix") && path != null;
    }
}
