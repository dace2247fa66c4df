package org.opensspr.branding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Decides whether uploaded bytes may be the logo, by their content, never by the name or type the
 * client claims: a PNG (signature and header, at most 4096 pixels a side; never decoded, so no
 * decompression bomb) or an SVG that can do nothing but draw. An SVG is refused, not rewritten, when
 * it has a DOCTYPE or entity, a processing instruction ({@code xml-stylesheet}), a script, an event
 * handler ({@code on...}), an element that embeds or links ({@code foreignObject}, {@code iframe},
 * {@code a}, {@code image}, animation that could change a link...), a reference that is not within the
 * document ({@code href} not {@code #...}, {@code url(...)} not {@code url(#...)}), {@code @import} or
 * {@code javascript:}: an admin can clean a logo once; a sanitiser that misses a case serves a script
 * from this origin. The portal shows the logo with {@code <img>} (no script runs there either) and
 * {@code /branding/logo} serves it with a restrictive CSP.
 */
final class LogoCheck {

    /** 100 KB. */
    static final int MAX_BYTES = 100 * 1024;

    static final int MAX_PIXELS = 4096;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** Elements that run, embed, link or animate: none belongs in a logo. */
    private static final Set<String> REFUSED_ELEMENTS = Set.of(
            "script",
            "foreignobject",
            "iframe",
            "embed",
            "object",
            "audio",
            "video",
            "image",
            "a",
            "use",
            "handler",
            "listener",
            "set",
            "animate",
            "animatemotion",
            "animatetransform",
            "animatecolor",
            "discard",
            "feimage");

    private static final Pattern URL =
            Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^)'\"\\s]*)", Pattern.CASE_INSENSITIVE);

    private LogoCheck() {}

    /**
     * The logo {@code content} is, as {@code declared} ({@code image/png} or {@code image/svg+xml}) says.
     *
     * @throws InvalidInput {@code logo-too-large}, {@code logo-type} (not what it claims, neither PNG
     *     nor SVG, an unreadable PNG or XML) or {@code logo-unsafe} (an SVG that could do more than draw)
     */
    static Logo check(byte[] content, String declared) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(ProblemCode.LOGO_TYPE);
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInput(ProblemCode.LOGO_TOO_LARGE, MAX_BYTES / 1024);
        }
        String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
        if (type.startsWith(Logo.PNG)) {
            checkPng(content);
            return new Logo(Logo.PNG, content.clone(), sha256(content));
        }
        if (type.startsWith(Logo.SVG)) {
            checkSvg(content);
            return new Logo(Logo.SVG, content.clone(), sha256(content));
        }
        throw new InvalidInput(ProblemCode.LOGO_TYPE);
    }

    private static void checkPng(byte[] content) {
        // Signature, then the IHDR chunk: length 13, type, width, height.
        if (content.length < 33
                || !Arrays.equals(Arrays.copyOf(content, 8), PNG_SIGNATURE)
                || !"IHDR".equals(new String(content, 12, 4, StandardCharsets.US_ASCII))) {
            throw new InvalidInput(ProblemCode.LOGO_TYPE);
        }
        ByteBuffer header = ByteBuffer.wrap(content, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt());
        long height = Integer.toUnsignedLong(header.getInt());
        if (width == 0 || height == 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new InvalidInput(ProblemCode.LOGO_TYPE);
        }
    }

    private static void checkSvg(byte[] content) {
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (SAXException e) {
            // A DOCTYPE is refused by the parser, as is anything that is not well-formed XML.
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw new InvalidInput(message.contains("doctype") ? ProblemCode.LOGO_UNSAFE : ProblemCode.LOGO_TYPE);
        } catch (IOException e) {
            throw new InvalidInput(ProblemCode.LOGO_TYPE);
        }
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new InvalidInput(ProblemCode.LOGO_TYPE);
        }
        if (!safe(root.getOwnerDocument())) {
            throw new InvalidInput(ProblemCode.LOGO_UNSAFE);
        }
    }

    /** Whether {@code node} and everything under it only draws. */
    static boolean safe(Node node) {
        switch (node.getNodeType()) {
            case Node.PROCESSING_INSTRUCTION_NODE, Node.ENTITY_REFERENCE_NODE, Node.ENTITY_NODE, Node.NOTATION_NODE -> {
                return false;
            }
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                String name = String.valueOf(element.getLocalName()).toLowerCase(Locale.ROOT);
                if (REFUSED_ELEMENTS.contains(name)) {
                    return false;
                }
                if ("style".equals(name) && !safeValue(element.getTextContent())) {
                    return false;
                }
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    String local = String.valueOf(
                                    attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
                            .toLowerCase(Locale.ROOT);
                    String value = attribute.getValue().strip();
                    if (local.startsWith("on")) {
                        return false;
                    }
                    if (local.equals("href") && !value.startsWith("#")) {
                        return false;
                    }
                    if (!safeValue(value)) {
                        return false;
                    }
                }
            }
            default -> {
                // text, comments, CDATA (checked with their element when in <style>)
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!safe(child)) {
                return false;
            }
        }
        return true;
    }

    /** An attribute value or style sheet: no script URL, no import, no reference out of the document. */
    private static boolean safeValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (lower.contains("javascript:") || lower.contains("@import") || lower.contains("expression(")) {
            return false;
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no safe XML parser: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
