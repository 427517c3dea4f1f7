package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts an uploaded zip into a folder of its own, refusing what could hurt the server: entries
 * whose path leaves the folder ({@code ../x}, {@code /etc/x}, {@code C:\x}), more entries or more
 * bytes than {@link ZipLimits} allow (counted while writing). Names are UTF-8, or GB18030 when the
 * zip was made on a Chinese Windows machine that wrote them in the local code page. macOS metadata
 * ({@code __MACOSX/}, {@code ._x}) is skipped.
 */
final class SafeUnzip {
    private static final Charset CHINESE_WINDOWS = Charset.forName("GB18030");

    private SafeUnzip() {}

    /**
     * @return the files extracted
     * @throws ImportFailedException when the zip is unsafe or unreadable; what was extracted stays in
     *     {@code target} for the caller to delete with its workspace
     */
    static List<Path> extract(Path zip, Path target, ZipLimits limits) {
        try (ZipFile file = open(zip)) {
            if (file.size() > limits.maxEntries()) {
                throw new ImportFailedException(
                        "The zip holds " + file.size() + " entries, more than the limit of " + limits.maxEntries(),
                        null);
            }
            Path root = target.toAbsolutePath().normalize();
            List<Path> extracted = new ArrayList<>();
            long totalBytes = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = destination(root, entry.getName());
                if (destination == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(destination)) {
                    totalBytes = copy(in, out, totalBytes, limits.maxTotalBytes());
                }
                extracted.add(destination);
            }
            return extracted;
        } catch (ZipException e) {
            throw new ImportFailedException("The file is not a readable zip: " + e.getMessage(), null);
        } catch (IOException e) {
            throw new ImportFailedException("Could not unpack the zip: " + e.getMessage(), null);
        }
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            // Names in the local code page, not flagged as UTF-8: try the Chinese one.
            try {
                return new ZipFile(zip.toFile(), CHINESE_WINDOWS);
            } catch (ZipException retry) {
                throw e instanceof ZipException ze ? ze : new ZipException(e.getMessage());
            }
        }
    }

    /** Where an entry goes, {@code null} to skip it; refuses names that leave {@code root}. */
    static Path destination(Path root, String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            throw new ImportFailedException(
                    "The zip holds an entry with an absolute path ('" + entryName + "'); refused", null);
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new ImportFailedException(
                        "The zip holds an entry that points outside it ('" + entryName + "'); refused", null);
            }
        }
        if (name.startsWith("__MACOSX/") || name.contains("/._") || name.startsWith("._")) {
            return null;
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new ImportFailedException(
                    "The zip holds an entry that points outside it ('" + entryName + "'); refused", null);
        }
        return destination;
    }

    private static long copy(InputStream in, OutputStream out, long totalBytes, long maxTotalBytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            totalBytes += n;
            if (totalBytes > maxTotalBytes) {
                throw new ImportFailedException(
                        "The zip expands to more than " + maxTotalBytes + " bytes; refused as a possible zip bomb",
                        null);
            }
            out.write(buffer, 0, n);
        }
        return totalBytes;
    }
}
