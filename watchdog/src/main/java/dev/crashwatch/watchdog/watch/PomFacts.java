package dev.crashwatch.watchdog.watch;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Maven project's {@code artifactId} and {@code version} (else its parent's version), read from its
 * {@code pom.xml} to name a test fork after the project it tests. The file is hostile input: bounded in size,
 * not followed through a link, no DTD, no external entity.
 */
record PomFacts(String artifactId, String version) {

    static Optional<PomFacts> read(Path pom, long maxBytes) {
        try {
            if (!Files.isRegularFile(pom, LinkOption.NOFOLLOW_LINKS) || Files.size(pom) > maxBytes) {
                return Optional.empty();
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            Element project;
            try (InputStream in = Files.newInputStream(pom, LinkOption.NOFOLLOW_LINKS)) {
                project = factory.newDocumentBuilder().parse(in).getDocumentElement();
            }
            String artifactId = child(project, "artifactId");
            if (artifactId == null || !artifactId.matches("[A-Za-z0-9._-]+")) {
                return Optional.empty();
            }
            String version = child(project, "version");
            if (version == null) {
                Element parent = element(project, "parent");
                version = parent == null ? null : child(parent, "version");
            }
            return Optional.of(new PomFacts(artifactId,
                    version != null && version.matches("[A-Za-z0-9._+-]+") ? version : null));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    private static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element e = element(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
