package org.lifecircle.web.importer;

/**
 * What a zip may expand to before it is refused as a zip bomb. Sizes are counted while extracting,
 * never taken from the zip's own headers, which an attacker writes.
 *
 * @param maxEntries most entries (files and folders)
 * @param maxTotalBytes most bytes all entries together may expand to
 */
record ZipLimits(int maxEntries, long maxTotalBytes) {
    ZipLimits {
        if (maxEntries < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("Zip limits must be positive");
        }
    }
}
