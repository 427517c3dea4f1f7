package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports an uploaded file: saved under its own (cleaned) name in a temporary folder, so the report
 * names it as the user knows it, imported, deleted.
 */
@Service
class ImportUploads {
    private static final int MAX_NAME_CHARS = 120;

    private final Importers importers;

    ImportUploads(Importers importers) {
        this.importers = importers;
    }

    ImportReport importUpload(String kind, MultipartFile upload, Map<String, String> options) {
        Importer importer = importers.find(kind);
        ImportOptions parsed = ImportOptionParser.parse(options);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("lifecircle-upload-");
            Path file = folder.resolve(fileName(upload.getOriginalFilename()));
            upload.transferTo(file);
            return importer.run(file, parsed, ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the upload", e);
        } finally {
            delete(folder);
        }
    }

    /** The last segment of the name the client sent, without control characters; never a path. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}]", "")
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "upload";
        }
        if (name.length() > MAX_NAME_CHARS) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_CHARS - extension.length()) + extension;
        }
        return name;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // An upload left in the temporary folder is untidy, not harmful.
        }
    }
}
