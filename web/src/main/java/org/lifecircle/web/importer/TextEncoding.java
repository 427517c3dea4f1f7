package org.lifecircle.web.importer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks and converts the encoding of text files (CSV) and of a DBF's text. */
final class TextEncoding {
    private TextEncoding() {}

    /** Whether the whole stream decodes as UTF-8 (plain ASCII does). */
    static boolean isUtf8(InputStream in) throws IOException {
        try (Reader reader = new InputStreamReader(in, strict(StandardCharsets.UTF_8))) {
            char[] buffer = new char[1 << 14];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Copies {@code source} in {@code charset} to {@code target} in UTF-8.
     *
     * @throws ImportFailedException when the text is not valid in {@code charset}
     */
    static void transcodeToUtf8(Path source, Charset charset, Path target) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(Files.newInputStream(source), strict(charset)));
                Writer writer = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
            reader.transferTo(writer);
        } catch (CharacterCodingException e) {
            throw new ImportFailedException(
                    source.getFileName() + " is not valid " + charset.name() + " text; check --encoding", null);
        } catch (IOException e) {
            throw new ImportFailedException("Cannot read " + source.getFileName() + ": " + e.getMessage(), null);
        }
    }

    /**
     * Whether a DBF file's field names and records are valid UTF-8 (binary header numbers skipped).
     * Layout: dBASE III header of {@code headerLength} bytes (little-endian at offset 8), 32-byte
     * field descriptors with an 11-byte name each, then the records.
     */
    static boolean dbfTextIsUtf8(Path dbf) throws IOException {
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] head = in.readNBytes(32);
            if (head.length < 32) {
                return true;
            }
            int headerLength = (head[8] & 0xff) | (head[9] & 0xff) << 8;
            byte[] descriptors = in.readNBytes(Math.max(0, headerLength - 32));
            for (int i = 0; i + 32 <= descriptors.length && descriptors[i] != 0x0D; i += 32) {
                int len = 0;
                while (len < 11 && descriptors[i + len] != 0) {
                    len++;
                }
                if (!isUtf8(new ByteArrayInputStream(descriptors, i, len))) {
                    return false;
                }
            }
            return isUtf8(in);
        }
    }

    /** The language driver id of a DBF (byte 29): 0 means the file names no code page. */
    static int dbfLanguageDriver(Path dbf) throws IOException {
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] head = in.readNBytes(30);
            return head.length < 30 ? 0 : head[29] & 0xff;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
