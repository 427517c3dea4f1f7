package org.lifecircle.web.ogc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OGC XML schemas that the documents of {@code /ogc} name, served from the packages they come
 * in so that a validator needs no internet: {@code org.jvnet.ogc:ogc-schemas} holds a copy of
 * schemas.opengis.net under {@code ogc/}, {@code org.hisrc.w3c:w3c-schemas} the W3C schemas they
 * import ({@code xlink.xsd}, {@code xml.xsd}) under {@code w3c/}. The served tree mirrors
 * schemas.opengis.net, the layout MapServer expects below {@code ows_schemas_location} ({@code
 * wms/1.3.0/capabilities_1_3_0.xsd}, {@code wfs/2.0/wfs.xsd}, {@code gml/3.2.1/gml.xsd} …), with
 * the W3C schemas under {@code w3c/} ({@code w3c/1999/xlink.xsd}).
 *
 * <p>The OGC schemas import each other by absolute URL ({@code
 * schemaLocation="http://schemas.opengis.net/ows/1.1.0/owsAll.xsd"}, {@code
 * "http://www.w3.org/1999/xlink.xsd"}), and validators (libxml2, the JDK's Xerces) follow such a
 * URL as written, whatever served the schema that names it. So every {@code schemaLocation} that
 * names one of those two hosts becomes a relative reference within the served tree, which a
 * validator resolves against the URL it fetched the schema from. Relative references keep the
 * answer independent of the host name and any proxy in front, so it may be cached like a static
 * file; an XML catalog would have worked only for clients configured to use one.
 *
 * <p>Only {@code .xsd} and {@code .dtd} files of those two packages are served: a path is plain
 * segments of letters, digits, {@code _ - .}, none starting with a dot (so never {@code ..}), and
 * the file found must come from the package's own jar. Thread-safe: immutable.
 */
final class SchemaLibrary {
    /** A served schema: the rewritten bytes, their media type and an entity tag of the bytes. */
    record Schema(byte[] content, String mediaType, String entityTag) {}

    /** A package and the path prefix it has in the served tree and on the class path. */
    private record Source(String servedPrefix, String classpathPrefix, String baseUrl) {}

    private static final String OGC_HOST = "http://schemas.opengis.net/";
    private static final String W3C_HOST = "http://www.w3.org/";
    private static final String W3C_PREFIX = "w3c/";
    private static final int MAX_PATH_LENGTH = 300;

    private static final Pattern SERVED_PATH =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\\.(xsd|dtd)");
    /**
     * One {@code schemaLocation} attribute of an import, include or redefine that names one of the
     * two hosts; a value with white space is an {@code xsi:schemaLocation} list and stays as it is.
     */
    private static final Pattern ABSOLUTE_LOCATION = Pattern.compile("(schemaLocation\\s*=\\s*)([\"'])("
            + Pattern.quote(OGC_HOST) + "|" + Pattern.quote(W3C_HOST) + ")([^\"'\\s]*)\\2");

    private final ClassLoader classLoader;
    private final Source ogc;
    private final Source w3c;

    private SchemaLibrary(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.ogc = source(classLoader, "", "ogc/", "wfs/2.0/wfs.xsd");
        this.w3c = source(classLoader, W3C_PREFIX, W3C_PREFIX, "1999/xlink.xsd");
    }

    /** The library of the packages on the class path of this class. */
    static SchemaLibrary fromClasspath() {
        return new SchemaLibrary(SchemaLibrary.class.getClassLoader());
    }

    /**
     * The schema at {@code path} in the served tree (e.g. {@code wfs/2.0/wfs.xsd}, as it appears in
     * the request URI, not decoded), or empty when the path is not one of the packages' schemas.
     */
    Optional<Schema> find(String path) {
        if (path.length() > MAX_PATH_LENGTH || !SERVED_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        Source source = path.startsWith(W3C_PREFIX) ? w3c : ogc;
        String resource =
                source.classpathPrefix() + path.substring(source.servedPrefix().length());
        URL url = classLoader.getResource(resource);
        // The same path in another jar (or our own classes) is not the package's schema.
        if (url == null || !url.toString().equals(source.baseUrl() + resource)) {
            return Optional.empty();
        }
        byte[] content;
        try (InputStream in = url.openStream()) {
            content = rewrite(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged schema " + resource, e);
        }
        String mediaType = path.endsWith(".dtd") ? "application/xml-dtd" : "application/xml";
        return Optional.of(new Schema(content, mediaType, entityTag(content)));
    }

    /**
     * Makes every absolute {@code schemaLocation} on schemas.opengis.net or www.w3.org relative to
     * the schema at {@code path}. The bytes are handled as ISO-8859-1, which maps each byte to one
     * char and back: the ASCII patterns never match inside a UTF-8 sequence, and everything else
     * comes out byte for byte as it went in, whatever the encoding the schema declares.
     */
    static byte[] rewrite(String path, byte[] schema) {
        String text = new String(schema, StandardCharsets.ISO_8859_1);
        String up = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        Matcher m = ABSOLUTE_LOCATION.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String target = (m.group(3).equals(OGC_HOST) ? "" : W3C_PREFIX) + m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + up + target + m.group(2)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Source source(ClassLoader classLoader, String servedPrefix, String classpathPrefix, String anchor) {
        String resource = classpathPrefix + anchor;
        URL url = classLoader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("The schema package holding " + resource + " is not on the class path");
        }
        String text = url.toString();
        return new Source(servedPrefix, classpathPrefix, text.substring(0, text.length() - resource.length()));
    }

    private static String entityTag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
