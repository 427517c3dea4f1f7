package org.lifecircle.web.ogc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.lifecircle.web.TestAccounts;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's XML Schema validator (Xerces) as a GIS analyst's tool would run it on a machine without
 * internet: a document is validated against the schemas its {@code xsi:schemaLocation} names, and
 * every schema, import and include is fetched from the service under test only. Any other URL
 * (schemas.opengis.net, www.w3.org) is refused and recorded, so a document or schema that still
 * needs the internet fails here as it would offline.
 *
 * <p>Schemas under {@code /ogc/schemas} are fetched without an account, as they are public; the
 * schemas MapServer answers itself under {@code /ogc} (DescribeFeatureType, the WMS schema
 * extension) with the tests' admin account, as a signed-in client would.
 */
final class ServiceOnlySchemaValidator {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final String serviceBase;
    private final Map<String, byte[]> fetched = new LinkedHashMap<>();
    private final Set<String> refused = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    /** @param serviceBase e.g. {@code http://127.0.0.1:8080}: only URLs below it are fetched */
    ServiceOnlySchemaValidator(String serviceBase) {
        this.serviceBase = serviceBase;
    }

    /**
     * Validates {@code document} (fetched from {@code url}) against the schemas it names; returns
     * the warnings and errors, empty when it is valid.
     */
    List<String> validate(byte[] document, String url) {
        problems.clear();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(resolver());
            // No schema given: the validator loads what xsi:schemaLocation names, through the resolver.
            Validator validator = factory.newSchema().newValidator();
            validator.setResourceResolver(resolver());
            validator.setErrorHandler(collector());
            validator.validate(new StreamSource(new ByteArrayInputStream(document), url));
        } catch (SAXException | IOException e) {
            problems.add("fatal: " + e.getMessage());
        }
        return List.copyOf(problems);
    }

    /**
     * Compiles a schema document (a DescribeFeatureType answer) with everything it imports; returns
     * the warnings and errors, empty when it is a valid schema.
     */
    List<String> compile(byte[] schema, String url) {
        problems.clear();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(resolver());
            factory.setErrorHandler(collector());
            factory.newSchema(new StreamSource(new ByteArrayInputStream(schema), url));
        } catch (SAXException e) {
            problems.add("fatal: " + e.getMessage());
        }
        return List.copyOf(problems);
    }

    /** Every URL fetched so far, in order, with its body. */
    Map<String, byte[]> fetched() {
        return fetched;
    }

    /** Every URL the validator asked for that is not the service's. */
    Set<String> refused() {
        return refused;
    }

    /** The {@code xsi:schemaLocation} of the root element as namespace → location. */
    static Map<String, String> schemaLocations(byte[] document) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            String pairs = reader.getAttributeValue(XSI, "schemaLocation");
            Map<String, String> locations = new LinkedHashMap<>();
            if (pairs != null) {
                String[] tokens = pairs.trim().split("\\s+");
                for (int i = 0; i + 1 < tokens.length; i += 2) {
                    locations.put(tokens[i], tokens[i + 1]);
                }
            }
            return locations;
        } catch (XMLStreamException e) {
            throw new AssertionError("Not XML: " + e.getMessage(), e);
        }
    }

    private ErrorHandler collector() {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning: " + describe(e));
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("error: " + describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("fatal: " + describe(e));
            }
        };
    }

    private static String describe(SAXParseException e) {
        return e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage();
    }

    private LSResourceResolver resolver() {
        DOMImplementationLS ls = domLs();
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (systemId == null) {
                return null; // an import without a location: nothing to fetch
            }
            String url = baseUri == null
                    ? systemId
                    : URI.create(baseUri).resolve(systemId).toString();
            LSInput input = ls.createLSInput();
            input.setSystemId(url);
            input.setPublicId(publicId);
            if (!url.startsWith(serviceBase + "/ogc")) {
                refused.add(url);
                // An empty answer: the validator reports the schema as unreadable.
                input.setCharacterStream(new StringReader(""));
                return input;
            }
            input.setByteStream(new ByteArrayInputStream(fetch(url)));
            return input;
        };
    }

    private byte[] fetch(String url) {
        byte[] known = fetched.get(url);
        if (known != null) {
            return known;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (!url.startsWith(serviceBase + SchemaController.PATH + "/")) {
            request.header("Authorization", TestAccounts.adminBasic());
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                problems.add("fetch: " + url + " answered " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
                return new byte[0];
            }
            fetched.put(url, response.body());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("Cannot fetch " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static DOMImplementationLS domLs() {
        try {
            return (DOMImplementationLS) DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation()
                    .getFeature("LS", "3.0");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
