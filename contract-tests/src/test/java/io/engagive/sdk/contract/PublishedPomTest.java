package io.engagive.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every POM the build publishes meets Maven Central's rules: coordinates, name, description, url,
 * license, developers and scm, and (as flattened) no parent and a version on every dependency.
 */
class PublishedPomTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bom", "api-spec", "client-generated", "client-extensions", "sandbox", "test-kit",
        "transports/okhttp", "transports/apache", "bulk"})
    void thePublishedPomIsComplete(String module) throws Exception {
        Path pom = Path.of("..", module, "target", "published-pom.xml");
        assertThat(pom).as("the flattened POM the build publishes for " + module).exists();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom));
        Element project = document.getDocumentElement();

        for (String element : new String[] {"groupId", "artifactId", "version", "name", "description", "url"}) {
            assertThat(text(project, element)).as(module + " " + element).isNotBlank();
        }
        assertThat(child(project, "parent")).as(module + " parent").isNull();
        Element license = child(child(project, "licenses"), "license");
        assertThat(text(license, "name")).isNotBlank();
        assertThat(text(license, "url")).startsWith("https://");
        assertThat(text(child(child(project, "developers"), "developer"), "name")).isNotBlank();
        Element scm = child(project, "scm");
        assertThat(text(scm, "url")).isNotBlank();
        assertThat(text(scm, "connection")).startsWith("scm:");
        NodeList versions = project.getElementsByTagName("dependency");
        for (int i = 0; i < versions.getLength(); i++) {
            assertThat(text((Element) versions.item(i), "version")).as(module + " dependency version").isNotBlank();
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
